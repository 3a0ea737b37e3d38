import { describe, expect, it } from 'vitest';
import type { PodDisruptionBudgetStatus } from 'kubernetes-types/policy/v1';
import { isStatusError } from '../../api/status.ts';
import { DEPLOYMENTS, EVENTS, PODS } from '../../client/client.ts';
import type { Cluster } from '../../sim/cluster.ts';
import { installDeploymentController } from '../deployment/deploymentController.ts';
import { installReplicaSetController } from '../replicaset/replicaSetController.ts';
import { markPodsReady, newTestCluster, podsMatching } from '../replicaset/testUtils.ts';
import { installDisruptionController, PODDISRUPTIONBUDGETS } from './disruptionController.ts';

function setup(replicas: number, ready = replicas): Cluster {
  const c = newTestCluster(installDeploymentController, installReplicaSetController, installDisruptionController);
  c.client().create(DEPLOYMENTS, 'default', {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } },
    },
  });
  c.settle();
  markPodsReady(c, 'app=web', { limit: ready });
  c.settle();
  return c;
}

function createPDB(c: Cluster, spec: Record<string, unknown>, name = 'web') {
  c.client().create(PODDISRUPTIONBUDGETS, 'default', {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name },
    spec: { selector: { matchLabels: { app: 'web' } }, ...spec },
  });
  c.settle();
}

const statusOf = (c: Cluster, name = 'web') => c.client().get(PODDISRUPTIONBUDGETS, 'default', name).status as PodDisruptionBudgetStatus;

/** evictError evicts a pod and returns the Status message and code it failed with, or "evicted". */
function evict(c: Cluster, name: string): string {
  try {
    c.client().evict('default', name);
    return 'evicted';
  } catch (err) {
    if (isStatusError(err)) return `${err.code} ${err.status.message} [${err.status.details?.causes?.map((x) => x.message).join('; ')}]`;
    throw err;
  }
}

describe('disruption controller', () => {
  it('computes status and the DisruptionAllowed condition from ready pods', () => {
    const c = setup(3);
    createPDB(c, { minAvailable: 2 });
    const s = statusOf(c);
    expect({ ...s, conditions: undefined }).toEqual({
      observedGeneration: 1,
      disruptionsAllowed: 1,
      currentHealthy: 3,
      desiredHealthy: 2,
      expectedPods: 3,
      conditions: undefined,
    });
    expect(s.conditions).toEqual([
      { type: 'DisruptionAllowed', status: 'True', reason: 'SufficientPods', message: '', observedGeneration: 1, lastTransitionTime: expect.any(String) },
    ]);
  });

  it('takes percentages and maxUnavailable of the Deployment scale, rounding up', () => {
    const c = setup(4, 3);
    createPDB(c, { maxUnavailable: '30%' }, 'max');
    // 30% of 4 rounds up to 2, so 2 must stay healthy; 3 are ready.
    expect(statusOf(c, 'max')).toMatchObject({ expectedPods: 4, desiredHealthy: 2, currentHealthy: 3, disruptionsAllowed: 1 });
    createPDB(c, { minAvailable: '80%' }, 'min');
    expect(statusOf(c, 'min')).toMatchObject({ expectedPods: 4, desiredHealthy: 4, currentHealthy: 3, disruptionsAllowed: 0 });
    expect(statusOf(c, 'min').conditions?.[0]).toMatchObject({ status: 'False', reason: 'InsufficientPods' });
  });

  it('fails safe when a percentage covers pods without a controller', () => {
    const c = newTestCluster(installDisruptionController);
    c.client().create(PODS, 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'solo', labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    c.settle();
    createPDB(c, { minAvailable: 1 });
    expect(statusOf(c)).toMatchObject({ expectedPods: 1, currentHealthy: 0, desiredHealthy: 1, disruptionsAllowed: 0 });
    createPDB(c, { maxUnavailable: 1 }, 'pct');
    // An unmanaged pod counts in no scale: expected 0, and a warning event.
    expect(statusOf(c, 'pct')).toMatchObject({ expectedPods: 0, disruptionsAllowed: 0 });
    const reasons = c.client().list(EVENTS, 'default').items.map((e) => e.reason);
    expect(reasons).toContain('UnmanagedPods');
  });

  it('records NoPods for a budget that selects nothing', () => {
    const c = newTestCluster(installDisruptionController);
    createPDB(c, { minAvailable: 1 });
    const ev = c.client().list(EVENTS, 'default').items.find((e) => e.reason === 'NoPods');
    expect(ev).toMatchObject({ type: 'Normal', message: 'No matching pods found', source: { component: 'controllermanager' } });
    expect(statusOf(c)).toMatchObject({ expectedPods: 0, disruptionsAllowed: 0, observedGeneration: 1 });
  });
});

describe('pods/eviction with PodDisruptionBudgets', () => {
  it('spends disruptionsAllowed, records the pod and refuses with 429 when none are left', () => {
    const c = setup(2);
    createPDB(c, { minAvailable: 1 });
    const [a, b] = podsMatching(c, 'app=web').map((p) => p.metadata!.name!);
    expect(evict(c, a)).toBe('evicted');
    // The pod terminates gracefully; the spent disruption is in the stored status at once.
    expect(c.client().get(PODS, 'default', a).metadata.deletionTimestamp).toBeDefined();
    expect(statusOf(c)).toMatchObject({ disruptionsAllowed: 0, disruptedPods: { [a]: expect.any(String) } });
    // The message quotes the stored counts: the controller has not looked again yet.
    expect(evict(c, b)).toBe(
      "429 Cannot evict pod as it would violate the pod's disruption budget. [The disruption budget web needs 1 healthy pods and has 2 currently]",
    );
    c.settle();
    expect(evict(c, b)).toBe(
      "429 Cannot evict pod as it would violate the pod's disruption budget. [The disruption budget web needs 1 healthy pods and has 1 currently]",
    );
    expect(c.client().get(PODS, 'default', b).metadata.deletionTimestamp).toBeUndefined();
  });

  it('marks the evicted pod with the DisruptionTarget condition', () => {
    const c = setup(1);
    const name = podsMatching(c, 'app=web')[0].metadata!.name!;
    const seen: unknown[] = [];
    c.client().watch(PODS, 'default', {}, (ev) => {
      if (ev.type === 'MODIFIED') seen.push(...((ev.object.status as { conditions?: unknown[] }).conditions ?? []));
    });
    expect(evict(c, name)).toBe('evicted');
    c.settle();
    expect(seen).toContainEqual({
      type: 'DisruptionTarget',
      status: 'True',
      lastProbeTime: null,
      lastTransitionTime: expect.any(String),
      reason: 'EvictionByEvictionAPI',
      message: 'Eviction API: evicting',
    });
  });

  it('refuses while the controller has not observed a spec change', () => {
    const c = setup(2);
    createPDB(c, { minAvailable: 0 });
    const pdb = c.client().get(PODDISRUPTIONBUDGETS, 'default', 'web');
    c.client().update(PODDISRUPTIONBUDGETS, { ...pdb, spec: { ...(pdb.spec as object), minAvailable: 1 } });
    const name = podsMatching(c, 'app=web')[0].metadata!.name!;
    expect(evict(c, name)).toBe(
      "429 Cannot evict pod as it would violate the pod's disruption budget. [The disruption budget web is still being processed by the server.]",
    );
    c.settle();
    expect(evict(c, name)).toBe('evicted');
  });

  it('evicts pending pods without asking the budget and rejects two budgets', () => {
    const c = setup(2, 1);
    createPDB(c, { minAvailable: 2 });
    const pending = podsMatching(c, 'app=web').find((p) => p.status?.phase !== 'Running')!;
    expect(evict(c, pending.metadata!.name!)).toBe('evicted');
    createPDB(c, { maxUnavailable: 1 }, 'second');
    const running = podsMatching(c, 'app=web').find((p) => p.status?.phase === 'Running')!;
    expect(evict(c, running.metadata!.name!)).toBe('500 This pod has more than one PodDisruptionBudget, which the eviction subresource does not support. [undefined]');
  });
});
