/**
 * installNodes adds this layer's components to a cluster.
 */
import type { Cluster } from '../sim/cluster.ts';

export function installNodes(cluster: Cluster): void {
  void cluster;
}
