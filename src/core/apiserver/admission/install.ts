/**
 * installAdmission registers the admission chain in upstream's default order
 * (pkg/kubeapiserver/options/plugins.go AllOrderedPlugins: NamespaceLifecycle,
 * LimitRanger, ServiceAccount, ..., Priority, DefaultTolerationSeconds, ...).
 */
import type { Cluster } from '../../sim/cluster.ts';
import { defaultTolerationSecondsAdmission } from './defaultTolerationSeconds.ts';
import { namespaceLifecycle } from './namespaceLifecycle.ts';
import { priorityAdmission } from './priority.ts';
import { serviceAccountAdmission } from './serviceAccount.ts';

export function installAdmission(cluster: Cluster): void {
  cluster.server.addAdmission(namespaceLifecycle(cluster.server));
  cluster.server.addAdmission(serviceAccountAdmission(cluster.server));
  cluster.server.addAdmission(priorityAdmission(cluster.server));
  cluster.server.addAdmission(defaultTolerationSecondsAdmission());
}
