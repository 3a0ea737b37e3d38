/**
 * The garbage collector: deletes objects whose owners are gone, and carries out the
 * Foreground and Orphan deletion policies.
 *
 * Modelled on pkg/controller/garbagecollector/garbagecollector.go (attemptToDeleteItem,
 * processDeletingDependentsItem, orphanDependents). Every served resource is watched;
 * the OwnershipGraph links owner UIDs to dependents. A reconcile looks at one object:
 * - being deleted with the `orphan` finalizer: strip its ownerReference from every
 *   dependent, then remove the finalizer;
 * - being deleted with `foregroundDeletion`: delete its dependents, and remove the
 *   finalizer once no dependent with blockOwnerDeletion remains;
 * - alive with ownerReferences: if no owner is alive ("solid"), delete it (Background,
 *   or Foreground when an owner waits for it); if some are, drop the references to
 *   owners that are gone.
 * Owners may be of any served kind, cluster-scoped ones too (a Node owns mirror pods).
 */
import { isStatusError } from '../../api/status.ts';
import { parseApiVersion, type KubeObject, type OwnerReference } from '../../api/types.ts';
import type { Client, ResourceRef } from '../../client/client.ts';
import type { Informer } from '../../client/informer.ts';
import { WorkQueue } from '../../client/workqueue.ts';
import type { Cluster } from '../../sim/cluster.ts';
import type { Result } from '../../sim/loop.ts';
import { thaw } from '../../storage/freeze.ts';
import { nodeKeyOf, OwnershipGraph, parseNodeKey, type NodeKey } from './ownershipGraph.ts';

/** ORPHAN_FINALIZER and FOREGROUND_FINALIZER are metav1.FinalizerOrphanDependents / FinalizerDeleteDependents. */
export const ORPHAN_FINALIZER = 'orphan';
export const FOREGROUND_FINALIZER = 'foregroundDeletion';

/** GC_USER is the identity kube-controller-manager uses for the collector. */
export const GC_USER = {
  username: 'system:serviceaccount:kube-system:generic-garbage-collector',
  groups: ['system:serviceaccounts', 'system:serviceaccounts:kube-system', 'system:authenticated'],
};

/** IGNORED_RESOURCES are never collected (upstream ignores events: too many, never owners). */
const IGNORED_RESOURCES = new Set(['/events', 'events.k8s.io/events']);

type OwnerState = 'solid' | 'dangling' | 'waiting';

/**
 * ownersKept tells whether an update leaves nothing for `observed` to do: the same frozen
 * ownerReferences list (a new version shares an unchanged list with the old one), the same
 * object, and no deletion in progress. The graph already holds that very list for the object,
 * so observe would return false and enqueue nothing; answering here skips building the
 * object's NodeKey and three map lookups on every pod status write (~1.6% of a 3,000-pod run).
 */
function ownersKept(old: KubeObject, cur: KubeObject): boolean {
  const refs = cur.metadata.ownerReferences;
  return (
    refs === old.metadata.ownerReferences &&
    (refs === undefined || Object.isFrozen(refs)) &&
    cur.metadata.uid === old.metadata.uid &&
    !cur.metadata.deletionTimestamp
  );
}

/** GarbageCollector is the collector's reconciler; keys are NodeKeys. */
export class GarbageCollector {
  readonly name = 'garbage-collector-controller';
  readonly queue: WorkQueue;
  readonly graph = new OwnershipGraph();
  private readonly client: Client;
  private readonly informers = new Map<string, { ref: ResourceRef; informer: Informer; namespaced: boolean }>();
  /** byKind maps "group/Kind" to the resource that serves it, to resolve ownerReferences. */
  private readonly byKind = new Map<string, { ref: ResourceRef; namespaced: boolean }>();

  constructor(cluster: Cluster) {
    this.queue = new WorkQueue('garbage_collector_attempt_to_delete', cluster.clock);
    this.client = cluster.client('kube-controller-manager', GC_USER);
    for (const def of this.client.discovery()) {
      const id = `${def.group}/${def.resource}`;
      if (IGNORED_RESOURCES.has(id) || !def.verbs.includes('watch')) continue;
      const ref = { group: def.group, resource: def.resource };
      const informer = cluster.informers.forResource(ref);
      this.informers.set(id, { ref, informer, namespaced: def.namespaced });
      this.byKind.set(`${def.group}/${def.kind}`, { ref, namespaced: def.namespaced });
      informer.addHandler({
        add: (o) => this.observed(ref, o),
        update: (old, o) => {
          if (!ownersKept(old, o)) this.observed(ref, o);
        },
        delete: (o) => this.removed(ref, o),
      });
    }
  }

  // ---- event wiring: keep the graph, enqueue keys ----------------------------------------

  private observed(ref: ResourceRef, obj: KubeObject): void {
    const key = nodeKeyOf(ref, obj.metadata.namespace ?? '', obj.metadata.name ?? '');
    // As upstream's graph builder, an object is looked at when its owner references change (or
    // it is new); an update that keeps them (every pod status write) has nothing to collect:
    // an owner's removal or foreground deletion enqueues its dependents itself.
    const ownersChanged = this.graph.observe(key, obj);
    if (ownersChanged && (obj.metadata.ownerReferences ?? []).length > 0) this.queue.add(key);
    if (obj.metadata.deletionTimestamp) {
      const fin = obj.metadata.finalizers ?? [];
      if (fin.includes(ORPHAN_FINALIZER) || fin.includes(FOREGROUND_FINALIZER)) this.queue.add(key);
      for (const d of this.graph.dependents(obj.metadata.uid ?? '')) this.queue.add(d);
    }
  }

  private removed(ref: ResourceRef, obj: KubeObject): void {
    const key = nodeKeyOf(ref, obj.metadata.namespace ?? '', obj.metadata.name ?? '');
    this.graph.forget(key, obj);
    for (const d of this.graph.dependents(obj.metadata.uid ?? '')) this.queue.add(d);
    // An owner in foreground deletion may have been waiting for this dependent.
    for (const r of obj.metadata.ownerReferences ?? []) {
      const owner = this.graph.keyOfUID(r.uid);
      if (owner) this.queue.add(owner);
    }
  }

  // ---- reconcile ----------------------------------------------------------------------

  reconcile(key: NodeKey): Result | void {
    const obj = this.cached(key);
    if (!obj) return;
    try {
      const finalizers = obj.metadata.finalizers ?? [];
      if (obj.metadata.deletionTimestamp && finalizers.includes(ORPHAN_FINALIZER)) return this.orphanDependents(key, obj);
      if (obj.metadata.deletionTimestamp && finalizers.includes(FOREGROUND_FINALIZER)) this.deleteDependents(key, obj);
      if ((obj.metadata.ownerReferences ?? []).length > 0) this.attemptToDelete(key, obj);
    } catch (err) {
      // The object changed or went away under us: look again shortly, as upstream requeues.
      if (isStatusError(err) && (err.code === 409 || err.code === 404)) return { requeueAfter: 10 };
      throw err;
    }
  }

  /** attemptToDelete is attemptToDeleteItem for an object that has owners. */
  private attemptToDelete(key: NodeKey, obj: KubeObject): void {
    if (obj.metadata.deletionTimestamp && !(obj.metadata.finalizers ?? []).includes(FOREGROUND_FINALIZER)) return;
    const refs = obj.metadata.ownerReferences ?? [];
    const states = refs.map((r) => this.ownerState(obj, r));
    const solid = states.filter((s) => s === 'solid').length;
    const { ref, namespace, name } = parseNodeKey(key);
    if (solid > 0) {
      const gone = new Set(refs.filter((_, i) => states[i] !== 'solid').map((r) => r.uid));
      if (gone.size > 0) this.removeOwnerRefs(ref, namespace, name, gone);
      return;
    }
    if (obj.metadata.deletionTimestamp) return;
    // Upstream: delete in the foreground when an owner waits and this object has dependents
    // of its own; otherwise let the object's own finalizers (or Background) decide.
    const waiting = states.includes('waiting');
    const fin = obj.metadata.finalizers ?? [];
    let propagationPolicy: 'Background' | 'Foreground' | 'Orphan' = 'Background';
    if (fin.includes(ORPHAN_FINALIZER)) propagationPolicy = 'Orphan';
    else if (fin.includes(FOREGROUND_FINALIZER) || (waiting && this.graph.dependents(obj.metadata.uid ?? '').length > 0)) propagationPolicy = 'Foreground';
    this.client.delete(ref, namespace, name, { propagationPolicy, preconditions: { uid: obj.metadata.uid } });
  }

  /** ownerState classifies one owner as solid, dangling (gone or replaced) or waiting (foreground deletion). */
  private ownerState(obj: KubeObject, r: OwnerReference): OwnerState {
    const kind = this.byKind.get(`${parseApiVersion(r.apiVersion).group}/${r.kind}`);
    // An owner kind we do not serve cannot be checked: keep the object, as upstream does.
    if (!kind) return 'solid';
    const ns = kind.namespaced ? (obj.metadata.namespace ?? '') : '';
    // A namespaced owner cannot own a cluster-scoped object: upstream treats it as absent.
    if (kind.namespaced && !obj.metadata.namespace) return 'dangling';
    const owner = this.client.tryGet(kind.ref, ns, r.name);
    if (!owner || owner.metadata.uid !== r.uid) return 'dangling';
    if (owner.metadata.deletionTimestamp && (owner.metadata.finalizers ?? []).includes(FOREGROUND_FINALIZER)) return 'waiting';
    return 'solid';
  }

  /** orphanDependents strips the owner's reference from each dependent, then its finalizer. */
  private orphanDependents(key: NodeKey, owner: KubeObject): void {
    const uid = owner.metadata.uid ?? '';
    for (const d of this.graph.dependents(uid)) {
      const { ref, namespace, name } = parseNodeKey(d);
      this.removeOwnerRefs(ref, namespace, name, new Set([uid]));
    }
    this.removeFinalizer(key, ORPHAN_FINALIZER);
  }

  /**
   * deleteDependents is the foreground half: delete each dependent not already going, and
   * release the owner once no dependent blocks it (processDeletingDependentsItem).
   */
  private deleteDependents(key: NodeKey, owner: KubeObject): void {
    const uid = owner.metadata.uid ?? '';
    let blocking = 0;
    for (const d of this.graph.dependents(uid)) {
      const dep = this.cached(d);
      if (!dep) continue;
      const r = (dep.metadata.ownerReferences ?? []).find((o) => o.uid === uid);
      if (!r) continue;
      if (r.blockOwnerDeletion) blocking++;
      // Dependents are handled by attemptToDelete: their owner is now "waiting".
      this.queue.add(d);
    }
    if (blocking === 0) this.removeFinalizer(key, FOREGROUND_FINALIZER);
  }

  private removeOwnerRefs(ref: ResourceRef, namespace: string, name: string, uids: Set<string>): void {
    const latest = this.client.tryGet(ref, namespace, name);
    if (!latest) return;
    const obj = thaw(latest);
    const kept = (obj.metadata.ownerReferences ?? []).filter((r) => !uids.has(r.uid));
    if (kept.length === (obj.metadata.ownerReferences ?? []).length) return;
    if (kept.length > 0) obj.metadata.ownerReferences = kept;
    else delete obj.metadata.ownerReferences;
    this.client.update(ref, obj);
  }

  private removeFinalizer(key: NodeKey, finalizer: string): void {
    const { ref, namespace, name } = parseNodeKey(key);
    const latest = this.client.tryGet(ref, namespace, name);
    if (!latest || !(latest.metadata.finalizers ?? []).includes(finalizer)) return;
    const obj = thaw(latest);
    const rest = (obj.metadata.finalizers ?? []).filter((f) => f !== finalizer);
    if (rest.length > 0) obj.metadata.finalizers = rest;
    else delete obj.metadata.finalizers;
    this.client.update(ref, obj);
  }

  private cached(key: NodeKey): KubeObject | undefined {
    const { ref, namespace, name } = parseNodeKey(key);
    return this.informers.get(`${ref.group}/${ref.resource}`)?.informer.get(namespace, name);
  }
}

/** installGarbageCollector registers the collector; call it after every resource is registered. */
export function installGarbageCollector(cluster: Cluster): GarbageCollector {
  const gc = new GarbageCollector(cluster);
  cluster.addReconciler(gc);
  return gc;
}

