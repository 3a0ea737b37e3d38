/**
 * installMetricsServer adds metrics-server to a cluster: the scrape loop, the metrics.k8s.io
 * API (registered with the API server like an aggregated API), its kube-system objects, and
 * its in-memory samples in snapshots.
 *
 * - `cluster.services.get('metrics-server')` → MetricsServer (`scrape()`, `ready()`,
 *   `podMetrics(ns)`, `nodeMetrics()`), for components that want usage without the API.
 */
import type { Cluster } from '../../sim/cluster.ts';
import type { NodeManager } from '../install.ts';
import { bootstrapMetricsServer } from './bootstrap.ts';
import { metricsResources } from './metricsApi.ts';
import { MetricsServer } from './metricsServer.ts';

/** installMetricsServer must run after installNodes (it scrapes the kubelets). */
export function installMetricsServer(cluster: Cluster): void {
  const nodes = cluster.services.get('nodes') as NodeManager | undefined;
  const server = new MetricsServer(cluster, () => nodes?.kubelets() ?? []);
  for (const def of metricsResources(server)) cluster.server.register(def);
  cluster.services.set('metrics-server', server);
  cluster.registerState('metrics-server', { save: () => server.save(), load: (d) => server.load(d) });
  cluster.onBootstrap(() => {
    bootstrapMetricsServer(cluster);
    server.start();
  });
  cluster.onResume(() => server.start());
}
