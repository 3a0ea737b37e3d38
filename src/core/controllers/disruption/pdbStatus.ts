/**
 * The arithmetic of a PodDisruptionBudget's status, as pure functions (after
 * pkg/controller/disruption/disruption.go: getExpectedPodCount, buildDisruptedPodMap,
 * countHealthyPods, updatePdbStatus). The controller feeds them cached objects.
 */
import type { PodDisruptionBudget, PodDisruptionBudgetStatus } from 'kubernetes-types/policy/v1';
import { conditionsAreUpToDate, updateDisruptionAllowedCondition } from '../../api/podDisruptionBudget.ts';
import { isPodReady } from '../../api/podUtil.ts';
import { parseTime } from '../../api/time.ts';
import type { Pod } from '../../api/types.ts';
import { scaledValue } from '../deployment/fenceposts.ts';

/** DELETION_TIMEOUT_MS is DeletionTimeout: how long an approved eviction may take before the pod counts again (2 min). */
export const DELETION_TIMEOUT_MS = 2 * 60 * 1000;

/** ExpectedCount is what getExpectedPodCount works out: how many pods there should be and how many must stay healthy. */
export interface ExpectedCount {
  expectedCount: number;
  desiredHealthy: number;
  /** unmanagedPods are selected pods without a controller (they count nowhere in a scale). */
  unmanagedPods: string[];
}

/**
 * ScaleFinder resolves a pod's controller to the workload whose replica count is the
 * denominator of a percentage: `{ uid, scale }` of e.g. the Deployment behind a ReplicaSet,
 * or undefined when no supported controller is found.
 */
export type ScaleFinder = (pod: Pod) => { uid: string; scale: number } | undefined;

/** expectedScale is getExpectedScale: the sum of the scales of the pods' controllers, each counted once. */
export function expectedScale(pods: readonly Pod[], find: ScaleFinder): { expectedCount: number; unmanagedPods: string[] } {
  const scales = new Map<string, number>();
  const unmanagedPods: string[] = [];
  for (const pod of pods) {
    const ref = pod.metadata?.ownerReferences?.find((r) => r.controller === true);
    if (!ref) {
      unmanagedPods.push(pod.metadata?.name ?? '');
      continue;
    }
    if (scales.has(ref.uid)) continue;
    const found = find(pod);
    if (!found) throw new Error(`found no controllers for pod ${JSON.stringify(pod.metadata?.name ?? '')}`);
    scales.set(found.uid, found.scale);
  }
  let expectedCount = 0;
  for (const n of scales.values()) expectedCount += n;
  return { expectedCount, unmanagedPods };
}

/**
 * expectedPodCount is getExpectedPodCount: an integer minAvailable counts the selected pods;
 * a percentage or maxUnavailable is taken of the controllers' scale, rounding up.
 */
export function expectedPodCount(pdb: PodDisruptionBudget, pods: readonly Pod[], find: ScaleFinder): ExpectedCount {
  const spec = pdb.spec ?? {};
  if (spec.maxUnavailable !== undefined) {
    const { expectedCount, unmanagedPods } = expectedScale(pods, find);
    const maxUnavailable = scaledValue(spec.maxUnavailable, expectedCount, true);
    return { expectedCount, desiredHealthy: Math.max(0, expectedCount - maxUnavailable), unmanagedPods };
  }
  if (typeof spec.minAvailable === 'number') return { expectedCount: pods.length, desiredHealthy: spec.minAvailable, unmanagedPods: [] };
  if (typeof spec.minAvailable === 'string') {
    const { expectedCount, unmanagedPods } = expectedScale(pods, find);
    return { expectedCount, desiredHealthy: scaledValue(spec.minAvailable, expectedCount, true), unmanagedPods };
  }
  return { expectedCount: 0, desiredHealthy: 0, unmanagedPods: [] };
}

/** DisruptedPodMap is what buildDisruptedPodMap returns: the pending evictions still in time. */
export interface DisruptedPodMap {
  disruptedPods: Record<string, string>;
  /** recheckAt is the earliest time an entry expires (the controller looks again then). */
  recheckAt?: number;
  /** notDeleted lists pods whose eviction was approved but which are still there. */
  notDeleted: Pod[];
}

/** buildDisruptedPodMap keeps status.disruptedPods entries whose pods still exist and are within the timeout. */
export function buildDisruptedPodMap(pods: readonly Pod[], pdb: PodDisruptionBudget, now: number): DisruptedPodMap {
  const previous = pdb.status?.disruptedPods ?? {};
  const result: DisruptedPodMap = { disruptedPods: {}, notDeleted: [] };
  for (const pod of pods) {
    const name = pod.metadata?.name ?? '';
    if (pod.metadata?.deletionTimestamp || !(name in previous)) continue;
    const expectedDeletion = parseTime(previous[name]) + DELETION_TIMEOUT_MS;
    if (expectedDeletion < now) {
      result.notDeleted.push(pod);
      continue;
    }
    result.disruptedPods[name] = previous[name];
    if (result.recheckAt === undefined || expectedDeletion < result.recheckAt) result.recheckAt = expectedDeletion;
  }
  return result;
}

/** countHealthyPods counts ready pods that are neither being deleted nor about to be evicted. */
export function countHealthyPods(pods: readonly Pod[], disruptedPods: Record<string, string>, now: number): number {
  let healthy = 0;
  for (const pod of pods) {
    if (pod.metadata?.deletionTimestamp) continue;
    const disrupted = disruptedPods[pod.metadata?.name ?? ''];
    if (disrupted !== undefined && parseTime(disrupted) + DELETION_TIMEOUT_MS > now) continue;
    if (isPodReady(pod)) healthy++;
  }
  return healthy;
}

/**
 * nextStatus is updatePdbStatus: the status the controller writes, or undefined when the
 * stored one is already right. disruptionsAllowed is 0 until some pod is expected, so a
 * budget that matched nothing is safe when its first pods appear.
 */
export function nextStatus(
  pdb: PodDisruptionBudget,
  counts: { currentHealthy: number; desiredHealthy: number; expectedCount: number },
  disruptedPods: Record<string, string>,
  nowISO: string,
): PodDisruptionBudgetStatus | undefined {
  let disruptionsAllowed = counts.currentHealthy - counts.desiredHealthy;
  if (counts.expectedCount <= 0 || disruptionsAllowed <= 0) disruptionsAllowed = 0;
  const old = pdb.status;
  const generation = pdb.metadata?.generation ?? 0;
  if (
    old &&
    old.currentHealthy === counts.currentHealthy &&
    old.desiredHealthy === counts.desiredHealthy &&
    old.expectedPods === counts.expectedCount &&
    old.disruptionsAllowed === disruptionsAllowed &&
    sameKeys(old.disruptedPods ?? {}, disruptedPods) &&
    old.observedGeneration === generation &&
    conditionsAreUpToDate(pdb)
  ) {
    return undefined;
  }
  const status: PodDisruptionBudgetStatus = {
    observedGeneration: generation,
    disruptionsAllowed,
    currentHealthy: counts.currentHealthy,
    desiredHealthy: counts.desiredHealthy,
    expectedPods: counts.expectedCount,
    conditions: old?.conditions ?? [],
  };
  // disruptedPods is omitempty: an empty map is not written.
  if (Object.keys(disruptedPods).length > 0) status.disruptedPods = disruptedPods;
  updateDisruptionAllowedCondition(status, nowISO);
  return status;
}

function sameKeys(a: Record<string, string>, b: Record<string, string>): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}
