/**
 * The ReplicaSet controller: keeps `spec.replicas` pods running for each ReplicaSet.
 *
 * Modelled on pkg/controller/replicaset/replica_set.go (syncReplicaSet, manageReplicas,
 * slowStartBatch) and pkg/controller/controller_utils.go (RealPodControl). Level-based:
 * each reconcile reads the ReplicaSet and every pod of its namespace from the informer
 * caches, claims the pods its selector matches, creates or deletes the difference, and
 * writes status. Upstream's "expectations" exist to avoid double-creating while the
 * informer catches up; our loop delivers watch events between reconciles, so a
 * reconcile always sees the pods the previous one created.
 */
import { isStatusError } from '../../api/status.ts';
import { selectorFromLabelSelector, matches } from '../../api/labels.ts';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { KubeObject, Pod, ReplicaSet } from '../../api/types.ts';
import { PODS, REPLICASETS, type Client, type ResourceRef } from '../../client/client.ts';
import type { EventRecorder } from '../../client/events.ts';
import { keyOf, type Informer } from '../../client/informer.ts';
import { flatString } from '../../api/flatString.ts';
import { WorkQueue } from '../../client/workqueue.ts';
import type { Cluster } from '../../sim/cluster.ts';
import type { Result } from '../../sim/loop.ts';
import { thaw } from '../../storage/freeze.ts';
import { claimObject, controllerOf, newControllerRef, type ClaimContext } from './controllerRef.ts';
import { forgetPodFacts, stableSelector, stableSetSelector } from './podFacts.ts';
import { ClaimWalker, type ClaimWalk, type WalkOwner } from './claimWalk.ts';
import { OwnedPodIndex } from './ownedPods.ts';
import { getPodsToDelete } from './podRanking.ts';
import { asPod, isPodReady } from '../../api/podUtil.ts';
import { calculateReplicaSetStatus, nextAvailableAt, omitEmptyReplicaSetStatus, statusUnchanged, type MutableReplicaSetStatus, type PodCounts } from './replicaSetStatus.ts';
import { slowStartBatch } from './slowStartBatch.ts';

/**
 * ReplicatedKind is what differs between the kinds this controller runs for: upstream runs
 * the same code for ReplicationControllers (pkg/controller/replication wraps the ReplicaSet
 * controller with an RC-to-RS adapter), with its own names and a map selector.
 */
export interface ReplicatedKind {
  ref: ResourceRef;
  apiVersion: string;
  kind: string;
  /** name is the reconciler's name; queueName the workqueue's; recorder the events' component. */
  name: string;
  queueName: string;
  recorder: string;
  user: { username: string; groups: string[] };
  /** selectorOf reads the object's selector as a metav1.LabelSelector. */
  selectorOf(obj: KubeObject): LabelSelector | undefined;
}

export { slowStartBatch } from './slowStartBatch.ts';

/** BURST_REPLICAS is upstream's BurstReplicas: at most this many creates or deletes per sync. */
export const BURST_REPLICAS = 500;
/** SLOW_START_INITIAL_BATCH_SIZE is controller.SlowStartInitialBatchSize. */
export const SLOW_START_INITIAL_BATCH_SIZE = 1;

/** CONTROLLER_USER is the identity kube-controller-manager uses for this controller. */
export const RS_CONTROLLER_USER = {
  username: 'system:serviceaccount:kube-system:replicaset-controller',
  groups: ['system:serviceaccounts', 'system:serviceaccounts:kube-system', 'system:authenticated'],
};

/** REPLICA_SET_KIND is apps/v1 ReplicaSet, the controller's own kind. */
export const REPLICA_SET_KIND: ReplicatedKind = {
  ref: REPLICASETS,
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  name: 'replicaset-controller',
  queueName: 'replicaset',
  recorder: 'replicaset-controller',
  user: RS_CONTROLLER_USER,
  selectorOf: (obj) => (obj as ReplicaSet).spec?.selector,
};

/**
 * STATUS_BATCH_MIN_REPLICAS and STATUS_BATCH_MS: a sync reads every pod of the namespace, and
 * in virtual time a controller is infinitely fast, so a ReplicaSet of thousands of pods would
 * be synced once per pod status change (quadratic work; upstream the workqueue coalesces
 * changes that arrive while a sync runs). For ReplicaSets above this size, pod status-only
 * changes are coalesced over a short window instead. Smaller ones react at once, as before.
 */
export const STATUS_BATCH_MIN_REPLICAS = 100;
export const STATUS_BATCH_MS = 500;

/** statusOnly tells whether a pod update changed nothing the sync acts on besides status. */
function statusOnly(old: KubeObject, cur: KubeObject): boolean {
  if (old.metadata.deletionTimestamp !== cur.metadata.deletionTimestamp) return false;
  if (controllerOf(old)?.uid !== controllerOf(cur)?.uid) return false;
  // Stored versions share an unchanged labels object: most updates stop here.
  if (old.metadata.labels === cur.metadata.labels) return true;
  const a = old.metadata.labels ?? {};
  const b = cur.metadata.labels ?? {};
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/** NO_PODS is the claimed list of a sync answered from counts (never read: see countsWithoutWalk). */
const NO_PODS: Pod[] = Object.freeze([]) as unknown as Pod[];

/** ReplicaSetController reconciles ReplicaSets against their pods. */
export class ReplicaSetController {
  readonly name: string;
  readonly queue: WorkQueue;
  private readonly client: Client;
  private readonly recorder: EventRecorder;
  private readonly rsInformer: Informer;
  private readonly podInformer: Informer;
  /** failures backs off keys whose create/delete failed (the rate limiter upstream gets from the error). */
  private readonly failures = new Map<string, number>();
  /** walker remembers each big ReplicaSet's last claim walk (claimWalk.ts). */
  private readonly walker = new ClaimWalker();
  /** owned keeps each ReplicaSet's claim counts from pod events (ownedPods.ts). */
  private readonly owned = new OwnedPodIndex();
  /** lastKey is replicaSetKey's memory of the last key it built. */
  private lastKey = { namespace: '', name: '', key: '' };

  constructor(
    private readonly cluster: Cluster,
    private readonly kind: ReplicatedKind = REPLICA_SET_KIND,
  ) {
    this.name = kind.name;
    this.queue = new WorkQueue(kind.queueName, cluster.clock);
    this.client = cluster.client('kube-controller-manager', kind.user);
    this.recorder = cluster.recorder(kind.recorder);
    this.rsInformer = cluster.informers.forResource(kind.ref);
    this.podInformer = cluster.informers.forResource(PODS);
    this.rsInformer.addHandler({
      add: (rs) => this.queue.add(keyOf(rs)),
      update: (_old, rs) => this.queue.add(keyOf(rs)),
      delete: (rs) => {
        if (rs.metadata.uid) this.owned.forget(rs.metadata.uid);
        this.queue.add(keyOf(rs));
      },
    });
    this.podInformer.addHandler({
      add: (pod) => {
        this.owned.changed(undefined, asPod(pod));
        this.podAdded(pod);
      },
      update: (old, cur) => {
        this.owned.changed(asPod(old), asPod(cur));
        forgetPodFacts(asPod(old));
        this.podUpdated(old, cur);
      },
      delete: (pod) => {
        this.owned.changed(asPod(pod), undefined);
        forgetPodFacts(asPod(pod));
        this.enqueueController(pod);
      },
    });
  }

  // ---- event wiring: only enqueue keys ------------------------------------------------

  private podAdded(pod: KubeObject): void {
    if (pod.metadata.deletionTimestamp || controllerOf(pod)) return this.enqueueController(pod);
    for (const rs of this.replicaSetsMatching(pod)) this.queue.add(keyOf(rs));
  }

  private podUpdated(old: KubeObject, cur: KubeObject): void {
    const oldRef = controllerOf(old);
    const curRef = controllerOf(cur);
    if (oldRef && oldRef.uid !== curRef?.uid) this.enqueueController(old);
    if (curRef) {
      const rs = this.resolve(cur);
      if (!rs) return;
      const key = this.keyOfReplicaSet(rs);
      if (statusOnly(old, cur) && ((rs as ReplicaSet).spec?.replicas ?? 0) > STATUS_BATCH_MIN_REPLICAS) {
        this.queue.addAfter(key, STATUS_BATCH_MS);
      } else {
        this.queue.add(key);
      }
      // A pod that just became ready turns available after minReadySeconds: look again then.
      const minReady = (rs as ReplicaSet).spec?.minReadySeconds ?? 0;
      if (minReady > 0 && !isPodReady(asPod(old)) && isPodReady(asPod(cur))) this.queue.addAfter(key, minReady * 1000 + 1000);
      return;
    }
    if (JSON.stringify(old.metadata.labels ?? {}) !== JSON.stringify(cur.metadata.labels ?? {}) || oldRef) {
      for (const rs of this.replicaSetsMatching(cur)) this.queue.add(keyOf(rs));
    }
  }

  private enqueueController(pod: KubeObject): void {
    const rs = this.resolve(pod);
    if (rs) this.queue.add(this.keyOfReplicaSet(rs));
  }

  /** resolve is resolveControllerRef: the ReplicaSet named by the pod's controllerRef, if the UID matches. */
  private resolve(pod: KubeObject): KubeObject | undefined {
    const ref = controllerOf(pod);
    if (!ref || ref.kind !== this.kind.kind) return undefined;
    const rs = this.rsInformer.getByKey(this.replicaSetKey(pod.metadata.namespace ?? '', ref.name));
    return rs && rs.metadata.uid === ref.uid ? rs : undefined;
  }

  /** keyOfReplicaSet is keyOf(rs), through replicaSetKey. */
  private keyOfReplicaSet(rs: KubeObject): string {
    return this.replicaSetKey(rs.metadata.namespace ?? '', rs.metadata.name ?? '');
  }

  /**
   * replicaSetKey is the cache key of a ReplicaSet (keyOf), remembering the last one built: a
   * big ReplicaSet's pods report one after another, and building and hashing a fresh key string
   * for the lookup and the (mostly no-op) addAfter of every pod update showed in profiles.
   */
  private replicaSetKey(namespace: string, name: string): string {
    const last = this.lastKey;
    if (last.namespace === namespace && last.name === name) return last.key;
    const key = flatString(namespace ? `${namespace}/${name}` : name);
    this.lastKey = { namespace, name, key };
    return key;
  }

  private replicaSetsMatching(pod: KubeObject): KubeObject[] {
    return this.rsInformer.list(pod.metadata.namespace ?? '').filter((rs) => {
      try {
        return matches(selectorFromLabelSelector(this.kind.selectorOf(rs)), pod.metadata.labels);
      } catch {
        return false;
      }
    });
  }

  // ---- reconcile ----------------------------------------------------------------------

  /** reconcile is syncReplicaSet. */
  reconcile(key: string): Result | void {
    const cached = this.rsInformer.getByKey(key);
    if (!cached) {
      this.failures.delete(key);
      this.walker.forget(key);
      return;
    }
    const rs = cached as ReplicaSet & KubeObject;
    let selector;
    try {
      selector = stableSelector(this.kind.selectorOf(rs));
    } catch {
      return; // upstream logs "Error converting pod selector to selector" and gives up
    }
    const owner: WalkOwner = { uid: rs.metadata.uid, selector, templateSelector: stableSetSelector(rs.spec?.template?.metadata?.labels) };
    const known = this.countsWithoutWalk(rs, owner);
    let claimed: Pod[] = NO_PODS;
    let counts: PodCounts;
    if (known) {
      counts = known;
      this.walker.forget(key);
    } else {
      const walk = this.claimPods(key, rs, owner);
      claimed = walk.claimed;
      counts = walk;
    }

    let manageError: Error | undefined;
    if (!rs.metadata.deletionTimestamp) manageError = this.manageReplicas(counts.replicas, claimed, rs);
    const now = this.cluster.clock.now();
    const status = calculateReplicaSetStatus(rs, claimed, manageError, now, counts);
    const updated = this.updateStatus(rs, status);

    if (manageError) {
      const n = this.failures.get(key) ?? 0;
      this.failures.set(key, n + 1);
      return { requeueAfter: Math.min(5 * 2 ** n, 1000_000) };
    }
    this.failures.delete(key);
    // Upstream requeues after minReadySeconds "as a last line of defence"; it relies on
    // second-truncated timestamps and wall-clock jitter to land after the pod turns
    // available. Our virtual clock is exact, so we requeue at the first instant a
    // ready pod becomes available instead (a strict `Before`, hence the +1 ms).
    const minReady = updated.spec?.minReadySeconds ?? 0;
    if (minReady > 0) {
      const next = nextAvailableAt(claimed, minReady, now);
      if (next !== undefined) return { requeueAfter: Math.max(1, next - now) };
    }
  }

  /**
   * claimPods is claimObjects over the namespace's active pods (every pod of the namespace, so
   * pods whose labels changed can still be released), through the ClaimWalker: the common
   * cases, a pod this ReplicaSet controls that still matches and a pod another controller
   * owns, are answered from the pod's facts (or the previous walk's verdict for the same pod
   * object) without side effects; orphans and pods to release go through claimObject, in the
   * same order, with the same first-error rule.
   */
  private claimPods(key: string, rs: ReplicaSet & KubeObject, owner: WalkOwner): ClaimWalk {
    const ctx: ClaimContext = { client: this.client, dependents: PODS, ownerResource: this.kind.ref, owner: rs, ownerApiVersion: this.kind.apiVersion, ownerKind: this.kind.kind, selector: owner.selector };
    // Only ReplicaSets synced in batches are worth a memo of a pointer per pod of the namespace.
    const remember = (rs.spec?.replicas ?? 0) > STATUS_BATCH_MIN_REPLICAS;
    return this.walker.walk(key, this.podInformer.namespaceView(rs.metadata.namespace ?? ''), owner, (obj) => claimObject(ctx, obj), remember);
  }

  /**
   * countsWithoutWalk answers a sync from the OwnedPodIndex when a walk would have no side
   * effects (no orphan to adopt, no pod to release) and the sync needs no pod list: nothing to
   * delete, no minReadySeconds timing. Undefined means walk.
   */
  private countsWithoutWalk(rs: ReplicaSet & KubeObject, owner: WalkOwner): PodCounts | undefined {
    const uid = owner.uid;
    const ns = rs.metadata.namespace ?? '';
    if (uid === undefined || (rs.spec?.minReadySeconds ?? 0) > 0 || this.owned.orphansIn(ns) > 0) return undefined;
    const counts = this.owned.countsFor({ ...owner, uid }, ns, this.podInformer.namespaceView(ns));
    if (counts.mismatched > 0 || counts.replicas > (rs.spec?.replicas ?? 1)) return undefined;
    return counts;
  }

  /** manageReplicas creates or deletes pods to reach spec.replicas; returns the first error. `pods` are the claimed pods (read only to delete). */
  private manageReplicas(replicas: number, pods: Pod[], rs: ReplicaSet & KubeObject): Error | undefined {
    let diff = replicas - (rs.spec?.replicas ?? 1);
    if (diff < 0) {
      diff = Math.min(-diff, BURST_REPLICAS);
      const { error } = slowStartBatch(diff, SLOW_START_INITIAL_BATCH_SIZE, () => this.createPod(rs));
      return error;
    }
    if (diff > 0) {
      diff = Math.min(diff, BURST_REPLICAS);
      const toDelete = getPodsToDelete(pods, this.relatedPods(rs), diff, this.cluster.clock.now());
      let firstError: Error | undefined;
      for (const pod of toDelete) firstError ??= this.deletePod(rs, pod);
      return firstError;
    }
    return undefined;
  }

  /** createPod is RealPodControl.CreatePods with GetPodFromTemplate. */
  private createPod(rs: ReplicaSet & KubeObject): void {
    const template = rs.spec?.template ?? {};
    const labels = { ...(template.metadata?.labels ?? {}) };
    if (Object.keys(labels).length === 0) throw new Error('unable to create pods, no labels');
    const meta: KubeObject['metadata'] = {
      generateName: `${rs.metadata.name}-`,
      labels,
      ownerReferences: [newControllerRef(rs, this.kind.apiVersion, this.kind.kind)],
    };
    if (template.metadata?.annotations) meta.annotations = { ...template.metadata.annotations };
    if (template.metadata?.finalizers) meta.finalizers = [...template.metadata.finalizers];
    const pod: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: meta, spec: thaw(template.spec ?? {}) };
    try {
      const created = this.client.create(PODS, rs.metadata.namespace ?? '', pod);
      this.recorder.normal(rs, 'SuccessfulCreate', `Created pod: ${created.metadata.name}`);
    } catch (err) {
      if (isStatusError(err) && err.status.details?.causes?.some((c) => c.reason === 'NamespaceTerminating')) return;
      this.recorder.warning(rs, 'FailedCreate', `Error creating: ${(err as Error).message}`);
      throw err;
    }
  }

  /** deletePod is RealPodControl.DeletePod; a pod already gone is not an error. */
  private deletePod(rs: ReplicaSet & KubeObject, pod: Pod): Error | undefined {
    const name = pod.metadata?.name ?? '';
    try {
      this.client.delete(PODS, rs.metadata.namespace ?? '', name);
      this.recorder.normal(rs, 'SuccessfulDelete', `Deleted pod: ${name}`);
      return undefined;
    } catch (err) {
      if (isStatusError(err) && err.code === 404) return undefined;
      this.recorder.warning(rs, 'FailedDelete', `Error deleting: ${(err as Error).message}`);
      return err as Error;
    }
  }

  /**
   * relatedPods is getIndirectlyRelatedPods: the pods of every ReplicaSet with the same
   * controller (a Deployment's old and new ReplicaSets), used to spread deletions.
   */
  private relatedPods(rs: ReplicaSet & KubeObject): Pod[] {
    const ns = rs.metadata.namespace ?? '';
    const owner = controllerOf(rs);
    const uids = new Set<string>([rs.metadata.uid ?? '']);
    if (owner) {
      for (const other of this.rsInformer.list(ns)) if (controllerOf(other)?.uid === owner.uid) uids.add(other.metadata.uid ?? '');
    }
    return this.podInformer
      .list(ns)
      .filter((p) => uids.has(controllerOf(p)?.uid ?? ''))
      .map(asPod);
  }

  /** updateStatus is updateReplicaSetStatus: skip the steady state, retry once on conflict. */
  private updateStatus(rs: ReplicaSet & KubeObject, status: MutableReplicaSetStatus): ReplicaSet & KubeObject {
    if (statusUnchanged(rs, status)) return rs;
    status.observedGeneration = rs.metadata.generation;
    let current: KubeObject = rs;
    for (let attempt = 0; ; attempt++) {
      try {
        return this.client.updateStatus(this.kind.ref, { ...thaw(current), status: omitEmptyReplicaSetStatus(status) }) as ReplicaSet & KubeObject;
      } catch (err) {
        if (attempt >= 1 || !isStatusError(err) || err.code !== 409) throw err;
        current = this.client.get(this.kind.ref, rs.metadata.namespace ?? '', rs.metadata.name ?? '');
      }
    }
  }
}

/** installReplicaSetController registers the ReplicaSet controller with the cluster. */
export function installReplicaSetController(cluster: Cluster): ReplicaSetController {
  const controller = new ReplicaSetController(cluster);
  cluster.addReconciler(controller);
  return controller;
}
