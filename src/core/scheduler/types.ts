/**
 * The scheduling framework's vocabulary (pkg/scheduler/framework/interface.go, types.go):
 * statuses with codes and reasons, the per-node snapshot plugins look at, and the
 * filter/score plugin shapes. Plugins are plain objects of pure functions over a
 * NodeInfo snapshot, so each can be tested on its own.
 */
import type { Selector } from '../api/labels.ts';
import type { Node, Pod } from '../api/types.ts';
import type { Taint } from 'kubernetes-types/core/v1';
import type { Resources } from './resources.ts';

/** MAX_NODE_SCORE is framework.MaxNodeScore: every normalised score is in [0, 100]. */
export const MAX_NODE_SCORE = 100;

/** Code is framework.Code, the outcome of one plugin call. */
export type Code = 'Success' | 'Unschedulable' | 'UnschedulableAndUnresolvable' | 'Skip' | 'Error';

/** Status is framework.Status: a code and the reasons shown to people. */
export interface Status {
  code: Code;
  reasons: string[];
  plugin?: string;
}

/** unschedulable builds an Unschedulable status (preemption may help). */
export function unschedulable(...reasons: string[]): Status {
  return { code: 'Unschedulable', reasons };
}

/** unresolvable builds an UnschedulableAndUnresolvable status (preemption cannot help). */
export function unresolvable(...reasons: string[]): Status {
  return { code: 'UnschedulableAndUnresolvable', reasons };
}

/**
 * SKIP is the PreFilter status that says the plugin's Filter would pass every node in this
 * cycle (nothing in the pod for it to check), so the framework does not call it: upstream's
 * SkipFilterPlugins. Node decision records still list the plugin as passed.
 */
export const SKIP: Status = Object.freeze({ code: 'Skip', reasons: Object.freeze([]) as unknown as string[] });

/** HostPort is one used (ip, protocol, port) triple on a node. */
export interface HostPort {
  ip: string;
  protocol: string;
  port: number;
}

/** NodeInfo is framework.NodeInfo: a node and what the scheduler knows runs on it. */
export interface NodeInfo {
  node: Node;
  name: string;
  labels: Readonly<Record<string, string>>;
  /**
   * unschedulable and taints are node.spec's, copied when the NodeInfo is built: the first
   * filters read them for hundreds of nodes per cycle, and following node → spec for each
   * was a measurable share of the filter pass (memory reads across the heap).
   */
  unschedulable: boolean;
  taints: readonly Taint[];
  /** pods bound to the node that are not terminal (Succeeded/Failed). */
  pods: Pod[];
  requested: Resources;
  /** nonZeroRequested counts containers without cpu/memory requests as 100m/200Mi. */
  nonZeroRequested: Resources;
  allocatable: Resources;
  allowedPodNumber: number;
  usedPorts: HostPort[];
  /**
   * podsWithRequiredAntiAffinity is NodeInfo.PodsWithRequiredAntiAffinity: the node's pods
   * with required pod anti-affinity terms, which InterPodAffinity checks every incoming pod
   * against (most nodes have none, and then the plugin skips them).
   */
  podsWithRequiredAntiAffinity: Pod[];
  /**
   * spreadCounts is PodTopologySpread's memo of matching pods on this node per (namespace,
   * selector) key. It lives on the NodeInfo rather than in a WeakMap because spreading reads
   * it for every feasible node of every cycle; it stays valid because a NodeInfo is replaced
   * whenever its pods' labels, namespaces or deletion change (see SnapshotCache), and the
   * replacement carries the counts adjusted by the pods that changed (plugins/spreadCounts.ts).
   */
  spreadCounts?: Map<string, number>;
}

/** CycleState is framework.CycleState: data one plugin computes in PreFilter/PreScore and reads later. */
export type CycleState = Map<string, unknown>;

/** SchedulingContext is what every plugin call sees besides the pod and the node. */
export interface SchedulingContext {
  state: CycleState;
  /** allNodes is the whole snapshot (spreading and affinity count pods on every node). */
  allNodes: readonly NodeInfo[];
  /** defaultSpreadSelector is helper.DefaultSelector: the selectors of Services/ReplicaSets/... selecting the pod. */
  defaultSpreadSelector?: Selector;
  /**
   * memo lives as long as the scheduler: plugins may keep derived sums there between cycles,
   * keyed by what they were computed from (NodeInfos are replaced, never changed, when pods move).
   */
  memo?: Map<string, unknown>;
  /**
   * havePodsWithRequiredAntiAffinity is the snapshot's HavePodsWithRequiredAntiAffinityList:
   * the nodes (a subset of allNodes) with pods that have required anti-affinity terms. When
   * unset (plugin tests, preemption's dry runs) plugins scan allNodes instead.
   */
  havePodsWithRequiredAntiAffinity?: readonly NodeInfo[];
  /** snapshotChanges tells cross-cycle memos which allNodes positions changed since the last snapshot. */
  snapshotChanges?: SnapshotChanges;
  /** skippedFilters[i] is set when filter plugin i returned SKIP from PreFilter in this cycle. */
  skippedFilters?: boolean[];
}

/**
 * SnapshotChanges identifies a snapshot list's state: `generation` grows with each snapshot
 * that changed anything; `positions` are the positions whose NodeInfo that snapshot replaced
 * (undefined when the list was rebuilt, so any position may differ). A memo synced at
 * generation g − 1 need only look at `positions` to catch up with generation g.
 */
export interface SnapshotChanges {
  readonly generation: number;
  readonly positions: readonly number[] | undefined;
}

/** FilterPlugin decides whether a pod may run on a node. */
export interface FilterPlugin {
  readonly name: string;
  /**
   * preFilter computes per-cycle state; SKIP means filter would pass every node (it is then
   * not called); another non-success status rejects the pod on every node.
   */
  preFilter?(ctx: SchedulingContext, pod: Pod): Status | undefined;
  /** filter returns undefined when the node passes. */
  filter(ctx: SchedulingContext, pod: Pod, nodeInfo: NodeInfo): Status | undefined;
}

/** NodeScore is one node's score from one plugin. */
export interface NodeScore {
  name: string;
  score: number;
}

/** ScorePlugin ranks feasible nodes; higher is better. */
export interface ScorePlugin {
  readonly name: string;
  readonly weight: number;
  /** preScore returns 'skip' when the plugin has nothing to say about this pod. */
  preScore?(ctx: SchedulingContext, pod: Pod, feasible: NodeInfo[]): 'skip' | undefined;
  score(ctx: SchedulingContext, pod: Pod, nodeInfo: NodeInfo): number;
  /** normalizeScore rewrites raw scores into [0, MAX_NODE_SCORE] in place. */
  normalizeScore?(ctx: SchedulingContext, pod: Pod, scores: NodeScore[]): void;
}

/**
 * defaultNormalizeScore is helper.DefaultNormalizeScore: scale to [0, max] by the largest
 * score; `reverse` makes fewer better (used for counts of untolerated taints).
 */
export function defaultNormalizeScore(maxPriority: number, reverse: boolean, scores: NodeScore[]): void {
  let maxCount = 0;
  for (const s of scores) maxCount = Math.max(maxCount, s.score);
  if (maxCount === 0) {
    if (reverse) for (const s of scores) s.score = maxPriority;
    return;
  }
  for (const s of scores) {
    let score = Math.trunc((maxPriority * s.score) / maxCount);
    if (reverse) score = maxPriority - score;
    s.score = score;
  }
}
