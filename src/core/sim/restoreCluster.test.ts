import { describe, expect, it } from 'vitest';
import { DEPLOYMENTS, PODS } from '../client/client.ts';
import type { KubeObject } from '../api/types.ts';
import type { Cluster } from './cluster.ts';
import { createCluster, restoreCluster } from './createCluster.ts';

const web: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } },
  },
};

const pods = (c: Cluster) => c.client().list(PODS, 'default').items.map((p) => `${p.metadata.name} ${(p.status as { phase?: string }).phase}`);
const names = (c: Cluster) => pods(c).map((p) => p.split(' ')[0]);

describe('restoreCluster', () => {
  it('brings back objects and time from a JSON snapshot, and the cluster runs on', () => {
    const original = createCluster();
    original.client('test').create(DEPLOYMENTS, 'default', web);
    original.advance(30_000);
    const before = pods(original);
    expect(before.every((p) => p.endsWith('Running'))).toBe(true);
    const snap = JSON.parse(JSON.stringify(original.snapshot()));

    const restored = restoreCluster(snap);
    expect(restored.now()).toBe(original.now());
    expect(names(restored)).toEqual(names(original));
    // Containers are not saved: the kubelets start them again, as after a node reboot.
    restored.advance(30_000);
    expect(pods(restored)).toEqual(before);

    restored.client('test').patch(DEPLOYMENTS, 'default', 'web', 'merge', { spec: { replicas: 3 } });
    restored.advance(30_000);
    expect(pods(restored).filter((p) => p.endsWith('Running'))).toHaveLength(3);
  });

  it('is deterministic: the same snapshot restores to the same future', () => {
    const original = createCluster();
    original.client('test').create(DEPLOYMENTS, 'default', web);
    original.advance(30_000);
    const snap = JSON.stringify(original.snapshot());
    const futures = [0, 1].map(() => {
      const c = restoreCluster(JSON.parse(snap));
      c.client('test').patch(DEPLOYMENTS, 'default', 'web', 'merge', { spec: { replicas: 4 } });
      c.advance(60_000);
      return pods(c);
    });
    expect(futures[0]).toEqual(futures[1]);
  });

  it('refuses a snapshot it does not understand', () => {
    expect(() => restoreCluster({ version: 2 } as never)).toThrow('unsupported cluster snapshot version 2');
  });
});

describe('a reconciler that throws', () => {
  it('is recorded as a Warning event and does not stop the loop', async () => {
    const { Cluster, DEFAULT_OPTIONS, bootstrapNamespaces } = await import('./cluster.ts');
    const { WorkQueue } = await import('../client/workqueue.ts');
    const cluster = new Cluster(DEFAULT_OPTIONS);
    bootstrapNamespaces(cluster);
    const queue = new WorkQueue('boom', cluster.clock);
    let calls = 0;
    cluster.addReconciler({ name: 'boom-controller', queue, reconcile: () => { calls++; throw new Error('kaboom'); } });
    queue.add('default/x');
    cluster.advance(1000);
    expect(calls).toBeGreaterThan(1);
    const events = cluster.client().list({ group: '', resource: 'events' }, 'default').items as unknown as Array<{ reason: string; message: string; type: string; count: number }>;
    expect(events[0]).toMatchObject({ type: 'Warning', reason: 'ReconcileError', message: 'boom-controller failed to reconcile default/x: kaboom' });
    expect(events[0].count).toBe(calls);
  });
});
