/**
 * The resource quota controller: keeps each ResourceQuota's status.hard and status.used.
 *
 * Modelled on pkg/controller/resourcequota/resource_quota_controller.go (syncResourceQuota):
 * a change to a quota, or to an object of a kind quotas track (pods, services,
 * configmaps, secrets, persistentvolumeclaims), enqueues the quotas of its namespace;
 * every quota is also recalculated on the 5-minute resync. Usage comes from the shared
 * evaluators in api/quotaUsage.ts, the same the admission plugin uses.
 */
import { deepEqual } from '../../api/equality.ts';
import { formatUsage, namespaceUsage, type ResourceList } from '../../api/quotaUsage.ts';
import { isStatusError } from '../../api/status.ts';
import type { KubeObject } from '../../api/types.ts';
import { CONFIGMAPS, PERSISTENTVOLUMECLAIMS, PODS, SECRETS, SERVICES, type Client, type ResourceRef } from '../../client/client.ts';
import { keyOf, splitKey, type Informer } from '../../client/informer.ts';
import { WorkQueue } from '../../client/workqueue.ts';
import type { Cluster } from '../../sim/cluster.ts';
import type { Result } from '../../sim/loop.ts';
import { thaw } from '../../storage/freeze.ts';

/** RESOURCEQUOTAS is the core/v1 resourcequotas resource. */
export const RESOURCEQUOTAS: ResourceRef = { group: '', resource: 'resourcequotas' };
/** RESYNC_MS is --resource-quota-sync-period (5 min). */
export const RESYNC_MS = 5 * 60_000;

/** RQ_CONTROLLER_USER is the identity kube-controller-manager uses for this controller. */
export const RQ_CONTROLLER_USER = {
  username: 'system:serviceaccount:kube-system:resourcequota-controller',
  groups: ['system:serviceaccounts', 'system:serviceaccounts:kube-system', 'system:authenticated'],
};

/** ResourceQuotaController recalculates quota usage. */
export class ResourceQuotaController {
  readonly name = 'resourcequota-controller';
  readonly queue: WorkQueue;
  private readonly client: Client;
  private readonly quotas: Informer;

  constructor(private readonly cluster: Cluster) {
    this.queue = new WorkQueue('resourcequota_primary', cluster.clock);
    this.client = cluster.client('kube-controller-manager', RQ_CONTROLLER_USER);
    this.quotas = cluster.informers.forResource(RESOURCEQUOTAS);
    this.quotas.addHandler({ add: (q) => this.queue.add(keyOf(q)), update: (_o, q) => this.queue.add(keyOf(q)) });
    const touched = (obj: KubeObject) => {
      for (const q of this.quotas.list(obj.metadata.namespace ?? '')) this.queue.add(keyOf(q));
    };
    for (const ref of [PODS, SERVICES, CONFIGMAPS, SECRETS, PERSISTENTVOLUMECLAIMS]) {
      cluster.informers.forResource(ref).addHandler({ add: touched, update: (_o, o) => touched(o), delete: touched });
    }
  }

  /** reconcile is syncResourceQuota. */
  reconcile(key: string): Result | void {
    const quota = this.quotas.getByKey(key);
    if (!quota) return;
    const { namespace } = splitKey(key);
    const hard = ((quota.spec as { hard?: ResourceList } | undefined)?.hard ?? {}) as ResourceList;
    const list = (resource: string, group: string) => {
      if (!this.client.discovery().some((d) => d.resource === resource && d.group === group)) return [];
      return this.client.list({ group, resource }, namespace).items;
    };
    const used = formatUsage(hard, namespaceUsage(list, hard, this.cluster.clock.now()));
    const status = { hard: { ...hard }, used };
    if (!deepEqual(quota.status ?? {}, status)) {
      const updated = thaw(quota);
      updated.status = status;
      try {
        this.client.updateStatus(RESOURCEQUOTAS, updated);
      } catch (err) {
        if (isStatusError(err) && (err.code === 409 || err.code === 404)) return { requeueAfter: 100 };
        throw err;
      }
    }
    return { requeueAfter: RESYNC_MS };
  }
}

/** installResourceQuotaController registers the controller with the cluster. */
export function installResourceQuotaController(cluster: Cluster): ResourceQuotaController {
  const c = new ResourceQuotaController(cluster);
  cluster.addReconciler(c);
  return c;
}
