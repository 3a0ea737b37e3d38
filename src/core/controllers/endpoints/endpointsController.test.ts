import { describe, expect, it } from 'vitest';
import { ENDPOINTS, PODS, SERVICES } from '../../client/client.ts';
import { runPod, setup, slices } from '../endpointslice/testFixtures.ts';

describe('endpoints controller', () => {
  it('lists ready and not-ready addresses sorted by IP, drops terminating pods and follows the service', () => {
    const c = setup();
    expect(c.client().get(ENDPOINTS, 'default', 'web').subsets).toBeUndefined();
    runPod(c, 'web-b', '10.244.1.9', true);
    runPod(c, 'web-a', '10.244.1.10', true);
    runPod(c, 'web-c', '10.244.2.3', false);
    const ep = c.client().get(ENDPOINTS, 'default', 'web');
    expect(ep.metadata.labels).toEqual({ app: 'web' });
    const [subset] = ep.subsets as Array<{ addresses: Array<{ ip: string; nodeName: string }>; notReadyAddresses: Array<{ ip: string }>; ports: unknown }>;
    expect(subset.addresses.map((a) => a.ip)).toEqual(['10.244.1.10', '10.244.1.9']);
    expect(subset.addresses[0].nodeName).toBe('node01');
    expect(subset.notReadyAddresses.map((a) => a.ip)).toEqual(['10.244.2.3']);
    expect(subset.ports).toEqual([{ name: 'http', port: 8080, protocol: 'TCP' }]);
    c.client().delete(PODS, 'default', 'web-a');
    c.settle();
    const after = c.client().get(ENDPOINTS, 'default', 'web').subsets as Array<{ addresses: Array<{ ip: string }> }>;
    expect(after[0].addresses.map((a) => a.ip)).toEqual(['10.244.1.9']);
    c.client().delete(SERVICES, 'default', 'web');
    c.settle();
    expect(c.client().tryGet(ENDPOINTS, 'default', 'web')).toBeUndefined();
  });

  it('publishNotReadyAddresses lists every pod as ready, terminating ones too', () => {
    const c = setup({ publishNotReadyAddresses: true, ports: [{ port: 80, targetPort: 8080 }] });
    runPod(c, 'web-a', '10.244.1.4', false);
    const ep = c.client().get(ENDPOINTS, 'default', 'web');
    expect(ep.subsets).toEqual([
      { addresses: [{ ip: '10.244.1.4', nodeName: 'node01', targetRef: expect.objectContaining({ name: 'web-a' }) }], ports: [{ port: 8080, protocol: 'TCP' }] },
    ]);
    const [s] = slices(c);
    expect((s.endpoints as Array<{ conditions: unknown }>)[0].conditions).toEqual({ ready: true, serving: true, terminating: false });
  });
});
