import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types.ts';
import { DEPLOYMENTS, NODES, PODS, SERVICES } from '../client/client.ts';
import { Cluster, DEFAULT_OPTIONS, bootstrapNamespaces } from '../sim/cluster.ts';

const deployment = (spec: Record<string, unknown>): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', labels: { app: 'web' } },
  spec: {
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx', ports: [{ containerPort: 80, hostPort: 0 }] }] } },
    ...spec,
  },
}) as KubeObject;

describe('API server stores what Go would encode', () => {
  const setup = () => {
    const cluster = new Cluster(DEFAULT_OPTIONS);
    bootstrapNamespaces(cluster);
    return cluster.client('test');
  };

  it('a merge patch setting spec.paused false stores no paused key; replicas 0 stays', () => {
    const client = setup();
    client.create(DEPLOYMENTS, 'default', deployment({ paused: true }));
    const patched = client.patch(DEPLOYMENTS, 'default', 'web', 'merge', { spec: { paused: false, replicas: 0 } });
    expect('paused' in (patched.spec as object)).toBe(false);
    expect((patched.spec as { replicas: number }).replicas).toBe(0);
    // Patching the same zero again changes nothing: no new resourceVersion.
    const again = client.patch(DEPLOYMENTS, 'default', 'web', 'merge', { spec: { paused: false } });
    expect(again.metadata.resourceVersion).toBe(patched.metadata.resourceVersion);
  });

  it('uncordon (unschedulable false) leaves no unschedulable key; a Service keeps port but not nodePort 0', () => {
    const client = setup();
    client.create(NODES, '', { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1' }, spec: { unschedulable: true } } as KubeObject);
    const node = client.patch(NODES, '', 'n1', 'merge', { spec: { unschedulable: false } });
    expect(node.spec).toEqual({});
    const svc = client.create(SERVICES, 'default', {
      apiVersion: 'v1', kind: 'Service', metadata: { name: 's' },
      spec: { selector: { app: 'web' }, ports: [{ port: 80, nodePort: 0, name: '' }] },
    } as KubeObject);
    expect((svc.spec as { ports: unknown[] }).ports[0]).toEqual({ port: 80, protocol: 'TCP', targetPort: 80 });
  });

  it('a pod with env value "" and empty args stores neither', () => {
    const client = setup();
    const pod = client.create(PODS, 'default', {
      apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' },
      spec: { serviceAccountName: 'default', containers: [{ name: 'c', image: 'busybox', args: [], env: [{ name: 'EMPTY', value: '' }], stdin: false }] },
    } as KubeObject);
    const c = (pod.spec as { containers: Array<Record<string, unknown>> }).containers[0];
    expect(c.env).toEqual([{ name: 'EMPTY' }]);
    expect('args' in c || 'stdin' in c).toBe(false);
  });
});
