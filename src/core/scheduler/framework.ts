/**
 * The scheduling framework's one cycle (pkg/scheduler/schedule_one.go: schedulePod,
 * findNodesThatFitPod, prioritizeNodes, selectHost) over the default profile's plugins
 * (pkg/scheduler/apis/config/v1/default_plugins.go), in upstream order and with upstream
 * weights. It is pure: a snapshot in, a decision out; binding and events live in scheduler.ts.
 */
import type { Pod } from '../api/types.ts';
import type { Selector } from '../api/labels.ts';
import type { SchedulingDecision } from './decision.ts';
import { ERR_NO_NODES_AVAILABLE, fitErrorMessage, statusMessage } from './fitError.ts';
import { interPodAffinity } from './plugins/interPodAffinity.ts';
import { nodeAffinityFilter, nodeAffinityScore } from './plugins/nodeAffinity.ts';
import { nodeName } from './plugins/nodeName.ts';
import { nodePorts } from './plugins/nodePorts.ts';
import { nodeResourcesBalancedAllocation } from './plugins/nodeResourcesBalancedAllocation.ts';
import { nodeResourcesFitFilter, nodeResourcesFitScore } from './plugins/nodeResourcesFit.ts';
import { nodeUnschedulable } from './plugins/nodeUnschedulable.ts';
import { podTopologySpreadFilter, podTopologySpreadScore } from './plugins/podTopologySpread.ts';
import { taintTolerationFilter, taintTolerationScore } from './plugins/taintToleration.ts';
import { postFilterPreemption, type PreemptionCandidate } from './preemption.ts';
import { filterNames, firstRejection, newContext, runPreFilters, type Profile } from './filters.ts';
import { attachDetail, DecisionDetail } from './decisionDetail.ts';
import type { NodeInfo, NodeScore, SchedulingContext, SnapshotChanges, Status } from './types.ts';

export type { Profile };

/** DEFAULT_PROFILE is default-scheduler's plugin set (volume plugins are not simulated). */
export const DEFAULT_PROFILE: Profile = {
  filters: [nodeUnschedulable, nodeName, taintTolerationFilter, nodeAffinityFilter, nodePorts, nodeResourcesFitFilter, podTopologySpreadFilter, interPodAffinity],
  scores: [taintTolerationScore, nodeAffinityScore, nodeResourcesFitScore, podTopologySpreadScore, nodeResourcesBalancedAllocation],
};

/** CycleInput is what one scheduling cycle needs besides the profile. */
export interface CycleInput {
  pod: Pod;
  snapshot: readonly NodeInfo[];
  defaultSpreadSelector?: Selector;
  /** pick chooses among tied nodes: returns an integer in [0, n) (the cluster's seeded random). */
  pick: (n: number) => number;
  time: number;
  attempts: number;
  /** startIndex is where the filter pass starts in the snapshot (upstream's nextStartNodeIndex). */
  startIndex?: number;
  /** memo is the scheduler's cross-cycle plugin memo (see SchedulingContext.memo). */
  memo?: Map<string, unknown>;
  /** havePodsWithRequiredAntiAffinity is the snapshot's list of nodes with such pods (see SchedulingContext). */
  havePodsWithRequiredAntiAffinity?: readonly NodeInfo[];
  /** snapshotChanges is what the last snapshot changed (see SchedulingContext). */
  snapshotChanges?: SnapshotChanges;
}

/** MIN_FEASIBLE_NODES_TO_FIND and MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND are schedule_one.go's floors. */
export const MIN_FEASIBLE_NODES_TO_FIND = 100;
export const MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5;

/**
 * numFeasibleNodesToFind is schedule_one.go's numFeasibleNodesToFind with the default
 * percentageOfNodesToScore (0 = adaptive): every node below 100 nodes, otherwise
 * 50% − nodes/125 (at least 5%) of them, but never fewer than 100. Filtering stops once
 * that many feasible nodes are found, which is what keeps big clusters fast.
 */
export function numFeasibleNodesToFind(numAllNodes: number): number {
  if (numAllNodes < MIN_FEASIBLE_NODES_TO_FIND) return numAllNodes;
  const percentage = Math.max(MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND, 50 - Math.trunc(numAllNodes / 125));
  const numNodes = Math.trunc((numAllNodes * percentage) / 100);
  return Math.max(numNodes, MIN_FEASIBLE_NODES_TO_FIND);
}

/** CycleResult is the outcome: a node to bind to, or the failure with its message. */
export interface CycleResult {
  nodeName?: string;
  /** rejectors are the plugins that rejected the pod: the queue retries it on events they care about. */
  rejectors: string[];
  decision: SchedulingDecision;
  /** preemption is set when evicting lower-priority pods lets the pod fit (DefaultPreemption). */
  preemption?: PreemptionCandidate;
  /** nextStartIndex is where the next cycle's filter pass starts (past the nodes this one looked at). */
  nextStartIndex: number;
}

/** scheduleOne runs one scheduling cycle for a pod. */
export function scheduleOne(profile: Profile, input: CycleInput): CycleResult {
  const { pod, snapshot } = input;
  const decision: SchedulingDecision = {
    namespace: pod.metadata?.namespace ?? '',
    name: pod.metadata?.name ?? '',
    uid: pod.metadata?.uid ?? '',
    time: input.time,
    attempts: input.attempts,
    result: 'Unschedulable',
    message: '',
    skippedScorePlugins: sharedPluginList([]),
  } as Omit<SchedulingDecision, 'nodes'> as SchedulingDecision;
  const start = input.startIndex ?? 0;
  const numAllNodes = snapshot.length;
  const numNodesToFind = numFeasibleNodesToFind(numAllNodes);
  const detail = new DecisionDetail(filterNames(profile), numNodesToFind);
  attachDetail(decision, detail);
  if (snapshot.length === 0) {
    decision.message = ERR_NO_NODES_AVAILABLE;
    return { rejectors: [], decision, nextStartIndex: start };
  }
  const ctx = newContext(snapshot, input.defaultSpreadSelector, input.memo);
  ctx.havePodsWithRequiredAntiAffinity = input.havePodsWithRequiredAntiAffinity;
  ctx.snapshotChanges = input.snapshotChanges;
  const pre = runPreFilters(profile, ctx, pod);
  if (pre) {
    decision.preFilter = { plugin: pre.plugin ?? '', code: pre.code, reasons: pre.reasons };
    // Upstream still runs PostFilter: every node carries the PreFilter status, so preemption
    // finds an UnschedulableAndUnresolvable rejection "not helpful" on each of them.
    const post = pre.code === 'UnschedulableAndUnresolvable' ? postFilterPreemption(profile, pod, snapshot, new Map(), input.defaultSpreadSelector) : undefined;
    decision.message = fitErrorMessage({ numAllNodes: snapshot.length, nodeStatuses: [], preFilterMsg: statusMessage(pre), postFilterMsg: post?.message });
    return { rejectors: [pre.plugin ?? ''], decision, nextStartIndex: start };
  }
  // findNodesThatPassFilters: start where the last cycle stopped, stop after enough feasible nodes.
  const feasible: NodeInfo[] = [];
  // Made on the first rejection: on most cycles every node passes.
  let statuses: Map<string, Status> | undefined;
  let processed = 0;
  for (; processed < numAllNodes && feasible.length < numNodesToFind; processed++) {
    const info = snapshot[(start + processed) % numAllNodes];
    const rejection = firstRejection(profile, ctx, pod, info);
    detail.filtered(info.name, rejection);
    if (rejection) (statuses ??= new Map()).set(info.name, rejection.status);
    else feasible.push(info);
  }
  const nextStartIndex = (start + processed) % numAllNodes;
  if (feasible.length === 0) {
    // Nothing passed, so every node looked at was rejected (statuses is set; the ?? is for the compiler).
    statuses ??= new Map();
    const post = postFilterPreemption(profile, pod, snapshot, statuses, input.defaultSpreadSelector);
    decision.message = fitErrorMessage({ numAllNodes, nodeStatuses: statuses.values(), postFilterMsg: post.message });
    return { rejectors: [...new Set([...statuses.values()].map((s) => s.plugin ?? ''))], decision, preemption: post.candidate, nextStartIndex };
  }
  decision.result = 'Scheduled';
  // With one feasible node upstream skips scoring altogether.
  if (feasible.length === 1) {
    decision.nodeName = feasible[0].name;
    return { nodeName: feasible[0].name, rejectors: [], decision, nextStartIndex };
  }
  const totals = prioritizeNodes(profile, ctx, pod, feasible, decision, detail);
  decision.nodeName = feasible[selectHost(totals, feasible.length, input.pick)].name;
  return { nodeName: decision.nodeName, rejectors: [], decision, nextStartIndex };
}

/**
 * scratch holds one cycle's scores while they are computed: the feasible nodes' weighted
 * totals, then each scoring plugin's raw and normalised scores. The decision keeps a compact
 * copy (DecisionDetail.keepScores). Reused across cycles: per-plugin arrays and a NodeScore
 * object per node per cycle were ~8% of the bytes a 3,000-pod run allocates.
 */
let scratch = new Float64Array(0);

/**
 * scoreList is the NodeScore list handed to normalizeScore, reused across cycles (plugins only
 * read and rewrite it during the call); its names are set for each cycle's feasible nodes.
 */
let scoreList: NodeScore[] = [];

function nodeScoresFor(feasible: readonly NodeInfo[]): NodeScore[] {
  if (scoreList.length !== feasible.length) scoreList = feasible.map(() => ({ name: '', score: 0 }));
  for (let i = 0; i < feasible.length; i++) scoreList[i].name = feasible[i].name;
  return scoreList;
}

/**
 * prioritizeNodes runs PreScore, Score, NormalizeScore and weights; returns the weighted totals
 * in node order (the first feasible.length numbers of the returned array).
 */
export function prioritizeNodes(profile: Profile, ctx: SchedulingContext, pod: Pod, feasible: NodeInfo[], decision: SchedulingDecision, detail: DecisionDetail): ArrayLike<number> {
  const n = feasible.length;
  const size = (2 * profile.scores.length + 1) * n;
  if (scratch.length < size) scratch = new Float64Array(size);
  const buf = scratch;
  buf.fill(0, 0, n);
  // One NodeScore list serves every plugin in turn (normalizeScore rewrites it in place).
  const scores = nodeScoresFor(feasible);
  const skipped: string[] = [];
  let used = 0;
  for (const p of profile.scores) {
    if (p.preScore?.(ctx, pod, feasible) === 'skip') {
      skipped.push(p.name);
      continue;
    }
    const rawAt = n + 2 * used * n;
    const normalizedAt = rawAt + n;
    for (let i = 0; i < n; i++) {
      const raw = p.score(ctx, pod, feasible[i]);
      buf[rawAt + i] = raw;
      scores[i].score = raw;
    }
    p.normalizeScore?.(ctx, pod, scores);
    for (let i = 0; i < n; i++) {
      const normalized = scores[i].score;
      buf[normalizedAt + i] = normalized;
      buf[i] += normalized * p.weight;
    }
    detail.scored(p.name, p.weight, rawAt, normalizedAt);
    used++;
  }
  const kept = detail.keepScores(buf, n + 2 * used * n);
  decision.skippedScorePlugins = sharedPluginList([...decision.skippedScorePlugins, ...skipped]);
  return kept;
}

/** pluginLists holds one frozen list per combination of plugin names (a profile has few). */
const pluginLists = new Map<string, string[]>();

/**
 * sharedPluginList returns a shared frozen list equal to `names`: every decision record keeps
 * its skipped score plugins, nearly always the same one or two, and an array per pod adds up.
 */
function sharedPluginList(names: string[]): string[] {
  const key = names.join('\u0000');
  let list = pluginLists.get(key);
  if (!list) pluginLists.set(key, (list = Object.freeze([...names]) as string[]));
  return list;
}

/** selectHost is selectHost: the highest of the first `count` totals wins (its index); ties are broken by reservoir sampling. */
export function selectHost(totals: ArrayLike<number>, count: number, pick: (n: number) => number): number {
  let selected = 0;
  let ties = 1;
  for (let i = 1; i < count; i++) {
    if (totals[i] > totals[selected]) {
      selected = i;
      ties = 1;
    } else if (totals[i] === totals[selected]) {
      ties++;
      if (pick(ties) === 0) selected = i;
    }
  }
  return selected;
}
