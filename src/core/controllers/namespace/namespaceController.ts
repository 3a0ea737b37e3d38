/**
 * The Namespace controller: empties a namespace that is being deleted, then releases it.
 *
 * Modelled on pkg/controller/namespace/namespace_controller.go and
 * deletion/namespaced_resources_deleter.go: for a namespace with a deletionTimestamp,
 * delete every object of every served namespaced resource in it (Background
 * propagation), record what remains in status.conditions, and once nothing remains,
 * remove the `kubernetes` finalizer through the `finalize` subresource. The API server
 * removes the namespace when spec.finalizers and metadata.finalizers are both empty.
 * Pods end gracefully, so the namespace stays Terminating until kubelets finish them.
 */
import { isStatusError } from '../../api/status.ts';
import { parseTime, rfc3339 } from '../../api/time.ts';
import type { KubeObject, Namespace, Pod } from '../../api/types.ts';
import { NAMESPACES, PODS, type Client, type ResourceRef } from '../../client/client.ts';
import type { Informer } from '../../client/informer.ts';
import { WorkQueue } from '../../client/workqueue.ts';
import type { Cluster } from '../../sim/cluster.ts';
import type { Result } from '../../sim/loop.ts';
import { thaw } from '../../storage/freeze.ts';
import { mergeConditions, problemConditions, type ContentEstimate } from './conditions.ts';

/** KUBERNETES_FINALIZER is v1.FinalizerKubernetes, the namespace controller's own. */
export const KUBERNETES_FINALIZER = 'kubernetes';

/** NS_CONTROLLER_USER is the identity kube-controller-manager uses for this controller. */
export const NS_CONTROLLER_USER = {
  username: 'system:serviceaccount:kube-system:namespace-controller',
  groups: ['system:serviceaccounts', 'system:serviceaccounts:kube-system', 'system:authenticated'],
};

/** RETRY_MS is how soon a namespace whose content has finalizers is looked at again. */
const RETRY_MS = 5000;

/** NamespaceController deletes the content of terminating namespaces. */
export class NamespaceController {
  readonly name = 'namespace-controller';
  readonly queue: WorkQueue;
  private readonly client: Client;
  private readonly nsInformer: Informer;

  constructor(private readonly cluster: Cluster) {
    this.queue = new WorkQueue('namespace', cluster.clock);
    this.client = cluster.client('kube-controller-manager', NS_CONTROLLER_USER);
    this.nsInformer = cluster.informers.forResource(NAMESPACES);
    this.nsInformer.addHandler({
      add: (ns) => this.enqueueIfDeleting(ns),
      update: (_old, ns) => this.enqueueIfDeleting(ns),
    });
    // A pod finishing is what a terminating namespace usually waits for: look again then.
    cluster.informers.forResource(PODS).addHandler({
      delete: (pod) => {
        const ns = this.nsInformer.get('', pod.metadata.namespace ?? '');
        if (ns) this.enqueueIfDeleting(ns);
      },
    });
  }

  private enqueueIfDeleting(ns: KubeObject): void {
    if (ns.metadata.deletionTimestamp) this.queue.add(ns.metadata.name ?? '');
  }

  /** reconcile is syncNamespaceFromKey + namespacedResourcesDeleter.Delete. */
  reconcile(name: string): Result | void {
    const ns = this.client.tryGet(NAMESPACES, '', name) as (Namespace & KubeObject) | undefined;
    if (!ns || !ns.metadata.deletionTimestamp) return;
    if (!(ns.spec?.finalizers ?? []).includes(KUBERNETES_FINALIZER)) return;
    try {
      const { estimate, waitSeconds, empty } = this.deleteAllContent(name);
      this.updateConditions(ns, estimate);
      if (!empty) return { requeueAfter: waitSeconds > 0 ? waitSeconds * 1000 : RETRY_MS };
      this.finalize(name);
    } catch (err) {
      if (isStatusError(err) && (err.code === 409 || err.code === 404)) return { requeueAfter: 100 };
      throw err;
    }
  }

  /** namespacedResources lists every served namespaced resource that can be listed and deleted. */
  private namespacedResources(): ResourceRef[] {
    return this.client
      .discovery()
      .filter((d) => d.namespaced && d.verbs.includes('list') && d.verbs.includes('delete'))
      .map((d) => ({ group: d.group, resource: d.resource }));
  }

  /**
   * deleteAllContent deletes what is left and counts what remains. waitSeconds estimates
   * how long pods still need (their grace periods), as estimateGracefulTermination does.
   */
  private deleteAllContent(namespace: string): { estimate: ContentEstimate; waitSeconds: number; empty: boolean } {
    const estimate: ContentEstimate = { remainingByResource: new Map(), remainingByFinalizer: new Map() };
    let waitSeconds = 0;
    let empty = true;
    const now = this.cluster.clock.now();
    for (const ref of this.namespacedResources()) {
      const items = this.client.list(ref, namespace).items;
      for (const obj of items) {
        if (obj.metadata.deletionTimestamp) continue;
        try {
          this.client.delete(ref, namespace, obj.metadata.name ?? '', { propagationPolicy: 'Background' });
        } catch (err) {
          if (!(isStatusError(err) && err.code === 404)) throw err;
        }
      }
      const remaining = this.client.list(ref, namespace).items;
      if (remaining.length === 0) continue;
      empty = false;
      estimate.remainingByResource.set(`${ref.resource}.${ref.group}`, remaining.length);
      for (const obj of remaining) {
        for (const f of obj.metadata.finalizers ?? []) estimate.remainingByFinalizer.set(f, (estimate.remainingByFinalizer.get(f) ?? 0) + 1);
        if (ref.group === '' && ref.resource === 'pods') waitSeconds = Math.max(waitSeconds, podWaitSeconds(obj as Pod & KubeObject, now));
      }
    }
    return { estimate, waitSeconds, empty };
  }

  private updateConditions(ns: Namespace & KubeObject, estimate: ContentEstimate): void {
    const conditions = mergeConditions(ns, problemConditions(estimate), rfc3339(this.cluster.clock.now()));
    if (JSON.stringify(conditions) === JSON.stringify(ns.status?.conditions ?? [])) return;
    const updated = thaw(ns);
    updated.status = { ...updated.status, conditions };
    this.client.updateStatus(NAMESPACES, updated);
  }

  /** finalize removes the `kubernetes` finalizer through PUT namespaces/<name>/finalize. */
  private finalize(name: string): void {
    const latest = thaw(this.client.get(NAMESPACES, '', name)) as Namespace & KubeObject;
    const finalizers = (latest.spec?.finalizers ?? []).filter((f) => f !== KUBERNETES_FINALIZER);
    latest.spec = { ...latest.spec, finalizers };
    this.client.server.update(this.client.def(NAMESPACES), '', name, latest, { user: NS_CONTROLLER_USER, fieldManager: 'kube-controller-manager' }, 'finalize');
  }
}

/** podWaitSeconds is how long until a terminating pod's grace period ends (at least 1 s while it remains). */
function podWaitSeconds(pod: Pod & KubeObject, now: number): number {
  const end = parseTime(pod.metadata.deletionTimestamp);
  if (Number.isNaN(end)) return pod.spec?.terminationGracePeriodSeconds ?? 30;
  return Math.max(1, Math.ceil((end - now) / 1000));
}

/** installNamespaceController registers the controller with the cluster. */
export function installNamespaceController(cluster: Cluster): NamespaceController {
  const c = new NamespaceController(cluster);
  cluster.addReconciler(c);
  return c;
}
