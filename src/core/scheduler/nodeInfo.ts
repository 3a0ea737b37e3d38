/**
 * The scheduler's snapshot of the cluster: one NodeInfo per node with the pods bound to it.
 *
 * Models pkg/scheduler/backend/cache (Snapshot, NodeInfo.AddPod): terminal pods
 * (Succeeded/Failed) free their resources, terminating pods still hold them until gone.
 */
import type { Node, Pod } from '../api/types.ts';
import { addResources, emptyResources, requestsOf, resourcesFromList } from './resources.ts';
import type { Resources } from './resources.ts';
import type { HostPort, NodeInfo } from './types.ts';

/** allocatableCache memoises parsed allocatable lists by object (stored objects never change in place). */
const allocatableCache = new WeakMap<object, Resources>();

/** isTerminal reports a pod whose resources the scheduler no longer counts. */
export function isTerminal(pod: Pod): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

/** podHostPorts lists the host ports a pod's containers (and sidecars) claim. */
export function podHostPorts(pod: Pod): HostPort[] {
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

/** newNodeInfo builds a NodeInfo from a node and the pods bound to it. */
export function newNodeInfo(node: Node, pods: Pod[]): NodeInfo {
  const allocatableList = (node.status?.allocatable ?? node.status?.capacity ?? {}) as Record<string, unknown>;
  const info: NodeInfo = {
    node,
    name: node.metadata?.name ?? '',
    labels: (node.metadata?.labels ?? {}) as Record<string, string>,
    pods: [],
    requested: emptyResources(),
    nonZeroRequested: emptyResources(),
    allocatable: allocatableOf(allocatableList),
    allowedPodNumber: Number.parseInt(String(allocatableList.pods ?? '0'), 10) || 0,
    usedPorts: [],
    podsWithRequiredAntiAffinity: [],
  };
  for (const pod of pods) addPod(info, pod);
  return info;
}

/** addPod is NodeInfo.AddPod: the pod's requests and host ports now count on the node. */
export function addPod(info: NodeInfo, pod: Pod): void {
  info.pods.push(pod);
  info.requested = addResources(info.requested, requestsOf(pod));
  info.nonZeroRequested = addResources(info.nonZeroRequested, requestsOf(pod, true));
  info.usedPorts.push(...podHostPorts(pod));
  if ((pod.spec?.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []).length > 0) info.podsWithRequiredAntiAffinity.push(pod);
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
