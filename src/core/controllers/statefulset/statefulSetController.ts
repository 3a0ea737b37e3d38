/**
 * The StatefulSet controller: stable, ordered pods `<set>-0..N-1`, each with its own
 * claims, rolled from the highest ordinal down.
 *
 * Modelled on pkg/controller/statefulset/stateful_set.go (wiring, sync, ClaimPods) and
 * stateful_set_control.go (getStatefulSetRevisions, updateStatefulSet in
 * ./updateStatefulSet.ts, updateStatefulSetStatus with completeRollingUpdate,
 * truncateHistory). Level-based: each reconcile reads the StatefulSet, its pods and its
 * ControllerRevisions from the informer caches, makes sure a revision of the current
 * template exists, runs one pass, writes status and prunes old revisions.
 */
import type { StatefulSetStatus } from 'kubernetes-types/apps/v1';
import { deepEqual } from '../../api/equality.ts';
import { selectorFromLabelSelector } from '../../api/labels.ts';
import { isStatusError } from '../../api/status.ts';
import type { KubeObject } from '../../api/types.ts';
import { PODS, type Client, type ResourceRef } from '../../client/client.ts';
import type { EventRecorder } from '../../client/events.ts';
import { keyOf, splitKey, type Informer } from '../../client/informer.ts';
import { WorkQueue } from '../../client/workqueue.ts';
import type { Cluster } from '../../sim/cluster.ts';
import type { Result } from '../../sim/loop.ts';
import { thaw } from '../../storage/freeze.ts';
import { CONTROLLER_REVISIONS } from '../history/controllerHistory.ts';
import { pruneRevisions, syncUpdateRevision } from '../history/revisionSync.ts';
import { claimObjects } from '../replicaset/controllerRef.ts';
import { isRunningAndReady, isRunningAndAvailable, podRevision, type STS } from './statefulSetPod.ts';
import { StatefulPodControlImpl } from './statefulPodControl.ts';
import { updateStatefulSet, type StatefulSetStatusCounts } from './updateStatefulSet.ts';

/** STATEFULSETS is the apps/v1 statefulsets resource. */
export const STATEFULSETS: ResourceRef = { group: 'apps', resource: 'statefulsets' };

/** STS_CONTROLLER_USER is the identity kube-controller-manager uses for this controller. */
export const STS_CONTROLLER_USER = {
  username: 'system:serviceaccount:kube-system:statefulset-controller',
  groups: ['system:serviceaccounts', 'system:serviceaccounts:kube-system', 'system:authenticated'],
};

/** statefulSetStatus assembles apps/v1 StatefulSetStatus, omitting the zero fields Go omits. */
export function statefulSetStatus(set: STS, counts: StatefulSetStatusCounts, current: string, update: string, collisionCount: number): StatefulSetStatus {
  // completeRollingUpdate: every pod updated and ready makes the update revision current.
  const rolling = (set.spec?.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
  const complete = rolling && counts.updatedReplicas === counts.replicas && counts.readyReplicas === counts.replicas;
  const currentReplicas = complete ? counts.updatedReplicas : counts.currentReplicas;
  const status: StatefulSetStatus = { replicas: counts.replicas, availableReplicas: counts.availableReplicas, collisionCount };
  if (set.metadata.generation) status.observedGeneration = set.metadata.generation;
  if (counts.readyReplicas) status.readyReplicas = counts.readyReplicas;
  if (currentReplicas) status.currentReplicas = currentReplicas;
  if (counts.updatedReplicas) status.updatedReplicas = counts.updatedReplicas;
  status.currentRevision = complete ? update : current;
  status.updateRevision = update;
  if (set.status?.conditions) status.conditions = set.status.conditions;
  return status;
}

/** StatefulSetController reconciles StatefulSets. */
export class StatefulSetController {
  readonly name = 'statefulset-controller';
  readonly queue: WorkQueue;
  private readonly client: Client;
  private readonly recorder: EventRecorder;
  private readonly setInformer: Informer;
  private readonly podInformer: Informer;
  private readonly revisionInformer: Informer;
  private readonly podControl: StatefulPodControlImpl;
  /** failures backs off sets whose pass failed (upstream requeues them rate-limited). */
  private readonly failures = new Map<string, number>();

  constructor(private readonly cluster: Cluster) {
    this.queue = new WorkQueue('statefulset', cluster.clock);
    this.client = cluster.client('kube-controller-manager', STS_CONTROLLER_USER);
    this.recorder = cluster.recorder('statefulset-controller');
    this.podControl = new StatefulPodControlImpl(this.client, this.recorder);
    this.setInformer = cluster.informers.forResource(STATEFULSETS);
    this.podInformer = cluster.informers.forResource(PODS);
    this.revisionInformer = cluster.informers.forResource(CONTROLLER_REVISIONS);
    this.setInformer.addHandler({
      add: (s) => this.queue.add(keyOf(s)),
      update: (_o, s) => this.queue.add(keyOf(s)),
      delete: (s) => this.queue.add(keyOf(s)),
    });
    this.podInformer.addHandler({ add: (p) => this.enqueuePod(p), update: (o, p) => this.enqueuePod(p, o), delete: (p) => this.enqueuePod(p) });
  }

  /** enqueuePod: a pod change wakes its controller; an orphan wakes every set that might adopt it. */
  private enqueuePod(pod: KubeObject, old?: KubeObject): void {
    for (const p of old ? [old, pod] : [pod]) {
      const ref = p.metadata.ownerReferences?.find((r) => r.controller);
      if (ref?.kind === 'StatefulSet') this.queue.add(`${p.metadata.namespace}/${ref.name}`);
      else if (!ref) for (const s of this.setInformer.list(p.metadata.namespace)) this.queue.add(keyOf(s));
    }
  }

  /** reconcile is sync + UpdateStatefulSet. */
  reconcile(key: string): Result | void {
    const set = this.setInformer.getByKey(key) as STS | undefined;
    if (!set || set.metadata.deletionTimestamp) {
      this.failures.delete(key);
      return;
    }
    const { namespace } = splitKey(key);
    const now = this.cluster.clock.now();
    try {
      // ClaimPods and ClaimControllerRevisions: orphans matching the selector are adopted
      // (after `delete --cascade=orphan`, a new set takes over the old pods and history).
      const claim = { client: this.client, ownerResource: STATEFULSETS, owner: set, ownerApiVersion: 'apps/v1', ownerKind: 'StatefulSet', selector: selectorFromLabelSelector(set.spec?.selector ?? null) };
      const pods = claimObjects({ ...claim, dependents: PODS }, this.podInformer.list(namespace));
      const history = claimObjects({ ...claim, dependents: CONTROLLER_REVISIONS }, this.revisionInformer.list(namespace));
      const revs = syncUpdateRevision(this.client, history, set, 'StatefulSet', set.status?.collisionCount ?? 0);
      const current = revs.revisions.find((r) => r.metadata.name === set.status?.currentRevision) ?? revs.updateRevision;
      const counts = updateStatefulSet({ set, pods, currentRevision: current, updateRevision: revs.updateRevision, now }, this.podControl);
      const status = statefulSetStatus(set, counts, current.metadata.name ?? '', revs.updateRevision.metadata.name ?? '', revs.collisionCount);
      this.writeStatus(set, status);
      const live = new Set([status.currentRevision ?? '', status.updateRevision ?? '', ...pods.map(podRevision)]);
      pruneRevisions(this.client, revs.revisions, live, set.spec?.revisionHistoryLimit ?? 10);
      this.failures.delete(key);
      return this.availabilityRequeue(set, pods, now);
    } catch (err) {
      if (isStatusError(err) && (err.code === 409 || err.code === 404)) return { requeueAfter: 100 };
      const n = this.failures.get(key) ?? 0;
      this.failures.set(key, n + 1);
      // NOTE: pod creation failures were recorded as FailedCreate events already; retry with backoff.
      return { requeueAfter: Math.min(5 * 2 ** n, 1000_000) };
    }
  }

  /** availabilityRequeue wakes the set when a ready pod becomes available (minReadySeconds). */
  private availabilityRequeue(set: STS, pods: readonly KubeObject[], now: number): Result | void {
    const minReady = set.spec?.minReadySeconds ?? 0;
    if (minReady <= 0) return;
    if (pods.some((p) => isRunningAndReady(p) && !isRunningAndAvailable(p, minReady, now))) return { requeueAfter: minReady * 1000 };
  }

  private writeStatus(set: STS, status: StatefulSetStatus): void {
    if (deepEqual(set.status ?? {}, status)) return;
    const updated = thaw(set);
    (updated as { status?: unknown }).status = status;
    this.client.updateStatus(STATEFULSETS, updated);
  }
}

/** installStatefulSetController registers the controller with the cluster. */
export function installStatefulSetController(cluster: Cluster): StatefulSetController {
  const c = new StatefulSetController(cluster);
  cluster.addReconciler(c);
  return c;
}
