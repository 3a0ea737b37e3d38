import { describe, expect, it } from 'vitest';
import { Backoff } from './backoff.ts';
import { containerEnvVars, expand, serviceEnv } from './env.ts';
import { hex, nodeResources, podCIDRFor, sameNodeStatus } from './nodeObject.ts';
import { Random } from '../../sim/random.ts';
import { PodIPAllocator } from './podIPs.ts';
import type { KubeObject, Pod } from '../../api/types.ts';

describe('Backoff', () => {
  it('doubles from 10s to 5m and resets after 10 idle minutes', () => {
    const b = new Backoff();
    const seen: number[] = [];
    let t = 0;
    for (let i = 0; i < 7; i++) {
      b.next('k', t);
      seen.push(b.delay('k'));
      t += 1000;
    }
    expect(seen).toEqual([10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000]);
    expect(b.remainingSince('k', t, t + 100_000)).toBe(200_000);
    b.next('k', t + 601_000 + 6000);
    expect(b.delay('k')).toBe(10_000);
  });
});

describe('PodIPAllocator', () => {
  it('hands out .2, .3 … after the last one, like host-local', () => {
    const a = new PodIPAllocator('10.244.1.0/24');
    expect([a.allocate('a'), a.allocate('b'), a.allocate('a')]).toEqual(['10.244.1.2', '10.244.1.3', '10.244.1.2']);
    a.release('a');
    expect(a.allocate('c')).toBe('10.244.1.4');
  });
});

describe('node resources', () => {
  it('capacity and allocatable as the kubelet computes them', () => {
    const r = nodeResources({ name: 'n', controlPlane: false, cpu: '2', memory: '4Gi', pods: '110' });
    expect(r.capacity).toEqual({ cpu: '2', 'ephemeral-storage': '20134592Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '4194304Ki', pods: '110' });
    expect(r.allocatable.memory).toBe('4091904Ki');
    expect(r.allocatable['ephemeral-storage']).toBe('18556039988');
    expect(podCIDRFor('10.244.0.0/16', 2)).toBe('10.244.2.0/24');
    // --node-cidr-mask-size=23: ranges of 512 addresses, in order.
    expect(podCIDRFor('10.244.0.0/16', 3, 23)).toBe('10.244.6.0/23');
  });
});

describe('env', () => {
  it('expands $(VAR) and keeps unknown references', () => {
    const vars = new Map([['A', 'x']]);
    expect(expand('$(A)-$(B)-$$(A)', vars)).toBe('x-$(B)-$(A)');
  });

  it('builds docker-links service variables', () => {
    const svc = { metadata: { name: 'my-svc' }, spec: { clusterIP: '10.96.5.5', ports: [{ name: 'http', port: 80, protocol: 'TCP' }] } } as KubeObject;
    expect(serviceEnv(svc)).toEqual([
      ['MY_SVC_SERVICE_HOST', '10.96.5.5'],
      ['MY_SVC_SERVICE_PORT', '80'],
      ['MY_SVC_SERVICE_PORT_HTTP', '80'],
      ['MY_SVC_PORT', 'tcp://10.96.5.5:80'],
      ['MY_SVC_PORT_80_TCP', 'tcp://10.96.5.5:80'],
      ['MY_SVC_PORT_80_TCP_PROTO', 'tcp'],
      ['MY_SVC_PORT_80_TCP_PORT', '80'],
      ['MY_SVC_PORT_80_TCP_ADDR', '10.96.5.5'],
    ]);
  });

  it('resolves secrets, missing keys and resource fields', () => {
    const pod = { metadata: { name: 'p', namespace: 'ns', uid: 'u' }, spec: { containers: [] } } as unknown as Pod;
    const secret = { metadata: { name: 's' }, data: { pw: 'aHVudGVyMg==' } } as unknown as KubeObject;
    const lookup = {
      configMap: () => ({ metadata: { name: 'c' }, data: { a: '1' } }) as unknown as KubeObject,
      secret: (_: string, n: string) => (n === 's' ? secret : undefined),
      services: () => [],
      nodeAllocatable: { cpu: '2', memory: '4091904Ki' },
    };
    const c = {
      name: 'x',
      resources: { limits: { memory: '64Mi' } },
      env: [
        { name: 'PW', valueFrom: { secretKeyRef: { name: 's', key: 'pw' } } },
        { name: 'MEM', valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: '1Mi' } } },
        { name: 'CPU', valueFrom: { resourceFieldRef: { resource: 'limits.cpu' } } },
      ],
    };
    expect(containerEnvVars(pod, c, lookup)).toEqual({ ok: true, env: [['PW', 'hunter2'], ['MEM', '64'], ['CPU', '2']] });
    const bad = { name: 'x', env: [{ name: 'A', valueFrom: { configMapKeyRef: { name: 'c', key: 'zz' } } }] };
    expect(containerEnvVars(pod, bad, lookup)).toEqual({ ok: false, message: "couldn't find key zz in ConfigMap ns/c" });
  });
});

describe('sameNodeStatus', () => {
  const status = (heartbeat: string, extra: Record<string, unknown> = {}) => ({
    conditions: [{ type: 'Ready', status: 'True', lastHeartbeatTime: heartbeat, lastTransitionTime: 't0', reason: 'KubeletReady', message: 'ok' }],
    images: [{ names: ['a'], sizeBytes: 1 }],
    ...extra,
  });
  it('ignores heartbeat times and nothing else', () => {
    expect(sameNodeStatus(status('t1'), status('t2'))).toBe(true);
    expect(sameNodeStatus(status('t1'), status('t1', { images: [{ names: ['a', 'b'], sizeBytes: 1 }] }))).toBe(false);
    expect(sameNodeStatus(status('t1'), status('t1', { extra: undefined }))).toBe(true);
    const moved = status('t1');
    moved.conditions[0]!.lastTransitionTime = 't1';
    expect(sameNodeStatus(status('t1'), moved)).toBe(false);
    expect(sameNodeStatus(status('t1'), { ...status('t1'), conditions: [] })).toBe(false);
  });
});

describe('containerEnvVars service links', () => {
  it('follows a changed Service (a new frozen object) rather than remembered variables', () => {
    const svc = (ip: string) => Object.freeze({ apiVersion: 'v1', kind: 'Service', metadata: Object.freeze({ name: 'kubernetes', namespace: 'default' }), spec: Object.freeze({ clusterIP: ip, ports: [{ name: 'https', port: 443, protocol: 'TCP' }] }) }) as unknown as KubeObject;
    const pod = { metadata: { name: 'p', namespace: 'default' }, spec: { containers: [] } } as unknown as Pod;
    const lookupWith = (s: KubeObject) => ({ configMap: () => undefined, secret: () => undefined, services: () => [s], nodeAllocatable: { cpu: '2', memory: '1Gi' } });
    const host = (r: ReturnType<typeof containerEnvVars>) => (r.ok ? r.env.find(([k]) => k === 'KUBERNETES_SERVICE_HOST')?.[1] : undefined);
    const first = svc('10.96.0.1');
    expect(host(containerEnvVars(pod, { name: 'c' }, lookupWith(first)))).toBe('10.96.0.1');
    expect(host(containerEnvVars(pod, { name: 'c' }, lookupWith(first)))).toBe('10.96.0.1');
    expect(host(containerEnvVars(pod, { name: 'c' }, lookupWith(svc('10.96.0.9'))))).toBe('10.96.0.9');
  });

  it('gives containers without env of their own one shared result, and sees Services come and go', () => {
    const svc = (name: string, ip: string) => Object.freeze({ apiVersion: 'v1', kind: 'Service', metadata: Object.freeze({ name, namespace: 'default' }), spec: Object.freeze({ clusterIP: ip, ports: Object.freeze([Object.freeze({ port: 80, protocol: 'TCP' })]) }) }) as unknown as KubeObject;
    const pod = { metadata: { name: 'p', namespace: 'default' }, spec: { containers: [] } } as unknown as Pod;
    const master = svc('kubernetes', '10.96.0.1');
    const web = svc('web', '10.96.0.7');
    let list = [master];
    const lookup = { configMap: () => undefined, secret: () => undefined, services: () => [...list], nodeAllocatable: { cpu: '2', memory: '1Gi' } };
    const a = containerEnvVars(pod, { name: 'a' }, lookup);
    const b = containerEnvVars(pod, { name: 'b', env: [] }, lookup);
    expect(b).toBe(a);
    list = [master, web];
    const c = containerEnvVars(pod, { name: 'c' }, lookup);
    expect(c).not.toBe(a);
    expect(c.ok && c.env.map(([k]) => k)).toContain('WEB_SERVICE_HOST');
    expect(a.ok && a.env.map(([k]) => k)).not.toContain('WEB_SERVICE_HOST');
    // A container with env of its own still refers to the links with $(VAR).
    const d = containerEnvVars(pod, { name: 'd', env: [{ name: 'URL', value: 'http://$(WEB_SERVICE_HOST)' }] }, lookup);
    expect(d.ok && d.env[0]).toEqual(['URL', 'http://10.96.0.7']);
    // enableServiceLinks: false sees only the master Service.
    const off = containerEnvVars({ ...pod, spec: { containers: [], enableServiceLinks: false } } as unknown as Pod, { name: 'e' }, lookup);
    expect(off.ok && off.env.map(([k]) => k)).not.toContain('WEB_SERVICE_HOST');
    expect(off.ok && off.env.map(([k]) => k)).toContain('KUBERNETES_SERVICE_HOST');
  });
});

describe('hex', () => {
  it('draws one digit per call, after the prefix, as a plain digit-by-digit build would', () => {
    const a = new Random(3);
    const b = new Random(3);
    const id = hex(() => a.next(), 64, 'containerd://');
    let expected = 'containerd://';
    for (let i = 0; i < 64; i++) expected += '0123456789abcdef'[Math.floor(b.next() * 16)];
    expect(id).toBe(expected);
    expect(a.getState()).toBe(b.getState());
    expect(hex(() => 0.999, 3)).toBe('fff');
    expect(hex(() => 0, 0, 'x')).toBe('x');
  });
});

