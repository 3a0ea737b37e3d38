/**
 * Test helper for the controllers in this folder: a bare cluster (namespaces only) with
 * just the installers under test, informers started and the first instant settled.
 */
import { bootstrapNamespaces, Cluster, DEFAULT_OPTIONS, type ClusterOptions, type Installer } from '../sim/cluster.ts';

/** newControllerTestCluster builds and settles a cluster with only the given installers. */
export function newControllerTestCluster(installers: Installer[], options: Partial<ClusterOptions> = {}): Cluster {
  const cluster = new Cluster({ ...DEFAULT_OPTIONS, ...options });
  for (const install of installers) install(cluster);
  bootstrapNamespaces(cluster);
  cluster.informers.start();
  cluster.settle();
  return cluster;
}
