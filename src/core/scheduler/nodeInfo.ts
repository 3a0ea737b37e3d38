/**
 * The scheduler's snapshot of the cluster: one NodeInfo per node with the pods bound to it.
 *
 * Models pkg/scheduler/backend/cache (Snapshot, NodeInfo.AddPod): terminal pods
 * (Succeeded/Failed) free their resources, terminating pods still hold them until gone.
 */
import type { Node, Pod } from '../api/types.ts';
import type { Taint } from 'kubernetes-types/core/v1';
import { carrySpreadCounts } from './plugins/spreadCounts.ts';
import { emptyResources, requestsOf, resourcesFromList } from './resources.ts';
import type { Resources } from './resources.ts';
import type { HostPort, NodeInfo } from './types.ts';

/** allocatableCache memoises parsed allocatable lists by object (stored objects never change in place). */
const allocatableCache = new WeakMap<object, Resources>();

/** isTerminal reports a pod whose resources the scheduler no longer counts. */
export function isTerminal(pod: Pod): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

/** hostPortsMemo memoises podHostPorts per pod object (stored objects never change in place). */
const hostPortsMemo = new WeakMap<Pod, readonly HostPort[]>();

/**
 * podHostPorts lists the host ports a pod's containers (and sidecars) claim. The list is
 * shared per pod object: a node's NodeInfo is rebuilt from all its pods whenever one of them
 * changes, and most pods claim none.
 */
export function podHostPorts(pod: Pod): readonly HostPort[] {
  let ports = hostPortsMemo.get(pod);
  if (!ports) hostPortsMemo.set(pod, (ports = collectHostPorts(pod)));
  return ports;
}

function collectHostPorts(pod: Pod): HostPort[] {
  const out: HostPort[] = [];
  const containers = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always')];
  for (const c of containers) {
    for (const p of c.ports ?? []) {
      if (!p.hostPort || p.hostPort <= 0) continue;
      out.push({ ip: p.hostIP || '0.0.0.0', protocol: p.protocol || 'TCP', port: p.hostPort });
    }
  }
  return out;
}

const NO_TAINTS: readonly Taint[] = Object.freeze([]);

/** newNodeInfo builds a NodeInfo from a node and the pods bound to it. */
export function newNodeInfo(node: Node, pods: Pod[]): NodeInfo {
  const allocatableList = (node.status?.allocatable ?? node.status?.capacity ?? {}) as Record<string, unknown>;
  const info: NodeInfo = {
    node,
    name: node.metadata?.name ?? '',
    labels: (node.metadata?.labels ?? {}) as Record<string, string>,
    unschedulable: !!node.spec?.unschedulable,
    taints: node.spec?.taints ?? NO_TAINTS,
    pods: [],
    requested: emptyResources(),
    nonZeroRequested: emptyResources(),
    allocatable: allocatableOf(allocatableList),
    allowedPodNumber: Number.parseInt(String(allocatableList.pods ?? '0'), 10) || 0,
    usedPorts: [],
    podsWithRequiredAntiAffinity: [],
    // Declared up front so every NodeInfo has the same shape (the slot is filled lazily).
    spreadCounts: undefined,
  };
  for (const pod of pods) addPod(info, pod);
  return info;
}

/**
 * addPod is NodeInfo.AddPod: the pod's requests and host ports now count on the node.
 * The sums are added in place: a NodeInfo is only changed while it is being built (the
 * snapshot replaces a node's NodeInfo rather than changing one that plugins have seen).
 */
export function addPod(info: NodeInfo, pod: Pod): void {
  info.pods.push(pod);
  addInto(info.requested, requestsOf(pod));
  addInto(info.nonZeroRequested, requestsOf(pod, true));
  const ports = podHostPorts(pod);
  if (ports.length > 0) info.usedPorts.push(...ports);
  if (hasRequiredAntiAffinity(pod)) info.podsWithRequiredAntiAffinity.push(pod);
}

/**
 * nextNodeInfo builds a node's new NodeInfo from its previous one and the pods added and
 * removed since, without re-adding every pod: with hundreds of pods per node one binding
 * otherwise re-summed them all. `pods` is the node's full pod list in informer order. The
 * sums are integers (millicores, bytes), so subtracting and adding gives exactly the value
 * a full build sums. Returns undefined when a changed pod has scalar (extended) resources:
 * a full build drops a scalar that no pod asks for any more, which arithmetic cannot.
 */
export function nextNodeInfo(node: Node, pods: Pod[], prev: NodeInfo, added: readonly Pod[], removed: readonly Pod[]): NodeInfo | undefined {
  if (anyPod(added, removed, podHasScalar)) return undefined;
  const info = newNodeInfo(node, []);
  info.pods = pods;
  addInto(info.requested, prev.requested);
  addInto(info.nonZeroRequested, prev.nonZeroRequested);
  for (const pod of removed) {
    subtractFrom(info.requested, requestsOf(pod));
    subtractFrom(info.nonZeroRequested, requestsOf(pod, true));
  }
  for (const pod of added) {
    addInto(info.requested, requestsOf(pod));
    addInto(info.nonZeroRequested, requestsOf(pod, true));
  }
  // Ports and anti-affinity pods are lists in pod order: collected again only when the node
  // had some or a changed pod brings some (most nodes have none).
  const changed = added.length > 0 || removed.length > 0;
  if (prev.usedPorts.length > 0 || (changed && anyPod(added, removed, podHasHostPorts))) {
    for (const pod of pods) {
      const ports = podHostPorts(pod);
      if (ports.length > 0) info.usedPorts.push(...ports);
    }
  }
  if (prev.podsWithRequiredAntiAffinity.length > 0 || (changed && anyPod(added, removed, hasRequiredAntiAffinity))) {
    info.podsWithRequiredAntiAffinity = pods.filter(hasRequiredAntiAffinity);
  }
  carrySpreadCounts(prev, info, added, removed);
  return info;
}

/** anyPod tells whether a pod of either list passes `test` (no joined copy: this runs per binding). */
function anyPod(a: readonly Pod[], b: readonly Pod[], test: (pod: Pod) => boolean): boolean {
  for (let i = 0; i < a.length; i++) if (test(a[i])) return true;
  for (let i = 0; i < b.length; i++) if (test(b[i])) return true;
  return false;
}

function podHasScalar(pod: Pod): boolean {
  return hasScalar(requestsOf(pod)) || hasScalar(requestsOf(pod, true));
}

function podHasHostPorts(pod: Pod): boolean {
  return podHostPorts(pod).length > 0;
}

function hasRequiredAntiAffinity(pod: Pod): boolean {
  return (pod.spec?.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []).length > 0;
}

function hasScalar(r: Resources): boolean {
  for (const _ in r.scalar) return true;
  return false;
}

/** subtractFrom takes b's quantities out of a (in place); callers make sure b has no scalars. */
function subtractFrom(a: Resources, b: Resources): void {
  a.milliCPU -= b.milliCPU;
  a.memory -= b.memory;
  a.ephemeralStorage -= b.ephemeralStorage;
}

/** addInto adds b's quantities into a (in place), as addResources does into a new value. */
function addInto(a: Resources, b: Resources): void {
  a.milliCPU += b.milliCPU;
  a.memory += b.memory;
  a.ephemeralStorage += b.ephemeralStorage;
  for (const k in b.scalar) a.scalar[k] = (a.scalar[k] ?? 0) + b.scalar[k];
}

function allocatableOf(list: Record<string, unknown>): Resources {
  let r = allocatableCache.get(list);
  if (!r) allocatableCache.set(list, (r = resourcesFromList(list)));
  return { ...r, scalar: { ...r.scalar } };
}

/** buildSnapshot groups non-terminal bound pods by node; nodes come out sorted by name. */
export function buildSnapshot(nodes: readonly Node[], pods: readonly Pod[]): NodeInfo[] {
  const byNode = new Map<string, Pod[]>();
  for (const pod of pods) {
    const nodeName = pod.spec?.nodeName;
    if (!nodeName || isTerminal(pod)) continue;
    let list = byNode.get(nodeName);
    if (!list) byNode.set(nodeName, (list = []));
    list.push(pod);
  }
  return [...nodes]
    .sort((a, b) => byName(a.metadata?.name ?? '', b.metadata?.name ?? ''))
    .map((n) => newNodeInfo(n, byNode.get(n.metadata?.name ?? '') ?? []));
}

function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
