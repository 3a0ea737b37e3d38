import { describe, expect, it } from 'vitest';
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import { rfc3339 } from '../../api/time.ts';
import type { Pod } from '../../api/types.ts';
import { buildDisruptedPodMap, countHealthyPods, DELETION_TIMEOUT_MS, expectedPodCount, nextStatus } from './pdbStatus.ts';

const T0 = Date.parse('2026-01-15T09:00:00Z');

function pod(name: string, ready: boolean, extra: Partial<Pod['metadata']> = {}): Pod {
  return {
    metadata: { name, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: 'rs-uid', controller: true }], ...extra },
    status: { conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
  } as Pod;
}

const pdb = (spec: PodDisruptionBudget['spec'], status?: Partial<NonNullable<PodDisruptionBudget['status']>>): PodDisruptionBudget =>
  ({ metadata: { name: 'web', generation: 1 }, spec, status }) as PodDisruptionBudget;

describe('PodDisruptionBudget arithmetic', () => {
  it('rounds percentages up against the controller scale and clamps desiredHealthy at 0', () => {
    const pods = [pod('a', true), pod('b', true), pod('c', false)];
    const scaleOf5 = () => ({ uid: 'deploy-uid', scale: 5 });
    expect(expectedPodCount(pdb({ minAvailable: '50%' }), pods, scaleOf5)).toEqual({ expectedCount: 5, desiredHealthy: 3, unmanagedPods: [] });
    expect(expectedPodCount(pdb({ maxUnavailable: '10%' }), pods, scaleOf5)).toEqual({ expectedCount: 5, desiredHealthy: 4, unmanagedPods: [] });
    expect(expectedPodCount(pdb({ maxUnavailable: 9 }), pods, scaleOf5).desiredHealthy).toBe(0);
    // An integer minAvailable needs no controller: the selected pods are the expected ones.
    expect(expectedPodCount(pdb({ minAvailable: 2 }), pods, () => undefined)).toEqual({ expectedCount: 3, desiredHealthy: 2, unmanagedPods: [] });
    expect(() => expectedPodCount(pdb({ minAvailable: '50%' }), pods, () => undefined)).toThrow('found no controllers for pod "a"');
  });

  it('keeps approved evictions out of the healthy count for two minutes, then reports the pod NotDeleted', () => {
    const pods = [pod('a', true), pod('b', true), pod('gone', true, { deletionTimestamp: rfc3339(T0) })];
    const budget = pdb({ minAvailable: 1 }, { disruptedPods: { a: rfc3339(T0), gone: rfc3339(T0) } });
    const soon = buildDisruptedPodMap(pods, budget, T0 + 1000);
    expect(soon).toEqual({ disruptedPods: { a: rfc3339(T0) }, recheckAt: T0 + DELETION_TIMEOUT_MS, notDeleted: [] });
    expect(countHealthyPods(pods, soon.disruptedPods, T0 + 1000)).toBe(1);
    const late = buildDisruptedPodMap(pods, budget, T0 + DELETION_TIMEOUT_MS + 1000);
    expect(late.disruptedPods).toEqual({});
    expect(late.notDeleted.map((p) => p.metadata?.name)).toEqual(['a']);
    expect(countHealthyPods(pods, late.disruptedPods, T0 + DELETION_TIMEOUT_MS + 1000)).toBe(2);
  });

  it('writes nothing when the status is current, and allows nothing while no pod is expected', () => {
    const counts = { currentHealthy: 2, desiredHealthy: 1, expectedCount: 2 };
    const first = nextStatus(pdb({ minAvailable: 1 }), counts, {}, rfc3339(T0))!;
    expect(first).toMatchObject({ observedGeneration: 1, disruptionsAllowed: 1, currentHealthy: 2, desiredHealthy: 1, expectedPods: 2 });
    expect(first.conditions).toEqual([{ type: 'DisruptionAllowed', status: 'True', reason: 'SufficientPods', message: '', observedGeneration: 1, lastTransitionTime: rfc3339(T0) }]);
    expect(nextStatus({ ...pdb({ minAvailable: 1 }), status: first }, counts, {}, rfc3339(T0 + 5000))).toBeUndefined();
    const none = nextStatus(pdb({ minAvailable: 0 }), { currentHealthy: 0, desiredHealthy: 0, expectedCount: 0 }, {}, rfc3339(T0))!;
    expect(none.disruptionsAllowed).toBe(0);
    expect(none.conditions?.[0]).toMatchObject({ status: 'False', reason: 'InsufficientPods' });
  });
});
