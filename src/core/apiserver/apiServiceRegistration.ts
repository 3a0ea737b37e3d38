/**
 * APIService registration: kube-apiserver's autoregister controller creates an APIService
 * for every group/version it serves itself (`spec.service` unset, shown as SERVICE `Local`,
 * condition Available=True reason Local), with the priorities of
 * pkg/controlplane/apiserver/aggregator.go. An aggregated API such as metrics.k8s.io has its
 * APIService from its own manifest, pointing at its Service (metrics-server's components.yaml:
 * kube-system/metrics-server, priorities 100/100), and is Available once that answers.
 */
import type { KubeObject } from '../api/types.ts';
import type { Cluster } from '../sim/cluster.ts';

const APISERVICES = { group: 'apiregistration.k8s.io', resource: 'apiservices' };

/** PRIORITIES are APIVersionPriorities: group/version → [groupPriorityMinimum, versionPriority]. */
const PRIORITIES: Readonly<Record<string, [number, number]>> = {
  '/v1': [18000, 1],
  'apiregistration.k8s.io/v1': [18000, 1],
  'apps/v1': [17800, 15],
  'events.k8s.io/v1': [17750, 15],
  'authentication.k8s.io/v1': [17700, 15],
  'authorization.k8s.io/v1': [17600, 15],
  'autoscaling/v1': [17500, 15],
  'autoscaling/v2': [17500, 30],
  'batch/v1': [17400, 15],
  'certificates.k8s.io/v1': [17300, 15],
  'networking.k8s.io/v1': [17200, 15],
  'policy/v1': [17100, 15],
  'rbac.authorization.k8s.io/v1': [17000, 15],
  'storage.k8s.io/v1': [16800, 15],
  'apiextensions.k8s.io/v1': [16700, 15],
  'admissionregistration.k8s.io/v1': [16700, 15],
  'scheduling.k8s.io/v1': [16600, 15],
  'coordination.k8s.io/v1': [16500, 15],
  'node.k8s.io/v1': [16300, 15],
  'discovery.k8s.io/v1': [16200, 15],
  'flowcontrol.apiserver.k8s.io/v1': [16100, 21],
};

/** AGGREGATED lists the APIs served by an extension API server, with the Service behind them. */
const AGGREGATED: Readonly<Record<string, { namespace: string; name: string; port: number; priorities: [number, number] }>> = {
  'metrics.k8s.io/v1beta1': { namespace: 'kube-system', name: 'metrics-server', port: 443, priorities: [100, 100] },
};

/** apiServiceFor builds the APIService of one group/version. */
export function apiServiceFor(group: string, version: string, nowISO: string): KubeObject {
  const key = `${group}/${version}`;
  const aggregated = AGGREGATED[key];
  const [groupPriorityMinimum, versionPriority] = aggregated?.priorities ?? PRIORITIES[key] ?? [1000, 15];
  const spec: Record<string, unknown> = { group, version, groupPriorityMinimum, versionPriority };
  const condition = aggregated
    ? { type: 'Available', status: 'True', lastTransitionTime: nowISO, reason: 'Passed', message: 'all checks passed' }
    : { type: 'Available', status: 'True', lastTransitionTime: nowISO, reason: 'Local', message: 'Local APIServices are always available' };
  if (aggregated) {
    spec.service = { namespace: aggregated.namespace, name: aggregated.name, port: aggregated.port };
    spec.insecureSkipTLSVerify = true;
  }
  const labels: Record<string, string> = aggregated ? { 'k8s-app': 'metrics-server' } : { 'kube-aggregator.kubernetes.io/automanaged': 'onstart' };
  return { apiVersion: 'apiregistration.k8s.io/v1', kind: 'APIService', metadata: { name: `${version}.${group}`, labels }, spec, status: { conditions: [condition] } };
}

/** servedGroupVersions lists every group/version in discovery; autoscaling/v1 is served beside v2. */
export function servedGroupVersions(cluster: Cluster): Array<[string, string]> {
  const seen = new Set<string>();
  for (const d of cluster.server.resources()) {
    seen.add(`${d.group}/${d.version}`);
    if (d.group === 'autoscaling') seen.add('autoscaling/v1');
  }
  return [...seen].sort().map((k) => k.split('/') as [string, string]);
}

/** installAPIServiceRegistration creates the APIServices once every layer has registered its resources. */
export function installAPIServiceRegistration(cluster: Cluster): void {
  cluster.onBootstrap((c) => {
    if (!c.server.resources().some((d) => d.group === APISERVICES.group && d.resource === APISERVICES.resource)) return;
    const client = c.client('kube-apiserver');
    const now = c.server.strategyContext.isoNow();
    for (const [group, version] of servedGroupVersions(c)) {
      const obj = apiServiceFor(group, version, now);
      // An aggregated API's own manifest may have registered it already (metrics-server does).
      const existing = client.tryGet(APISERVICES, '', obj.metadata.name ?? '') ?? client.create(APISERVICES, '', { ...obj, status: undefined } as unknown as KubeObject);
      if (((existing.status as { conditions?: unknown[] } | undefined)?.conditions ?? []).length > 0) continue;
      // The availability controller's verdict. NOTE: an aggregated API is taken as reachable
      // from the start; upstream says False (MissingEndpoints) until its pod is Ready.
      client.updateStatus(APISERVICES, { ...existing, status: obj.status } as KubeObject);
    }
  });
}
