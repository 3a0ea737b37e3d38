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
  const detail = new DecisionDetail(filterNames(profile));
  attachDetail(decision, detail);
  const start = input.startIndex ?? 0;
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
  const numAllNodes = snapshot.length;
  const numNodesToFind = numFeasibleNodesToFind(numAllNodes);
  const feasible: NodeInfo[] = [];
  const statuses = new Map<string, Status>();
  let processed = 0;
  for (; processed < numAllNodes && feasible.length < numNodesToFind; processed++) {
    const info = snapshot[(start + processed) % numAllNodes];
    const rejection = firstRejection(profile, ctx, pod, info);
    detail.filtered(info.name, rejection);
    if (rejection) statuses.set(info.name, rejection.status);
    else feasible.push(info);
  }
  const nextStartIndex = (start + processed) % numAllNodes;
  if (feasible.length === 0) {
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
  decision.nodeName = selectHost(totals, input.pick);
  return { nodeName: decision.nodeName, rejectors: [], decision, nextStartIndex };
}

/** prioritizeNodes runs PreScore, Score, NormalizeScore and weights; returns totals in node order. */
export function prioritizeNodes(profile: Profile, ctx: SchedulingContext, pod: Pod, feasible: NodeInfo[], decision: SchedulingDecision, detail: DecisionDetail): NodeScore[] {
  const totals = feasible.map((n) => ({ name: n.name, score: 0 }));
  // One NodeScore list serves every plugin in turn (normalizeScore rewrites it in place);
  // the decision keeps only the numbers, so nothing holds on to it after the plugin.
  const scores = feasible.map((n) => ({ name: n.name, score: 0 }));
  const skipped: string[] = [];
  for (const p of profile.scores) {
    if (p.preScore?.(ctx, pod, feasible) === 'skip') {
      skipped.push(p.name);
      continue;
    }
    const raw = new Array<number>(feasible.length);
    for (let i = 0; i < feasible.length; i++) {
      raw[i] = p.score(ctx, pod, feasible[i]);
      scores[i].score = raw[i];
    }
    p.normalizeScore?.(ctx, pod, scores);
    const normalized = new Array<number>(scores.length);
    for (let i = 0; i < scores.length; i++) {
      normalized[i] = scores[i].score;
      totals[i].score += scores[i].score * p.weight;
    }
    detail.scored(p.name, p.weight, raw, normalized);
  }
  detail.totaled(totals.map((t) => t.score));
  decision.skippedScorePlugins = sharedPluginList([...decision.skippedScorePlugins, ...skipped]);
  return totals;
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

/** selectHost is selectHost: the highest total wins; ties are broken by reservoir sampling. */
export function selectHost(totals: NodeScore[], pick: (n: number) => number): string {
  let selected = 0;
  let ties = 1;
  for (let i = 1; i < totals.length; i++) {
    if (totals[i].score > totals[selected].score) {
      selected = i;
      ties = 1;
    } else if (totals[i].score === totals[selected].score) {
      ties++;
      if (pick(ties) === 0) selected = i;
    }
  }
  return totals[selected].name;
}
