/**
 * installScheduler adds this layer's components to a cluster.
 */
import type { Cluster } from '../sim/cluster.ts';

export function installScheduler(cluster: Cluster): void {
  void cluster;
}
