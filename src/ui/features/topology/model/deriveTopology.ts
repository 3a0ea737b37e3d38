/**
 * deriveTopology turns the UI's object store into the topology's boxes and edges:
 *
 * - Nodes are containers of the pods bound to them (spec.nodeName); pods not yet bound sit
 *   on an "Unscheduled" shelf, which is where a Pending pod waits.
 * - Workloads connect by controller ownerReferences: Deployment → ReplicaSet → Pod,
 *   StatefulSet/DaemonSet/Job → Pod, CronJob → Job.
 * - A Service connects to the pods its selector matches; the edge is ready when the pod is a
 *   ready endpoint in the Service's EndpointSlices (label kubernetes.io/service-name), the
 *   same data kube-proxy routes by.
 * - An Ingress connects to the Services its rules and default backend name.
 * - PersistentVolumeClaims connect to the pods mounting them, a HorizontalPodAutoscaler to
 *   its scale target (related.ts).
 * - Pods of one StatefulSet are in ordinal order (podOrder.ts).
 *
 * Pure: the same store gives the same graph, ordered by name.
 */
import type { KubeObject } from '../../../../core/api/types.ts';
import type { ObjectKey, WireObject } from '../../../../protocol/objects.ts';
import { AGGREGATE_ABOVE, aggregatePods } from './aggregate.ts';
import { keyOfKind, UNSCHEDULED_ID } from './kinds.ts';
import { controllerRef } from './owners.ts';
import { podOrder } from './podOrder.ts';
import { RELATED_RESOURCES, relatedBoxes } from './related.ts';
import { workloadSummary } from './summaries.ts';
import {
  WORKLOAD_KINDS,
  type IngressItem,
  type NodeGroupItem,
  type PodItem,
  type ServiceItem,
  type TopoEdge,
  type TopologyFilter,
  type TopologyGraph,
  type WorkloadItem,
  type WorkloadKind,
} from './types.ts';

type Dict = Record<string, unknown>;

export { UNSCHEDULED_ID } from './kinds.ts';

/** ALL_KINDS_SHOWN is the filter that hides nothing in the given namespace. */
export function defaultFilter(namespace = 'default'): TopologyFilter {
  return { namespace, hiddenKinds: new Set() };
}

/** TOPOLOGY_RESOURCES are the `group/resource`s the picture is made of (everything else cannot change it). */
export const TOPOLOGY_RESOURCES: ReadonlySet<string> = new Set([
  '/nodes',
  '/pods',
  '/services',
  '/namespaces',
  'apps/deployments',
  'apps/replicasets',
  'apps/statefulsets',
  'apps/daemonsets',
  'batch/jobs',
  'batch/cronjobs',
  'networking.k8s.io/ingresses',
  'discovery.k8s.io/endpointslices',
  ...RELATED_RESOURCES,
]);

const WORKLOAD_RESOURCES = new Set(['apps/deployments', 'apps/replicasets', 'apps/statefulsets', 'apps/daemonsets', 'batch/jobs', 'batch/cronjobs']);

function condition(obj: KubeObject, type: string): boolean {
  const conds = ((obj as Dict).status as Dict | undefined)?.conditions as Array<{ type: string; status: string }> | undefined;
  return conds?.some((c) => c.type === type && c.status === 'True') ?? false;
}

function byName<T extends { name: string; namespace: string }>(a: T, b: T): number {
  return a.namespace === b.namespace ? a.name.localeCompare(b.name) : a.namespace.localeCompare(b.namespace);
}

/** selectorMatches tells whether a Service's equality selector matches a pod's labels (an empty selector selects nothing). */
export function selectorMatches(selector: Record<string, string> | undefined, labels: Record<string, string> | undefined): boolean {
  if (!selector) return false;
  const entries = Object.entries(selector);
  return entries.length > 0 && entries.every(([k, v]) => labels?.[k] === v);
}

/** readyEndpoints returns, per Service key, the names of pods that are ready endpoints. */
function readyEndpoints(slices: readonly KubeObject[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const s of slices) {
    const svc = s.metadata.labels?.['kubernetes.io/service-name'];
    if (!svc) continue;
    const key = keyOfKind('Service', s.metadata.namespace ?? '', svc) ?? '';
    const set = out.get(key) ?? new Set<string>();
    out.set(key, set);
    for (const ep of ((s as Dict).endpoints as Array<{ targetRef?: { kind?: string; name?: string }; conditions?: { ready?: boolean } }> | undefined) ?? []) {
      // EndpointSlice: ready is nil → treat as ready (discovery/v1 says consumers should).
      if (ep.targetRef?.kind === 'Pod' && ep.targetRef.name && ep.conditions?.ready !== false) set.add(ep.targetRef.name);
    }
  }
  return out;
}

/** ingressBackends lists the Service names an Ingress sends traffic to. */
function ingressBackends(ing: KubeObject): string[] {
  const spec = ((ing as Dict).spec ?? {}) as { defaultBackend?: { service?: { name?: string } }; rules?: Array<{ http?: { paths?: Array<{ backend?: { service?: { name?: string } } }> } }> };
  const names = new Set<string>();
  if (spec.defaultBackend?.service?.name) names.add(spec.defaultBackend.service.name);
  for (const r of spec.rules ?? []) for (const p of r.http?.paths ?? []) if (p.backend?.service?.name) names.add(p.backend.service.name);
  return [...names].sort();
}

/** deriveTopology computes the graph for a filter; pods past `aggregateAbove` are grouped. */
export function deriveTopology(objects: ReadonlyMap<ObjectKey, WireObject> | readonly WireObject[], filter: TopologyFilter, aggregateAbove = AGGREGATE_ABOVE): TopologyGraph {
  const inNs = (o: KubeObject) => filter.namespace === '' || (o.metadata.namespace ?? '') === filter.namespace;
  const shown = (kind: string) => !filter.hiddenKinds.has(kind as WorkloadKind);
  const nodes: KubeObject[] = [];
  const pods: WireObject[] = [];
  const workloads: WireObject[] = [];
  const services: WireObject[] = [];
  const ingresses: WireObject[] = [];
  const slices: KubeObject[] = [];
  const related: WireObject[] = [];
  const namespaces: string[] = [];
  for (const w of objects.values()) {
    const gr = `${w.group}/${w.resource}`;
    if (!TOPOLOGY_RESOURCES.has(gr)) continue;
    if (gr === '/namespaces') namespaces.push(w.object.metadata.name ?? '');
    else if (gr === '/nodes') nodes.push(w.object);
    else if (!inNs(w.object)) continue;
    else if (gr === '/pods') pods.push(w);
    else if (WORKLOAD_RESOURCES.has(gr)) workloads.push(w);
    else if (gr === '/services') services.push(w);
    else if (gr === 'networking.k8s.io/ingresses') ingresses.push(w);
    else if (gr === 'discovery.k8s.io/endpointslices') slices.push(w.object);
    else if (RELATED_RESOURCES.has(gr)) related.push(w);
  }

  const edges: TopoEdge[] = [];
  const workloadItems: WorkloadItem[] = [];
  const podsByOwner = new Map<string, number>();
  const podItems: PodItem[] = [];
  const groupOf = new Map<string, string>();
  for (const n of nodes) groupOf.set(n.metadata.name ?? '', keyOfKind('Node', '', n.metadata.name ?? '') ?? '');
  for (const w of pods) {
    const p = w.object;
    const ns = p.metadata.namespace ?? '';
    const ref = controllerRef(p);
    const ownerId = ref ? keyOfKind(ref.kind, ns, ref.name) : undefined;
    if (ownerId) podsByOwner.set(ownerId, (podsByOwner.get(ownerId) ?? 0) + 1);
    const nodeName = (((p as Dict).spec as Dict | undefined)?.nodeName as string | undefined) ?? '';
    podItems.push({
      id: w.key,
      kind: 'Pod',
      name: p.metadata.name ?? '',
      namespace: ns,
      status: w.podStatus ?? ((p as Dict).status as Dict | undefined)?.phase as string ?? 'Unknown',
      ready: condition(p, 'Ready'),
      group: groupOf.get(nodeName) ?? UNSCHEDULED_ID,
      ...(ownerId ? { ownerId } : {}),
    });
  }
  podItems.sort(podOrder);

  const workloadIds = new Set<string>();
  for (const w of workloads) {
    const o = w.object;
    if (!shown(o.kind ?? '') || !WORKLOAD_KINDS.includes(o.kind as WorkloadKind)) continue;
    // Old ReplicaSets a Deployment keeps for rollbacks (scaled to 0, no pods) are history, not picture.
    if (o.kind === 'ReplicaSet' && ((o as Dict).spec as Dict | undefined)?.replicas === 0 && !podsByOwner.has(w.key)) continue;
    const ref = controllerRef(o);
    const ownerId = ref ? keyOfKind(ref.kind, o.metadata.namespace ?? '', ref.name) : undefined;
    workloadItems.push({ id: w.key, kind: o.kind as WorkloadKind, name: o.metadata.name ?? '', namespace: o.metadata.namespace ?? '', summary: workloadSummary(o), ...(ownerId ? { ownerId } : {}) });
    workloadIds.add(w.key);
  }
  workloadItems.sort(byName);
  for (const w of workloadItems) if (w.ownerId && workloadIds.has(w.ownerId)) edges.push({ id: `owns:${w.ownerId}>${w.id}`, source: w.ownerId, target: w.id, relation: 'owns' });

  const aggregated = podItems.length > aggregateAbove;
  const shownPods = aggregated
    ? aggregatePods(podItems, (id) => {
        const w = id ? workloadItems.find((x) => x.id === id) : undefined;
        return w ?? (id ? { kind: id.split('/')[1] ?? '', name: id.split('/').slice(3).join('/') } : undefined);
      })
    : podItems;
  for (const p of shownPods) if (p.ownerId && workloadIds.has(p.ownerId)) edges.push({ id: `owns:${p.ownerId}>${p.id}`, source: p.ownerId, target: p.id, relation: 'owns' });

  const serviceItems: ServiceItem[] = [];
  if (shown('Service')) {
    const ready = readyEndpoints(slices);
    const labelsOf = new Map(pods.map((w) => [w.key, w.object.metadata.labels]));
    for (const w of services) {
      const s = w.object;
      const spec = ((s as Dict).spec ?? {}) as { selector?: Record<string, string>; type?: string };
      serviceItems.push({ id: w.key, kind: 'Service', name: s.metadata.name ?? '', namespace: s.metadata.namespace ?? '', type: spec.type ?? 'ClusterIP' });
      if (aggregated) continue; // one edge per pod is the clutter aggregation removes
      const readySet = ready.get(w.key);
      for (const p of podItems) {
        if (p.namespace !== (s.metadata.namespace ?? '')) continue;
        if (selectorMatches(spec.selector, labelsOf.get(p.id))) edges.push({ id: `selects:${w.key}>${p.id}`, source: w.key, target: p.id, relation: 'selects', ready: readySet?.has(p.name) ?? false });
      }
    }
    serviceItems.sort(byName);
  }

  const ingressItems: IngressItem[] = [];
  if (shown('Ingress')) {
    const serviceIds = new Set(serviceItems.map((s) => s.id));
    for (const w of ingresses) {
      const ing = w.object;
      const ns = ing.metadata.namespace ?? '';
      ingressItems.push({ id: w.key, kind: 'Ingress', name: ing.metadata.name ?? '', namespace: ns });
      for (const svc of ingressBackends(ing)) {
        const target = keyOfKind('Service', ns, svc) ?? '';
        if (serviceIds.has(target)) edges.push({ id: `routes:${w.key}>${target}`, source: w.key, target, relation: 'routes' });
      }
    }
    ingressItems.sort(byName);
  }

  const podObjects = new Map(pods.map((w) => [w.key, w.object]));
  const extra = relatedBoxes({ objects: related, pods: aggregated ? [] : podItems, podObjects, targets: workloadIds, shown });
  edges.push(...extra.edges);

  const groups: NodeGroupItem[] = nodes
    .map((n): NodeGroupItem => ({
      id: groupOf.get(n.metadata.name ?? '') ?? '',
      kind: 'Node',
      name: n.metadata.name ?? '',
      namespace: '',
      ready: condition(n, 'Ready'),
      unschedulable: ((n as Dict).spec as Dict | undefined)?.unschedulable === true,
      members: [],
    }))
    .sort(byName);
  const unscheduled: NodeGroupItem = { id: UNSCHEDULED_ID, kind: 'Unscheduled', name: 'Unscheduled', namespace: '', ready: true, unschedulable: false, members: [] };
  const groupById = new Map(groups.map((g) => [g.id, g]));
  for (const p of shownPods) {
    const g = groupById.get(p.group) ?? unscheduled;
    g.members.push(p.id);
  }
  if (unscheduled.members.length > 0) groups.push(unscheduled);

  return { groups, pods: shownPods, workloads: workloadItems, services: serviceItems, ingresses: ingressItems, related: extra.items, edges, namespaces: namespaces.sort(), podCount: podItems.length, aggregated };
}
