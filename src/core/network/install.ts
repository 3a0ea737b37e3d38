/**
 * installNetwork adds this layer's components to a cluster.
 */
import type { Cluster } from '../sim/cluster.ts';

export function installNetwork(cluster: Cluster): void {
  void cluster;
}
