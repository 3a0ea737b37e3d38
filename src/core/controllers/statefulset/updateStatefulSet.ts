/**
 * One pass of the StatefulSet control loop: updateStatefulSet in
 * pkg/controller/statefulset/stateful_set_control.go (v1.32, without the alpha
 * MaxUnavailableStatefulSet feature, so a rolling update replaces one pod at a time).
 *
 * Pods are sorted into `replicas` (ordinals start..start+replicas-1) and `condemned` (the
 * rest). Then, in order:
 * 0. the claims of every pod get the owners the retention policy asks for;
 * 1. replicas in ordinal order: a failed or succeeded one is deleted (recreated on a later
 *    pass); a missing one is created, at the current revision below the partition and the
 *    update revision above it; with OrderedReady ("monotonic") one at a time, each waiting
 *    for its predecessors to be Running, Ready (and available for minReadySeconds);
 * 2. condemned pods are deleted from the highest ordinal down, one at a time when
 *    monotonic and only once every replica is healthy;
 * 3. with RollingUpdate, the highest-ordinal pod (down to the partition) not at the update
 *    revision is deleted, and the walk stops at the first unavailable pod: one at a time.
 * Status counts are computed from the pods this pass was given, as upstream's updateStatus.
 */
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/types.ts';
import type { ControllerRevision } from '../history/controllerHistory.ts';
import {
  identityMatches,
  isCreated,
  isFailedOrSucceeded,
  isRunningAndAvailable,
  isRunningAndReady,
  isTerminating,
  newStatefulSetPod,
  parentAndOrdinal,
  podRevision,
  startOrdinal,
  withIdentity,
  type STS,
} from './statefulSetPod.ts';

/** StatefulPodControl is what a pass may do to pods (StatefulPodControl upstream); errors propagate. */
export interface StatefulPodControl {
  /** createPod creates the pod's missing claims, then the pod, and records the events. */
  createPod(set: STS, pod: KubeObject): void;
  /** deletePod deletes the pod and records the event. */
  deletePod(set: STS, pod: KubeObject): void;
  /** updatePod is UpdateStatefulPod: write the pod back (its identity restored) and record the event. */
  updatePod(set: STS, pod: KubeObject): void;
  /** syncClaimRetention points the pod's claims' ownerReferences where the retention policy says. */
  syncClaimRetention(set: STS, pod: KubeObject, inRange: boolean): void;
}

/** StatefulSetStatusCounts is the part of apps/v1 StatefulSetStatus a pass computes. */
export interface StatefulSetStatusCounts {
  replicas: number;
  readyReplicas: number;
  currentReplicas: number;
  updatedReplicas: number;
  availableReplicas: number;
}

/** SyncInput is everything a pass reads. */
export interface SyncInput {
  set: STS;
  pods: readonly KubeObject[];
  currentRevision: ControllerRevision;
  updateRevision: ControllerRevision;
  now: number;
}

/** revisionTemplate reads the pod template a revision's patch replaces the parent's with. */
export function revisionTemplate(rev: ControllerRevision): PodTemplateSpec {
  const template = { ...((rev.data as { spec?: { template?: Record<string, unknown> } } | undefined)?.spec?.template ?? {}) };
  delete template.$patch;
  return template as PodTemplateSpec;
}

/** countStatus is updateStatus: counts over every created pod. */
export function countStatus(pods: readonly KubeObject[], minReadySeconds: number, now: number, current: string, update: string): StatefulSetStatusCounts {
  const s: StatefulSetStatusCounts = { replicas: 0, readyReplicas: 0, currentReplicas: 0, updatedReplicas: 0, availableReplicas: 0 };
  for (const pod of pods) {
    if (!isCreated(pod)) continue;
    s.replicas++;
    if (isRunningAndReady(pod)) {
      s.readyReplicas++;
      if (isRunningAndAvailable(pod, minReadySeconds, now)) s.availableReplicas++;
    }
    if (isTerminating(pod)) continue;
    if (podRevision(pod) === current) s.currentReplicas++;
    if (podRevision(pod) === update) s.updatedReplicas++;
  }
  return s;
}

/** updateStatefulSet runs one pass and returns the status counts it leaves behind. */
export function updateStatefulSet(input: SyncInput, control: StatefulPodControl): StatefulSetStatusCounts {
  const { set, currentRevision, updateRevision, now } = input;
  const currentName = currentRevision.metadata.name ?? '';
  const updateName = updateRevision.metadata.name ?? '';
  const start = startOrdinal(set);
  const count = set.spec?.replicas ?? 1;
  const minReady = set.spec?.minReadySeconds ?? 0;
  const monotonic = (set.spec?.podManagementPolicy ?? 'OrderedReady') !== 'Parallel';
  const replicas: (KubeObject | undefined)[] = new Array<KubeObject | undefined>(count).fill(undefined);
  const condemned: KubeObject[] = [];
  for (const pod of input.pods) {
    const [parent, ord] = parentAndOrdinal(pod);
    if (parent !== set.metadata.name || ord < 0) continue;
    if (ord >= start && ord < start + count) replicas[ord - start] = pod;
    else condemned.push(pod);
  }
  condemned.sort((a, b) => parentAndOrdinal(a)[1] - parentAndOrdinal(b)[1]);
  // Upstream counts the pods it was given; pods this pass creates or deletes show up in the
  // next pass's counts (their watch events trigger it), except the rolling update's deletion.
  const status = countStatus([...replicas.filter((p): p is KubeObject => !!p), ...condemned], minReady, now, currentName, updateName);
  const unavailable = (pod: KubeObject) => isTerminating(pod) || !isRunningAndAvailable(pod, minReady, now);

  // 0. Claims follow persistentVolumeClaimRetentionPolicy (condemned pods' claims before they go).
  // NOTE: with Retain/Retain there is nothing to point unless the policy just changed, so the
  // per-claim reads are skipped once the spec has been observed (keeps big sets cheap).
  const policy = set.spec?.persistentVolumeClaimRetentionPolicy;
  const retainAll = (policy?.whenDeleted ?? 'Retain') === 'Retain' && (policy?.whenScaled ?? 'Retain') === 'Retain';
  if (!retainAll || set.status?.observedGeneration !== set.metadata.generation) {
    for (const pod of replicas) if (pod && !isTerminating(pod)) control.syncClaimRetention(set, pod, true);
    for (const pod of condemned) if (!isTerminating(pod)) control.syncClaimRetention(set, pod, false);
  }

  // 1. processReplica, in ordinal order: replace pods that will never run again (the
  // replacement comes on a later pass), create missing ones, and with OrderedReady stop at
  // the first that is not Running, Ready and available.
  const partition = set.spec?.updateStrategy?.rollingUpdate ? (set.spec.updateStrategy.rollingUpdate.partition ?? 0) : undefined;
  const rolling = (set.spec?.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
  for (let i = 0; i < count; i++) {
    const ordinal = start + i;
    const pod = replicas[i];
    if (pod && isFailedOrSucceeded(pod)) {
      if (!isTerminating(pod)) control.deletePod(set, pod);
      if (monotonic) return status;
      continue;
    }
    if (!pod) {
      // newVersionedStatefulSetPod: below the partition (or the current count) stays on the current revision.
      const useCurrent = (rolling && partition === undefined && ordinal < start + (set.status?.currentReplicas ?? 0)) || (partition !== undefined && ordinal < start + partition);
      const rev = useCurrent ? currentRevision : updateRevision;
      control.createPod(set, newStatefulSetPod(set, revisionTemplate(rev), ordinal, rev.metadata.name ?? ''));
      if (monotonic) return status;
      continue;
    }
    if (monotonic && unavailable(pod)) return status;
    // Enforce the StatefulSet invariants: a pod whose identity labels were edited gets them back.
    if (!identityMatches(pod)) control.updatePod(set, withIdentity(pod));
  }

  // 2. Scale down from the highest ordinal; when monotonic, an unhealthy condemned pod
  // waits unless it is the first unhealthy one (it would never become healthy otherwise).
  const firstUnhealthy = condemned.find(unavailable);
  for (let t = condemned.length - 1; t >= 0; t--) {
    const pod = condemned[t];
    if (isTerminating(pod)) {
      if (monotonic) return status;
      continue;
    }
    if (monotonic && pod !== firstUnhealthy && !isRunningAndAvailable(pod, minReady, now)) return status;
    control.deletePod(set, pod);
    if (monotonic) return status;
  }

  // 3. Rolling update: highest ordinal first, down to the partition, one unavailable pod at a time.
  if (!rolling) return status;
  for (let t = count - 1; t >= (partition ?? 0); t--) {
    const pod = replicas[t];
    if (!pod) return status;
    if (podRevision(pod) !== updateName && !isTerminating(pod)) {
      control.deletePod(set, pod);
      if (podRevision(pod) === currentName) status.currentReplicas--;
      return status;
    }
    // Wait for an unavailable pod (one being replaced, or not yet ready for minReadySeconds).
    if (unavailable(pod)) return status;
  }
  return status;
}
