/**
 * The ClusterRole aggregation controller: a ClusterRole with an aggregationRule gets, as
 * its rules, the rules of every ClusterRole its selectors match. This is how `admin`,
 * `edit` and `view` collect the `system:aggregate-to-*` roles, and how a CRD author
 * extends them with a labeled ClusterRole.
 *
 * Modelled on pkg/controller/clusterroleaggregation/clusterroleaggregation_controller.go:
 * any ClusterRole change enqueues every aggregated role; reconcile gathers the matching
 * roles sorted by name (skipping itself), appends each rule not already present, and
 * writes only when the result differs. Chains (view → edit → admin) settle over a few passes.
 */
import { deepEqual } from '../../api/equality.ts';
import { matches, selectorFromLabelSelector } from '../../api/labels.ts';
import type { KubeObject } from '../../api/types.ts';
import type { PolicyRule } from '../../api/validation/rbac.ts';
import { CLUSTERROLES } from '../../apiserver/authorization/bootstrapPolicy.ts';
import type { Client } from '../../client/client.ts';
import type { Informer } from '../../client/informer.ts';
import { WorkQueue } from '../../client/workqueue.ts';
import type { Cluster } from '../../sim/cluster.ts';
import { thaw } from '../../storage/freeze.ts';

/** AGGREGATION_CONTROLLER_USER is the identity kube-controller-manager uses for this controller. */
export const AGGREGATION_CONTROLLER_USER = {
  username: 'system:serviceaccount:kube-system:clusterrole-aggregation-controller',
  groups: ['system:serviceaccounts', 'system:serviceaccounts:kube-system', 'system:authenticated'],
};

interface ClusterRole extends KubeObject {
  rules?: PolicyRule[] | null;
  aggregationRule?: { clusterRoleSelectors?: Array<Record<string, unknown>> } | null;
}

/** aggregatedRules computes the rules an aggregated role should have from all roles. */
export function aggregatedRules(role: ClusterRole, all: readonly ClusterRole[]): PolicyRule[] {
  const selected = new Map<string, ClusterRole>();
  for (const sel of role.aggregationRule?.clusterRoleSelectors ?? []) {
    const selector = selectorFromLabelSelector(sel);
    for (const r of all) if (matches(selector, r.metadata.labels)) selected.set(r.metadata.name ?? '', r);
  }
  const rules: PolicyRule[] = [];
  for (const name of [...selected.keys()].sort()) {
    if (name === role.metadata.name) continue;
    for (const rule of selected.get(name)?.rules ?? []) {
      if (!rules.some((r) => deepEqual(r, rule))) rules.push(thaw(rule));
    }
  }
  return rules;
}

/** ClusterRoleAggregationController keeps aggregated ClusterRoles' rules up to date. */
export class ClusterRoleAggregationController {
  readonly name = 'clusterrole-aggregation-controller';
  readonly queue: WorkQueue;
  private readonly client: Client;
  private readonly roles: Informer;

  constructor(cluster: Cluster) {
    this.queue = new WorkQueue('ClusterRoleAggregator', cluster.clock);
    this.client = cluster.client('clusterrole-aggregation-controller', AGGREGATION_CONTROLLER_USER);
    this.roles = cluster.informers.forResource(CLUSTERROLES);
    // Any role may be selected by any aggregated role: enqueue every aggregated one.
    const enqueueAll = () => {
      for (const r of this.roles.list() as ClusterRole[]) if (r.aggregationRule) this.queue.add(r.metadata.name ?? '');
    };
    this.roles.addHandler({ add: enqueueAll, update: enqueueAll, delete: enqueueAll });
  }

  /** reconcile is syncClusterRole. */
  reconcile(name: string): void {
    const role = this.roles.get('', name) as ClusterRole | undefined;
    if (!role?.aggregationRule) return;
    const rules = aggregatedRules(role, this.roles.list() as ClusterRole[]);
    if (deepEqual(rules, role.rules ?? [])) return;
    const updated = thaw(role) as ClusterRole;
    updated.rules = rules;
    this.client.update(CLUSTERROLES, updated);
  }
}

/** installClusterRoleAggregationController registers the controller with the cluster. */
export function installClusterRoleAggregationController(cluster: Cluster): ClusterRoleAggregationController {
  const c = new ClusterRoleAggregationController(cluster);
  cluster.addReconciler(c);
  return c;
}
