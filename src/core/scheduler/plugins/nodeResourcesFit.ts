/**
 * NodeResourcesFit (pkg/scheduler/framework/plugins/noderesources/fit.go, least_allocated.go).
 *
 * Filter: the pod's requests (containers, init containers, overhead) must fit in the node's
 * allocatable minus what the pods already bound there request, and the node must have room
 * for one more pod. Score (LeastAllocated strategy, cpu and memory with weight 1): the share
 * of each resource left free after placing the pod, averaged; emptier nodes score higher.
 */
import type { Pod } from '../../api/types.ts';
import { requestsOf, type Resources } from '../resources.ts';
import { MAX_NODE_SCORE, unschedulable, type FilterPlugin, type NodeInfo, type ScorePlugin } from '../types.ts';

/** InsufficientResource is one reason a pod doesn't fit (noderesources.InsufficientResource). */
export interface InsufficientResource {
  resourceName: string;
  reason: string;
  requested: number;
  used: number;
  capacity: number;
}

/** NONE is fitsRequest's shared answer for a node with room (frozen: callers only read it). */
const NONE: InsufficientResource[] = Object.freeze([]) as unknown as InsufficientResource[];

/**
 * fitsWithRoom is the allocation-free common case of fitsRequest: true when the node has
 * room for one more pod and every requested quantity. Filtering runs it for hundreds of
 * nodes per cycle, most of which fit; only the others build the list of reasons.
 */
function fitsWithRoom(request: Resources, nodeInfo: NodeInfo): boolean {
  if (nodeInfo.pods.length + 1 > nodeInfo.allowedPodNumber) return false;
  const alloc = nodeInfo.allocatable;
  const used = nodeInfo.requested;
  if (request.milliCPU > 0 && request.milliCPU > alloc.milliCPU - used.milliCPU) return false;
  if (request.memory > 0 && request.memory > alloc.memory - used.memory) return false;
  if (request.ephemeralStorage > 0 && request.ephemeralStorage > alloc.ephemeralStorage - used.ephemeralStorage) return false;
  for (const name in request.scalar) {
    if (request.scalar[name] > 0 && request.scalar[name] > (alloc.scalar[name] ?? 0) - (used.scalar[name] ?? 0)) return false;
  }
  return true;
}

/** fitsRequest is noderesources.fitsRequest: the list of resources the node is short of, in upstream order. */
export function fitsRequest(request: Resources, nodeInfo: NodeInfo): InsufficientResource[] {
  if (fitsWithRoom(request, nodeInfo)) return NONE;
  const out: InsufficientResource[] = [];
  if (nodeInfo.pods.length + 1 > nodeInfo.allowedPodNumber) {
    out.push({ resourceName: 'pods', reason: 'Too many pods', requested: 1, used: nodeInfo.pods.length, capacity: nodeInfo.allowedPodNumber });
  }
  const scalarNames = Object.keys(request.scalar).filter((k) => request.scalar[k] > 0);
  if (request.milliCPU === 0 && request.memory === 0 && request.ephemeralStorage === 0 && scalarNames.length === 0) return out;
  const alloc = nodeInfo.allocatable;
  const used = nodeInfo.requested;
  if (request.milliCPU > 0 && request.milliCPU > alloc.milliCPU - used.milliCPU) {
    out.push({ resourceName: 'cpu', reason: 'Insufficient cpu', requested: request.milliCPU, used: used.milliCPU, capacity: alloc.milliCPU });
  }
  if (request.memory > 0 && request.memory > alloc.memory - used.memory) {
    out.push({ resourceName: 'memory', reason: 'Insufficient memory', requested: request.memory, used: used.memory, capacity: alloc.memory });
  }
  if (request.ephemeralStorage > 0 && request.ephemeralStorage > alloc.ephemeralStorage - used.ephemeralStorage) {
    out.push({
      resourceName: 'ephemeral-storage',
      reason: 'Insufficient ephemeral-storage',
      requested: request.ephemeralStorage,
      used: used.ephemeralStorage,
      capacity: alloc.ephemeralStorage,
    });
  }
  for (const name of scalarNames.sort()) {
    const have = alloc.scalar[name] ?? 0;
    const taken = used.scalar[name] ?? 0;
    if (request.scalar[name] > have - taken) {
      out.push({ resourceName: name, reason: `Insufficient ${name}`, requested: request.scalar[name], used: taken, capacity: have });
    }
  }
  return out;
}

const PRE_FILTER_KEY = 'PreFilterNodeResourcesFit';

/** nodeResourcesFitFilter is NodeResourcesFit's filter half. */
export const nodeResourcesFitFilter: FilterPlugin = {
  name: 'NodeResourcesFit',
  preFilter(ctx, pod) {
    ctx.state.set(PRE_FILTER_KEY, requestsOf(pod));
    return undefined;
  },
  filter(ctx, pod, nodeInfo) {
    const request = (ctx.state.get(PRE_FILTER_KEY) as Resources | undefined) ?? requestsOf(pod);
    const insufficient = fitsRequest(request, nodeInfo);
    if (insufficient.length === 0) return undefined;
    return unschedulable(...insufficient.map((r) => r.reason));
  },
};

/** leastRequestedScore is leastRequestedScore(requested, capacity): free share × 100, 0 when overcommitted. */
export function leastRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.trunc(((capacity - requested) * MAX_NODE_SCORE) / capacity);
}

/** leastAllocatedScore scores one node for one pod (cpu and memory, weight 1 each). */
export function leastAllocatedScore(pod: Pod, nodeInfo: NodeInfo): number {
  // Scoring uses non-zero requests so best-effort pods still count as 100m/200Mi.
  // Two resources spelled out rather than a list of pairs: this runs per feasible node per cycle.
  const request = requestsOf(pod, true);
  const cpuCapacity = nodeInfo.allocatable.milliCPU;
  const memoryCapacity = nodeInfo.allocatable.memory;
  let total = 0;
  let weights = 0;
  if (cpuCapacity !== 0) {
    total += leastRequestedScore(nodeInfo.nonZeroRequested.milliCPU + request.milliCPU, cpuCapacity);
    weights += 1;
  }
  if (memoryCapacity !== 0) {
    total += leastRequestedScore(nodeInfo.nonZeroRequested.memory + request.memory, memoryCapacity);
    weights += 1;
  }
  return weights === 0 ? 0 : Math.trunc(total / weights);
}

/** nodeResourcesFitScore is NodeResourcesFit's score half (weight 1 in the default profile). */
export const nodeResourcesFitScore: ScorePlugin = {
  name: 'NodeResourcesFit',
  weight: 1,
  score(_ctx, pod, nodeInfo) {
    return leastAllocatedScore(pod, nodeInfo);
  },
};
