import { describe, expect, it } from 'vitest';
import type { KubeObject, Pod, ReplicaSet } from '../../api/types.ts';
import { PODS, REPLICASETS } from '../../client/client.ts';
import { thaw } from '../../storage/freeze.ts';
import { installReplicaSetController, slowStartBatch } from './replicaSetController.ts';
import { eventMessages, finishTerminatingPods, list, markPodsReady, newTestCluster, podsMatching } from './testUtils.ts';

function replicaSet(name: string, replicas: number, extra: Partial<ReplicaSet['spec']> = {}): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name, tier: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } },
      ...extra,
    },
  };
}

function getRS(cluster: ReturnType<typeof newTestCluster>, name: string): ReplicaSet {
  return cluster.client().get(REPLICASETS, 'default', name) as unknown as ReplicaSet;
}

function scale(cluster: ReturnType<typeof newTestCluster>, name: string, replicas: number): void {
  const rs = thaw(cluster.client().get(REPLICASETS, 'default', name));
  (rs.spec as { replicas: number }).replicas = replicas;
  cluster.client().update(REPLICASETS, rs);
  cluster.settle();
}

describe('ReplicaSet controller', () => {
  it('creates pods from the template with generateName and a controller reference', () => {
    const cluster = newTestCluster(installReplicaSetController);
    const rs = cluster.client().create(REPLICASETS, 'default', replicaSet('web', 3));
    cluster.settle();
    const pods = podsMatching(cluster, 'app=web');
    expect(pods).toHaveLength(3);
    for (const p of pods) {
      expect(p.metadata?.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(p.metadata?.generateName).toBe('web-');
      expect(p.metadata?.labels).toEqual({ app: 'web', tier: 'web' });
      expect(p.metadata?.ownerReferences).toEqual([
        { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true },
      ]);
    }
    const status = getRS(cluster, 'web').status;
    expect(status).toEqual({ replicas: 3, fullyLabeledReplicas: 3, observedGeneration: 1 });
    const events = eventMessages(cluster, 'ReplicaSet', 'web');
    expect(events).toHaveLength(3);
    expect(events.sort()).toEqual(pods.map((p) => `SuccessfulCreate: Created pod: ${p.metadata?.name}`).sort());
  });

  it('counts ready and available replicas, honouring minReadySeconds', () => {
    const cluster = newTestCluster(installReplicaSetController);
    cluster.client().create(REPLICASETS, 'default', replicaSet('web', 2, { minReadySeconds: 10 }));
    cluster.settle();
    markPodsReady(cluster, 'app=web');
    expect(getRS(cluster, 'web').status).toEqual({ replicas: 2, fullyLabeledReplicas: 2, readyReplicas: 2, observedGeneration: 1 });
    cluster.advance(10_000);
    expect(getRS(cluster, 'web').status?.availableReplicas).toBeUndefined();
    cluster.advance(1);
    expect(getRS(cluster, 'web').status?.availableReplicas).toBe(2);
  });

  it('replaces a deleted pod and deletes surplus pods when scaled down', () => {
    const cluster = newTestCluster(installReplicaSetController);
    cluster.client().create(REPLICASETS, 'default', replicaSet('web', 3));
    cluster.settle();
    const [first] = podsMatching(cluster, 'app=web');
    cluster.client().delete(PODS, 'default', first.metadata?.name ?? '');
    cluster.settle();
    expect(podsMatching(cluster, 'app=web')).toHaveLength(3);
    const rs = thaw(cluster.client().get(REPLICASETS, 'default', 'web'));
    (rs.spec as { replicas: number }).replicas = 1;
    cluster.client().update(REPLICASETS, rs);
    cluster.settle();
    expect(podsMatching(cluster, 'app=web')).toHaveLength(1);
    expect(eventMessages(cluster, 'ReplicaSet', 'web').filter((e) => e.startsWith('SuccessfulDelete: Deleted pod: web-'))).toHaveLength(2);
    expect(getRS(cluster, 'web').status).toEqual({ replicas: 1, fullyLabeledReplicas: 1, observedGeneration: 2 });
  });

  it('deletes not-ready pods before ready ones, and unscheduled before scheduled', () => {
    const cluster = newTestCluster(installReplicaSetController);
    cluster.client().create(REPLICASETS, 'default', replicaSet('web', 4));
    cluster.settle();
    markPodsReady(cluster, 'app=web', { limit: 2 });
    const pods = podsMatching(cluster, 'app=web');
    const ready = pods.filter((p) => p.status?.phase === 'Running').map((p) => p.metadata?.name);
    // One of the not-ready pods gets a node: it must outlive the unscheduled one.
    const pending = pods.filter((p) => p.status?.phase !== 'Running');
    cluster.client().bind('default', pending[0].metadata?.name ?? '', 'node02');
    cluster.settle();
    scale(cluster, 'web', 3);
    const left = podsMatching(cluster, 'app=web').map((p) => p.metadata?.name);
    expect(left).not.toContain(pending[1].metadata?.name);
    scale(cluster, 'web', 2);
    // The bound pod is deleted gracefully (Terminating) until its kubelet finishes it.
    const terminating = podsMatching(cluster, 'app=web').filter((p) => p.metadata?.deletionTimestamp);
    expect(terminating.map((p) => p.metadata?.name)).toEqual([pending[0].metadata?.name]);
    finishTerminatingPods(cluster);
    expect(podsMatching(cluster, 'app=web').map((p) => p.metadata?.name).sort()).toEqual([...ready].sort());
  });

  it('adopts matching orphans and releases pods whose labels stop matching', () => {
    const cluster = newTestCluster(installReplicaSetController);
    const orphan = cluster.client().create(PODS, 'default', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'stray', labels: { app: 'web' } },
      spec: { containers: [{ name: 'nginx', image: 'nginx' }] },
    });
    cluster.settle();
    const rs = cluster.client().create(REPLICASETS, 'default', replicaSet('web', 2));
    cluster.settle();
    const adopted = cluster.client().get(PODS, 'default', 'stray');
    expect(adopted.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'ReplicaSet', name: 'web', uid: rs.metadata.uid, controller: true });
    expect(podsMatching(cluster, 'app=web')).toHaveLength(2);
    // The adopted pod lacks the template's tier label: not fully labeled.
    expect(getRS(cluster, 'web').status?.fullyLabeledReplicas).toBe(1);

    const released = thaw(adopted);
    released.metadata.labels = { app: 'debug' };
    cluster.client().update(PODS, released);
    cluster.settle();
    expect(cluster.client().get(PODS, 'default', 'stray').metadata.ownerReferences).toBeUndefined();
    expect(podsMatching(cluster, 'app=web')).toHaveLength(2);
    expect(orphan.metadata.uid).toBe(adopted.metadata.uid);
  });

  it('records FailedCreate and a ReplicaFailure condition when pods are refused', () => {
    const cluster = newTestCluster(installReplicaSetController);
    let refuse = true;
    cluster.server.addAdmission({
      name: 'TestQuota',
      validate: (attrs) => {
        if (refuse && attrs.resource.resource === 'pods' && attrs.operation === 'CREATE') {
          throw new Error('pods "web-x" is forbidden: exceeded quota: compute, requested: pods=1, used: pods=0, limited: pods=0');
        }
      },
    });
    cluster.client().create(REPLICASETS, 'default', replicaSet('web', 3));
    cluster.settle();
    const rs = getRS(cluster, 'web');
    expect(rs.status?.conditions).toEqual([
      {
        type: 'ReplicaFailure',
        status: 'True',
        lastTransitionTime: '2026-01-15T09:00:00Z',
        reason: 'FailedCreate',
        message: 'pods "web-x" is forbidden: exceeded quota: compute, requested: pods=1, used: pods=0, limited: pods=0',
      },
    ]);
    // Slow start: the first batch of one failed, so only one attempt (one event) so far.
    expect(eventMessages(cluster, 'ReplicaSet', 'web')[0]).toBe(
      'FailedCreate: Error creating: pods "web-x" is forbidden: exceeded quota: compute, requested: pods=1, used: pods=0, limited: pods=0',
    );
    refuse = false;
    cluster.advance(60_000);
    expect(podsMatching(cluster, 'app=web')).toHaveLength(3);
    expect(getRS(cluster, 'web').status?.conditions).toBeUndefined();
  });

  it('slowStartBatch doubles batches and stops at the first failing batch', () => {
    let calls = 0;
    expect(slowStartBatch(10, 1, () => void calls++)).toEqual({ successes: 10 });
    expect(calls).toBe(10);
    calls = 0;
    const r = slowStartBatch(10, 1, () => {
      calls++;
      if (calls > 3) throw new Error('quota');
    });
    // batches 1, 2 succeed; the batch of 4 runs fully and fails.
    expect(calls).toBe(7);
    expect(r.successes).toBe(3);
    expect(r.error?.message).toBe('quota');
  });

  it('lists pods sorted by name for tests', () => {
    const cluster = newTestCluster(installReplicaSetController);
    cluster.client().create(REPLICASETS, 'default', replicaSet('web', 2));
    cluster.settle();
    const names = list<Pod>(cluster, PODS).map((p) => p.metadata?.name ?? '');
    expect(names).toEqual([...names].sort());
  });
});
