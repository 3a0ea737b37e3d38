import { describe, expect, it } from 'vitest';
import { PODS, SERVICES } from '../../client/client.ts';
import { runPod, setup, slices } from './testFixtures.ts';

describe('endpointslice controller', () => {
  it('keeps a placeholder slice, then lists pods with resolved named ports and conditions', () => {
    const c = setup();
    expect(slices(c)).toHaveLength(1);
    expect(slices(c)[0].metadata.name).toMatch(/^web-[a-z0-9]{5}$/);
    expect(slices(c)[0].endpoints).toEqual([]);
    runPod(c, 'web-1', '10.244.1.5', true);
    const pod2 = runPod(c, 'web-2', '10.244.1.6', false);
    const [s] = slices(c);
    expect(slices(c)).toHaveLength(1);
    expect(s.metadata.labels).toEqual({
      app: 'web',
      'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
      'kubernetes.io/service-name': 'web',
    });
    expect(s.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Service', name: 'web', controller: true, blockOwnerDeletion: true });
    expect(s.addressType).toBe('IPv4');
    expect(s.ports).toEqual([{ name: 'http', port: 8080, protocol: 'TCP' }]);
    expect(s.endpoints).toEqual([
      { addresses: ['10.244.1.5'], conditions: { ready: true, serving: true, terminating: false }, targetRef: expect.objectContaining({ kind: 'Pod', name: 'web-1' }), nodeName: 'node01' },
      { addresses: ['10.244.1.6'], conditions: { ready: false, serving: false, terminating: false }, targetRef: { kind: 'Pod', namespace: 'default', name: 'web-2', uid: pod2.metadata.uid }, nodeName: 'node01' },
    ]);
  });

  it('marks terminating pods not ready but serving, and splits pods whose named port differs', () => {
    const c = setup();
    runPod(c, 'web-1', '10.244.1.5', true);
    runPod(c, 'web-2', '10.244.2.5', true, 9090);
    expect(slices(c).map((s) => (s.ports as Array<{ port: number }>)[0].port).sort()).toEqual([8080, 9090]);
    c.client().delete(PODS, 'default', 'web-1');
    c.settle();
    const s = slices(c).find((x) => (x.ports as Array<{ port: number }>)[0].port === 8080)!;
    expect((s.endpoints as Array<{ conditions: unknown }>)[0].conditions).toEqual({ ready: false, serving: true, terminating: true });
  });

  it('slices go with their service (garbage collector)', () => {
    const c = setup();
    c.client().delete(SERVICES, 'default', 'web');
    c.settle();
    expect(slices(c)).toEqual([]);
  });
});

