/**
 * installAdmission registers the admission chain in upstream's default order
 * (NamespaceLifecycle, LimitRanger, ServiceAccount, ..., DefaultTolerationSeconds, ...).
 */
import type { Cluster } from '../../sim/cluster.ts';
import { namespaceLifecycle } from './namespaceLifecycle.ts';

export function installAdmission(cluster: Cluster): void {
  cluster.server.addAdmission(namespaceLifecycle(cluster.server));
}
