/**
 * The metrics.k8s.io/v1beta1 resources (k8s.io/metrics pkg/apis/metrics/v1beta1): NodeMetrics
 * `nodes` and PodMetrics `pods`, get and list only. They are registered by the metrics-server
 * installer, as an aggregated API appears in discovery once its APIService is registered, and
 * are read from the MetricsServer's memory, never from the store.
 */
import { notFound } from '../../api/status.ts';
import type { ResourceDefinition } from '../../apiserver/resource.ts';
import { define } from '../../apiserver/registry/define.ts';
import type { MetricsServer } from './metricsServer.ts';

/** METRICS_GROUP is the Metrics API group. */
export const METRICS_GROUP = 'metrics.k8s.io';

/** metricsResources returns the NodeMetrics and PodMetrics definitions served from `server`. */
export function metricsResources(server: MetricsServer): ResourceDefinition[] {
  const nodes = define({
    group: METRICS_GROUP,
    version: 'v1beta1',
    resource: 'nodes',
    kind: 'NodeMetrics',
    namespaced: false,
    verbs: ['get', 'list'],
    reader: {
      // An unknown node is the node lister's NotFound; a node without metrics is "nodemetrics".
      get: (_ns, name) => server.nodeMetric(name) ?? throwNotFound(server.nodeExists(name) ? 'nodemetrics' : 'nodes', name),
      list: () => server.nodeMetrics(),
    },
  });
  const pods = define({
    group: METRICS_GROUP,
    version: 'v1beta1',
    resource: 'pods',
    kind: 'PodMetrics',
    namespaced: true,
    verbs: ['get', 'list'],
    reader: {
      // An unknown pod is the pod lister's NotFound; a pod without metrics is "podmetrics" "ns/name".
      get: (ns, name) => server.podMetric(ns, name) ?? (server.podExists(ns, name) ? throwNotFound('podmetrics', `${ns}/${name}`) : throwNotFound('pods', name)),
      list: (ns) => server.podMetrics(ns),
    },
  });
  return [nodes, pods];
}

function throwNotFound(resource: 'nodemetrics' | 'podmetrics' | 'nodes' | 'pods', name: string): never {
  throw notFound(resource === 'nodes' || resource === 'pods' ? '' : METRICS_GROUP, resource, name);
}
