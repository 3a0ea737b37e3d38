import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types.ts';
import { SERVICES } from '../client/client.ts';
import { Cluster, DEFAULT_OPTIONS } from '../sim/cluster.ts';
import { bootstrapNamespaces } from '../sim/cluster.ts';
import { installNetwork } from './install.ts';

function setup() {
  const cluster = new Cluster({ ...DEFAULT_OPTIONS });
  installNetwork(cluster);
  bootstrapNamespaces(cluster);
  for (const step of cluster.bootstrapSteps) step(cluster);
  return { cluster, client: cluster.client('test') };
}

function svc(name: string, spec: Record<string, unknown>): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name }, spec: { ports: [{ port: 80 }], selector: { app: name }, ...spec } };
}

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    return (err as Error).message;
  }
  return 'no error';
}

describe('Service allocation', () => {
  it('bootstraps kubernetes at 10.96.0.1 and kube-dns at 10.96.0.10', () => {
    const { client } = setup();
    expect((client.get(SERVICES, 'default', 'kubernetes').spec as { clusterIPs: string[] }).clusterIPs).toEqual(['10.96.0.1']);
    expect((client.get(SERVICES, 'kube-system', 'kube-dns').spec as { clusterIP: string }).clusterIP).toBe('10.96.0.10');
  });

  it('allocates seeded ClusterIPs in the dynamic band, the same on every run', () => {
    const a = setup().client.create(SERVICES, 'default', svc('web', {}));
    const b = setup().client.create(SERVICES, 'default', svc('web', {}));
    const ip = (a.spec as { clusterIP: string }).clusterIP;
    expect(ip).toBe((b.spec as { clusterIP: string }).clusterIP);
    expect(ip).toMatch(/^10\.(9[6-9]|10[0-9]|11[01])\.\d+\.\d+$/);
    expect(ip.startsWith('10.96.0.')).toBe(false);
    expect((a.spec as { clusterIPs: string[] }).clusterIPs).toEqual([ip]);
  });

  it('refuses a taken or out-of-range ClusterIP with upstream messages', () => {
    const { client } = setup();
    expect(errorOf(() => client.create(SERVICES, 'default', svc('x', { clusterIP: '10.96.0.1' })))).toBe(
      'Service "x" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.1"}: failed to allocate IP 10.96.0.1: provided IP is already allocated',
    );
    expect(errorOf(() => client.create(SERVICES, 'default', svc('y', { clusterIP: '10.0.0.5' })))).toBe(
      'Service "y" is invalid: spec.clusterIPs: Invalid value: []string{"10.0.0.5"}: failed to allocate IP 10.0.0.5: the provided IP (10.0.0.5) is not in the valid range. The range of valid IPs is 10.96.0.0/12',
    );
  });

  it('allocates NodePorts and refuses taken or out-of-range ones', () => {
    const { client } = setup();
    const np = client.create(SERVICES, 'default', svc('np', { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }));
    expect((np.spec as { ports: { nodePort: number }[] }).ports[0].nodePort).toBe(30080);
    expect(errorOf(() => client.create(SERVICES, 'default', svc('np2', { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] })))).toBe(
      'Service "np2" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated',
    );
    expect(errorOf(() => client.create(SERVICES, 'default', svc('np3', { type: 'NodePort', ports: [{ port: 80, nodePort: 80 }] })))).toBe(
      'Service "np3" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
    );
    const auto = client.create(SERVICES, 'default', svc('auto', { type: 'NodePort' }));
    const port = (auto.spec as { ports: { nodePort: number }[] }).ports[0].nodePort;
    expect(port).toBeGreaterThanOrEqual(30086);
    expect(port).toBeLessThanOrEqual(32767);
  });

  it('rolls back the ClusterIP when the NodePort fails, and releases on delete', () => {
    const { cluster, client } = setup();
    client.create(SERVICES, 'default', svc('a', { type: 'NodePort', clusterIP: '10.96.5.5', ports: [{ port: 80, nodePort: 30001 }] }));
    expect(errorOf(() => client.create(SERVICES, 'default', svc('b', { type: 'NodePort', clusterIP: '10.96.6.6', ports: [{ port: 80, nodePort: 30001 }] })))).toContain('provided port is already allocated');
    // 10.96.6.6 was given back: a new service may take it.
    client.create(SERVICES, 'default', svc('c', { clusterIP: '10.96.6.6' }));
    client.delete(SERVICES, 'default', 'a');
    cluster.settle();
    client.create(SERVICES, 'default', svc('d', { type: 'NodePort', clusterIP: '10.96.5.5', ports: [{ port: 80, nodePort: 30001 }] }));
  });

  it('headless and ExternalName services get no IP', () => {
    const { client } = setup();
    const h = client.create(SERVICES, 'default', svc('h', { clusterIP: 'None' }));
    expect((h.spec as { clusterIPs: string[] }).clusterIPs).toEqual(['None']);
    const e = client.create(SERVICES, 'default', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'e' }, spec: { type: 'ExternalName', externalName: 'example.com' } });
    expect((e.spec as { clusterIP?: string }).clusterIP).toBeUndefined();
  });

  it('keeps allocated values on replace and drops nodePorts when the type goes back to ClusterIP', () => {
    const { client } = setup();
    const created = client.create(SERVICES, 'default', svc('w', { type: 'NodePort' }));
    const spec = created.spec as { clusterIP: string; ports: { nodePort: number }[] };
    const replaced = client.update(SERVICES, { ...svc('w', { type: 'NodePort' }), metadata: { name: 'w', namespace: 'default' } });
    expect((replaced.spec as typeof spec).clusterIP).toBe(spec.clusterIP);
    expect((replaced.spec as typeof spec).ports[0].nodePort).toBe(spec.ports[0].nodePort);
    const patched = client.patch(SERVICES, 'default', 'w', 'merge', { spec: { type: 'ClusterIP' } });
    expect((patched.spec as typeof spec).ports[0].nodePort).toBeUndefined();
    // The port is free again.
    client.create(SERVICES, 'default', svc('z', { type: 'NodePort', ports: [{ port: 80, nodePort: spec.ports[0].nodePort }] }));
  });
});
