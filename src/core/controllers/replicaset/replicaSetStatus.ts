/**
 * ReplicaSet status, after calculateStatus and the condition helpers of
 * pkg/controller/replicaset/replica_set_utils.go.
 */
import { rfc3339 } from '../../api/time.ts';
import type { Pod, ReplicaSet } from '../../api/types.ts';
import type { ReplicaSetCondition, ReplicaSetStatus } from 'kubernetes-types/apps/v1';
import { podAvailable, podFacts, podMatches, readySince, stableSetSelector } from './podFacts.ts';

/** PodCounts are status counts of claimed pods taken elsewhere (the claim walk, or the OwnedPodIndex). */
export interface PodCounts {
  /** replicas is how many pods were claimed. */
  readonly replicas: number;
  readonly fullyLabeled: number;
  readonly ready: number;
}

/** REPLICA_FAILURE is the ReplicaSetReplicaFailure condition type. */
export const REPLICA_FAILURE = 'ReplicaFailure';

/** MutableReplicaSetStatus is a ReplicaSetStatus we may fill in. */
export type MutableReplicaSetStatus = { -readonly [K in keyof ReplicaSetStatus]: ReplicaSetStatus[K] };

/**
 * setReplicaSetCondition is SetCondition: a condition with the same status and reason is
 * left alone (keeping its time); otherwise it replaces the old one at the end of the list.
 */
export function setReplicaSetCondition(status: MutableReplicaSetStatus, cond: ReplicaSetCondition): void {
  const current = status.conditions?.find((c) => c.type === cond.type);
  if (current && current.status === cond.status && current.reason === cond.reason) return;
  status.conditions = [...(status.conditions ?? []).filter((c) => c.type !== cond.type), cond];
}

/** removeReplicaSetCondition is RemoveCondition. */
export function removeReplicaSetCondition(status: MutableReplicaSetStatus, type: string): void {
  const kept = (status.conditions ?? []).filter((c) => c.type !== type);
  if (kept.length > 0) status.conditions = kept;
  else delete status.conditions;
}

/**
 * calculateReplicaSetStatus counts the claimed active pods. `manageError` is the error
 * of this sync's create/delete attempt, which becomes (or clears) ReplicaFailure.
 * NOTE: counts are of the pods seen at the start of the sync, so pods created in this
 * sync show up in status on the next one — as upstream. `counts`, when given, are the
 * counts of the claimed pods already taken by the claim walk (claimWalk.ts) or kept by the
 * OwnedPodIndex (ownedPods.ts); `pods` are then read only when minReadySeconds is set.
 */
export function calculateReplicaSetStatus(rs: ReplicaSet, pods: Pod[], manageError: Error | undefined, now: number, counts?: PodCounts): MutableReplicaSetStatus {
  const status: MutableReplicaSetStatus = { ...(rs.status ?? { replicas: 0 }) };
  const minReadySeconds = rs.spec?.minReadySeconds ?? 0;
  let replicas = pods.length;
  let fullyLabeled = 0;
  let ready = 0;
  let available = 0;
  if (counts) {
    replicas = counts.replicas;
    fullyLabeled = counts.fullyLabeled;
    ready = counts.ready;
    // With minReadySeconds 0 a ready pod is available (podAvailable); otherwise it depends on now.
    if (minReadySeconds === 0) available = ready;
    else for (const pod of pods) if (podAvailable(pod, podFacts(pod), minReadySeconds, now)) available++;
  } else {
    const templateSelector = stableSetSelector(rs.spec?.template?.metadata?.labels);
    // Per-pod answers come from podFacts: most pods did not change since the last sync.
    for (const pod of pods) {
      const facts = podFacts(pod);
      if (podMatches(pod, facts, templateSelector)) fullyLabeled++;
      if (facts.ready) {
        ready++;
        if (podAvailable(pod, facts, minReadySeconds, now)) available++;
      }
    }
  }
  const failure = rs.status?.conditions?.find((c) => c.type === REPLICA_FAILURE);
  if (manageError && !failure) {
    const diff = replicas - (rs.spec?.replicas ?? 1);
    const reason = diff < 0 ? 'FailedCreate' : diff > 0 ? 'FailedDelete' : '';
    setReplicaSetCondition(status, { type: REPLICA_FAILURE, status: 'True', lastTransitionTime: rfc3339(now), reason, message: manageError.message });
  } else if (!manageError && failure) {
    removeReplicaSetCondition(status, REPLICA_FAILURE);
  }
  status.replicas = replicas;
  status.fullyLabeledReplicas = fullyLabeled;
  status.readyReplicas = ready;
  status.availableReplicas = available;
  return status;
}

/** statusUnchanged is updateReplicaSetStatus's steady-state test (no write needed). */
export function statusUnchanged(rs: ReplicaSet, s: MutableReplicaSetStatus): boolean {
  const cur = rs.status ?? { replicas: 0 };
  return (
    (cur.replicas ?? 0) === (s.replicas ?? 0) &&
    (cur.fullyLabeledReplicas ?? 0) === (s.fullyLabeledReplicas ?? 0) &&
    (cur.readyReplicas ?? 0) === (s.readyReplicas ?? 0) &&
    (cur.availableReplicas ?? 0) === (s.availableReplicas ?? 0) &&
    (rs.metadata?.generation ?? 0) === (cur.observedGeneration ?? 0) &&
    JSON.stringify(cur.conditions ?? []) === JSON.stringify(s.conditions ?? [])
  );
}

/**
 * omitEmptyReplicaSetStatus drops zero counts the way Go's `omitempty` does, so the
 * stored status reads like a real one (`replicas` is the only count always present).
 */
export function omitEmptyReplicaSetStatus(s: MutableReplicaSetStatus): MutableReplicaSetStatus {
  const out: MutableReplicaSetStatus = { replicas: s.replicas ?? 0 };
  if (s.fullyLabeledReplicas) out.fullyLabeledReplicas = s.fullyLabeledReplicas;
  if (s.readyReplicas) out.readyReplicas = s.readyReplicas;
  if (s.availableReplicas) out.availableReplicas = s.availableReplicas;
  if (s.observedGeneration) out.observedGeneration = s.observedGeneration;
  if (s.conditions && s.conditions.length > 0) out.conditions = s.conditions;
  return out;
}

/** nextAvailableAt is when the first ready-but-not-yet-available pod becomes available. */
export function nextAvailableAt(pods: Pod[], minReadySeconds: number, now: number): number | undefined {
  let next: number | undefined;
  for (const pod of pods) {
    const facts = podFacts(pod);
    if (!facts.ready || podAvailable(pod, facts, minReadySeconds, now)) continue;
    const since = readySince(pod, facts);
    if (Number.isNaN(since)) continue;
    const at = since + minReadySeconds * 1000 + 1;
    if (next === undefined || at < next) next = at;
  }
  return next;
}
