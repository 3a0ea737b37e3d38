/**
 * The ServiceAccounts controller: every active namespace has a `default` ServiceAccount.
 *
 * Modelled on pkg/controller/serviceaccount/serviceaccounts_controller.go: namespace
 * events and the deletion of a managed account enqueue the namespace; reconcile creates
 * the accounts that are missing. Deleting `default` brings it straight back.
 */
import { isStatusError } from '../../api/status.ts';
import type { KubeObject, Namespace } from '../../api/types.ts';
import { NAMESPACES, SERVICEACCOUNTS, type Client } from '../../client/client.ts';
import type { Informer } from '../../client/informer.ts';
import { WorkQueue } from '../../client/workqueue.ts';
import type { Cluster } from '../../sim/cluster.ts';
import type { Result } from '../../sim/loop.ts';

/** MANAGED_SERVICE_ACCOUNTS are the accounts the controller keeps in every namespace (upstream's default options). */
export const MANAGED_SERVICE_ACCOUNTS = ['default'];

/** SA_CONTROLLER_USER is the identity kube-controller-manager uses for this controller. */
export const SA_CONTROLLER_USER = {
  username: 'system:serviceaccount:kube-system:service-account-controller',
  groups: ['system:serviceaccounts', 'system:serviceaccounts:kube-system', 'system:authenticated'],
};

/** isNamespaceActive: neither being deleted nor in phase Terminating. */
export function isNamespaceActive(ns: KubeObject | undefined): boolean {
  return !!ns && !ns.metadata.deletionTimestamp && (ns as Namespace).status?.phase !== 'Terminating';
}

/** ServiceAccountsController creates the managed service accounts. */
export class ServiceAccountsController {
  readonly name = 'serviceaccount-controller';
  readonly queue: WorkQueue;
  private readonly client: Client;
  private readonly nsInformer: Informer;
  private readonly saInformer: Informer;

  constructor(cluster: Cluster) {
    this.queue = new WorkQueue('serviceaccount', cluster.clock);
    this.client = cluster.client('kube-controller-manager', SA_CONTROLLER_USER);
    this.nsInformer = cluster.informers.forResource(NAMESPACES);
    this.saInformer = cluster.informers.forResource(SERVICEACCOUNTS);
    this.nsInformer.addHandler({
      add: (ns) => this.queue.add(ns.metadata.name ?? ''),
      update: (_old, ns) => this.queue.add(ns.metadata.name ?? ''),
    });
    this.saInformer.addHandler({
      delete: (sa) => {
        if (MANAGED_SERVICE_ACCOUNTS.includes(sa.metadata.name ?? '')) this.queue.add(sa.metadata.namespace ?? '');
      },
    });
  }

  /** reconcile is syncNamespace: create each managed account the namespace lacks. */
  reconcile(namespace: string): Result | void {
    if (!isNamespaceActive(this.nsInformer.get('', namespace))) return;
    for (const name of MANAGED_SERVICE_ACCOUNTS) {
      if (this.saInformer.get(namespace, name)) continue;
      try {
        this.client.create(SERVICEACCOUNTS, namespace, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name } });
      } catch (err) {
        // Already there (our cache is behind) or the namespace started terminating: nothing to do.
        if (isStatusError(err) && (err.code === 409 || err.code === 403 || err.code === 404)) continue;
        throw err;
      }
    }
  }
}

/** installServiceAccountsController registers the controller with the cluster. */
export function installServiceAccountsController(cluster: Cluster): ServiceAccountsController {
  const c = new ServiceAccountsController(cluster);
  cluster.addReconciler(c);
  return c;
}
