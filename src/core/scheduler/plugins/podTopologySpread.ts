/**
 * PodTopologySpread (pkg/scheduler/framework/plugins/podtopologyspread: common.go,
 * filtering.go, scoring.go).
 *
 * Filter: for each DoNotSchedule constraint, placing the pod in the node's domain must not
 * make (matching pods in that domain + 1) − (fewest in any domain) exceed maxSkew.
 * Score: ScheduleAnyway constraints (the pod's own, or the system defaults — maxSkew 3 per
 * hostname and 5 per zone over the pods its Services/ReplicaSets select) prefer domains
 * with fewer matching pods. This is why a Deployment's replicas spread over the workers.
 */
import type { Node, Pod, TopologySpreadConstraint } from 'kubernetes-types/core/v1';
import { matches, newRequirement, selectorFromLabelSelector, sortByKey, type Selector } from '../../api/labels.ts';
import { podMatchesNodeSelectorAndAffinity } from '../../api/nodeAffinity.ts';
import { findUntoleratedTaint } from '../../api/tolerations.ts';
import { countOnNode, selectorKey } from './spreadCounts.ts';
import { MAX_NODE_SCORE, SKIP, unresolvable, type SnapshotChanges, unschedulable, type FilterPlugin, type NodeInfo, type ScorePlugin, type SchedulingContext } from '../types.ts';

/** ERR_REASON_CONSTRAINTS_NOT_MATCH is the reason shown when the skew would be too big. */
export const ERR_REASON_CONSTRAINTS_NOT_MATCH = "node(s) didn't match pod topology spread constraints";
/** ERR_REASON_NODE_LABEL_NOT_MATCH is the reason shown for nodes without the topology label. */
export const ERR_REASON_NODE_LABEL_NOT_MATCH = `${ERR_REASON_CONSTRAINTS_NOT_MATCH} (missing required label)`;

export { countPodsMatchSelector } from './spreadCounts.ts';

const LABEL_HOSTNAME = 'kubernetes.io/hostname';
const LABEL_ZONE = 'topology.kubernetes.io/zone';

/** SpreadConstraint is the internal topologySpreadConstraint with its selector parsed. */
export interface SpreadConstraint {
  maxSkew: number;
  topologyKey: string;
  selector: Selector;
  minDomains: number;
  nodeAffinityPolicy: string;
  nodeTaintsPolicy: string;
}

/** SYSTEM_DEFAULT_CONSTRAINTS are the scheduler's built-in defaults (config.SystemDefaulting). */
export const SYSTEM_DEFAULT_CONSTRAINTS: ReadonlyArray<Pick<TopologySpreadConstraint, 'maxSkew' | 'topologyKey' | 'whenUnsatisfiable'>> = [
  { maxSkew: 3, topologyKey: LABEL_HOSTNAME, whenUnsatisfiable: 'ScheduleAnyway' },
  { maxSkew: 5, topologyKey: LABEL_ZONE, whenUnsatisfiable: 'ScheduleAnyway' },
];

/** filterConstraints keeps the constraints with the given action, merging matchLabelKeys into the selector. */
export function filterConstraints(constraints: readonly TopologySpreadConstraint[], podLabels: Record<string, string>, action: string): SpreadConstraint[] {
  const out: SpreadConstraint[] = [];
  for (const c of constraints) {
    if (c.whenUnsatisfiable !== action) continue;
    let selector = selectorFromLabelSelector(c.labelSelector);
    const keys = (c.matchLabelKeys ?? []).filter((k) => k in podLabels);
    if (keys.length > 0 && !selector.nothing) {
      selector = { requirements: sortByKey([...selector.requirements, ...keys.map((k) => newRequirement(k, 'in', [podLabels[k]]))]) };
    }
    out.push({
      maxSkew: c.maxSkew,
      topologyKey: c.topologyKey,
      selector,
      minDomains: c.minDomains ?? 1,
      nodeAffinityPolicy: c.nodeAffinityPolicy ?? 'Honor',
      nodeTaintsPolicy: c.nodeTaintsPolicy ?? 'Ignore',
    });
  }
  return out;
}

/** MAX_MEMO_ENTRIES bounds the cross-cycle memo (one entry per workload selector and topology key). */
const MAX_MEMO_ENTRIES = 256;

function nodeHasAllKeys(node: Node, constraints: readonly SpreadConstraint[]): boolean {
  const labels = node.metadata?.labels ?? {};
  return constraints.every((c) => c.topologyKey in labels);
}

function matchesInclusionPolicies(c: SpreadConstraint, pod: Pod, node: Node): boolean {
  if (c.nodeAffinityPolicy === 'Honor' && !podMatchesNodeSelectorAndAffinity(pod, node)) return false;
  if (c.nodeTaintsPolicy === 'Honor') {
    const t = findUntoleratedTaint(node.spec?.taints, pod.spec?.tolerations, (x) => x.effect === 'NoSchedule' || x.effect === 'NoExecute');
    if (t) return false;
  }
  return true;
}

interface FilterState {
  constraints: SpreadConstraint[];
  /** matchNum[i] maps a topology value to the matching pods in that domain. */
  matchNum: Array<Map<string, number>>;
}

const FILTER_KEY = 'PreFilterPodTopologySpread';

/** podTopologySpreadFilter is PodTopologySpread's filter half (DoNotSchedule constraints only). */
export const podTopologySpreadFilter: FilterPlugin = {
  name: 'PodTopologySpread',
  preFilter(ctx, pod) {
    const labels = (pod.metadata?.labels ?? {}) as Record<string, string>;
    const constraints = filterConstraints(pod.spec?.topologySpreadConstraints ?? [], labels, 'DoNotSchedule');
    const matchNum = constraints.map(() => new Map<string, number>());
    // Without DoNotSchedule constraints there is nothing to count (upstream returns early too).
    const ns = pod.metadata?.namespace ?? '';
    const keys = constraints.map((c) => selectorKey(c.selector, ns));
    for (const info of constraints.length > 0 ? ctx.allNodes : []) {
      if (!nodeHasAllKeys(info.node, constraints)) continue;
      constraints.forEach((c, i) => {
        if (!matchesInclusionPolicies(c, pod, info.node)) return;
        const value = info.labels[c.topologyKey];
        const count = countOnNode(info, c.selector, keys[i], ns);
        matchNum[i].set(value, (matchNum[i].get(value) ?? 0) + count);
      });
    }
    ctx.state.set(FILTER_KEY, { constraints, matchNum } satisfies FilterState);
    return constraints.length === 0 ? SKIP : undefined;
  },
  filter(ctx, pod, nodeInfo) {
    const s = ctx.state.get(FILTER_KEY) as FilterState | undefined;
    if (!s || s.constraints.length === 0) return undefined;
    const podLabels = (pod.metadata?.labels ?? {}) as Record<string, string>;
    for (let i = 0; i < s.constraints.length; i++) {
      const c = s.constraints[i];
      if (!(c.topologyKey in nodeInfo.labels)) return unresolvable(ERR_REASON_NODE_LABEL_NOT_MATCH);
      const counts = s.matchNum[i];
      // The global minimum counts as 0 while there are fewer domains than minDomains.
      let minMatch = counts.size === 0 ? Number.MAX_SAFE_INTEGER : Math.min(...counts.values());
      if (counts.size < c.minDomains) minMatch = 0;
      const selfMatch = matches(c.selector, podLabels) ? 1 : 0;
      const matchNum = counts.get(nodeInfo.labels[c.topologyKey]) ?? 0;
      if (matchNum + selfMatch - minMatch > c.maxSkew) return unschedulable(ERR_REASON_CONSTRAINTS_NOT_MATCH);
    }
    return undefined;
  },
};

interface ScoreState {
  constraints: SpreadConstraint[];
  ignoredNodes: Set<string>;
  /**
   * domainCounts[i] maps a value of constraint i's topology key to its matching pods, for the
   * domains of feasible nodes; undefined for hostname constraints (counted per node in Score).
   * Constraints with the same topology key share one map, as upstream's
   * TopologyPairToPodCounts is keyed by (key, value) only.
   */
  domainCounts: Array<Map<string, number> | undefined>;
  normalizingWeight: number[];
  /** selectorKeys[i] is constraint i's countMemo key. */
  selectorKeys: string[];
  namespace: string;
}

const SCORE_KEY = 'PreScorePodTopologySpread';

/**
 * defaultConstraints remembers the system-default constraints built for each default selector:
 * the scheduler hands every pod of a ReplicaSet the same Selector object (DefaultSelectorMemo),
 * and the defaults have no matchLabelKeys, so they do not depend on the pod. Callers only read them.
 */
const defaultConstraints = new WeakMap<Selector, SpreadConstraint[]>();

/** buildDefaultConstraints applies the system defaults with the pod's default selector. */
function buildDefaultConstraints(ctx: SchedulingContext): SpreadConstraint[] {
  const selector = ctx.defaultSpreadSelector;
  if (!selector || selector.requirements.length === 0) return [];
  let constraints = defaultConstraints.get(selector);
  if (!constraints) {
    constraints = filterConstraints(SYSTEM_DEFAULT_CONSTRAINTS as TopologySpreadConstraint[], {}, 'ScheduleAnyway').map((c) => ({ ...c, selector }));
    defaultConstraints.set(selector, constraints);
  }
  return constraints;
}

/** inclusionIsTrivial tells whether a constraint's node inclusion policies admit every node for this pod. */
function inclusionIsTrivial(c: SpreadConstraint, pod: Pod): boolean {
  if (c.nodeTaintsPolicy === 'Honor') return false;
  return c.nodeAffinityPolicy !== 'Honor' || (!pod.spec?.nodeSelector && !pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution);
}

/** DomainTotals is one constraint's matching-pod count per topology value, with what it was built from. */
interface DomainTotals {
  nodes: Array<NodeInfo | undefined>;
  values: Array<string | undefined>;
  counts: number[];
  totals: Map<string, number>;
  /** generation is the SnapshotChanges generation `nodes` was last synced with, if known. */
  generation?: number;
}

/**
 * domainTotals sums matching pods per topology value over all nodes, as PreScore's
 * processAllNode does, but across cycles: only snapshot positions whose NodeInfo changed
 * since the last call are recounted. Upstream spreads this loop over 16 goroutines; here
 * reusing the previous cycle's sums is what keeps 5,000-node clusters fast.
 */
function domainTotals(
  memo: Map<string, unknown>,
  allNodes: readonly NodeInfo[],
  c: SpreadConstraint,
  selKey: string,
  ns: string,
  requireAllOf: readonly SpreadConstraint[] | undefined,
  changes: SnapshotChanges | undefined,
): Map<string, number> {
  const key = `PodTopologySpread\u0000${c.topologyKey}\u0000${selKey}\u0000${requireAllOf ? requireAllOf.map((x) => x.topologyKey).join(',') : '*'}`;
  let d = memo.get(key) as DomainTotals | undefined;
  if (!d || d.nodes.length !== allNodes.length) {
    if (!d && memo.size >= MAX_MEMO_ENTRIES) memo.clear();
    d = { nodes: new Array<NodeInfo | undefined>(allNodes.length).fill(undefined), values: [], counts: [], totals: new Map(), generation: undefined };
    memo.set(key, d);
  }
  // Synced with the previous snapshot: only the positions it replaced can differ (a check of
  // every position would find the others unchanged). Otherwise look at every position.
  if (changes && d.generation === changes.generation) return d.totals;
  const positions = changes && changes.positions && d.generation === changes.generation - 1 ? changes.positions : undefined;
  d.generation = changes?.generation;
  const n = positions ? positions.length : allNodes.length;
  for (let j = 0; j < n; j++) {
    const i = positions ? positions[j] : j;
    const info = allNodes[i];
    if (d.nodes[i] === info) continue;
    const oldValue = d.values[i];
    if (d.nodes[i] !== undefined && oldValue !== undefined) d.totals.set(oldValue, (d.totals.get(oldValue) ?? 0) - d.counts[i]);
    const include = !requireAllOf || nodeHasAllKeys(info.node, requireAllOf);
    const value = include ? (info.labels[c.topologyKey] ?? '') : undefined;
    const count = include ? countOnNode(info, c.selector, selKey, ns) : 0;
    d.nodes[i] = info;
    d.values[i] = value;
    d.counts[i] = count;
    if (value !== undefined) d.totals.set(value, (d.totals.get(value) ?? 0) + count);
  }
  return d.totals;
}

/** addToDomain adds n to a domain that a feasible node has (others are not scored). */
function addToDomain(counts: Map<string, number>, value: string, n: number): void {
  const current = counts.get(value);
  if (current !== undefined) counts.set(value, current + n);
}

/** podTopologySpreadScore is PodTopologySpread's score half (weight 2 in the default profile). */
export const podTopologySpreadScore: ScorePlugin = {
  name: 'PodTopologySpread',
  weight: 2,
  preScore(ctx, pod, feasible) {
    if (feasible.length === 0 || ctx.allNodes.length === 0) return 'skip';
    const own = pod.spec?.topologySpreadConstraints ?? [];
    const labels = (pod.metadata?.labels ?? {}) as Record<string, string>;
    const constraints = own.length > 0 ? filterConstraints(own, labels, 'ScheduleAnyway') : buildDefaultConstraints(ctx);
    if (constraints.length === 0) return 'skip';
    // Only the system defaults tolerate nodes without every topology label (e.g. no zone).
    const requireAll = own.length > 0;
    const ns = pod.metadata?.namespace ?? '';
    const byKey = new Map<string, Map<string, number>>();
    const domainCounts = constraints.map((c) => {
      if (c.topologyKey === LABEL_HOSTNAME) return undefined;
      let counts = byKey.get(c.topologyKey);
      if (!counts) byKey.set(c.topologyKey, (counts = new Map()));
      return counts;
    });
    const s: ScoreState = { constraints, ignoredNodes: new Set(), domainCounts, normalizingWeight: [], selectorKeys: constraints.map((c) => selectorKey(c.selector, ns)), namespace: ns };
    // Plain loops over (node, constraint): this runs for every feasible node of every cycle.
    const topoSize = constraints.map(() => 0);
    for (const info of feasible) {
      if (requireAll && !nodeHasAllKeys(info.node, constraints)) {
        s.ignoredNodes.add(info.name);
        continue;
      }
      for (let i = 0; i < constraints.length; i++) {
        const counts = domainCounts[i];
        if (!counts) continue;
        const value = info.labels[constraints[i].topologyKey] ?? '';
        if (!counts.has(value)) {
          counts.set(value, 0);
          topoSize[i]++;
        }
      }
    }
    s.normalizingWeight = constraints.map((c, i) => Math.log((c.topologyKey === LABEL_HOSTNAME ? feasible.length - s.ignoredNodes.size : topoSize[i]) + 2));
    for (let i = 0; i < constraints.length; i++) {
      // Hostname counts are taken per node in Score; other pairs only when a feasible node has them.
      const counts = domainCounts[i];
      if (!counts) continue;
      const c = constraints[i];
      if (ctx.memo && inclusionIsTrivial(c, pod)) {
        for (const [value, n] of domainTotals(ctx.memo, ctx.allNodes, c, s.selectorKeys[i], ns, requireAll ? constraints : undefined, ctx.snapshotChanges)) addToDomain(counts, value, n);
        continue;
      }
      for (const info of ctx.allNodes) {
        if (requireAll && !nodeHasAllKeys(info.node, constraints)) continue;
        const value = info.labels[c.topologyKey] ?? '';
        if (!counts.has(value) || !matchesInclusionPolicies(c, pod, info.node)) continue;
        addToDomain(counts, value, countOnNode(info, c.selector, s.selectorKeys[i], ns));
      }
    }
    ctx.state.set(SCORE_KEY, s);
    return undefined;
  },
  score(ctx, _pod, nodeInfo) {
    const s = ctx.state.get(SCORE_KEY) as ScoreState | undefined;
    if (!s || (s.ignoredNodes.size > 0 && s.ignoredNodes.has(nodeInfo.name))) return 0;
    let score = 0;
    for (let i = 0; i < s.constraints.length; i++) {
      const c = s.constraints[i];
      if (!(c.topologyKey in nodeInfo.labels)) continue;
      const counts = s.domainCounts[i];
      const cnt = counts === undefined ? countOnNode(nodeInfo, c.selector, s.selectorKeys[i], s.namespace) : (counts.get(nodeInfo.labels[c.topologyKey]) ?? 0);
      score += cnt * s.normalizingWeight[i] + (c.maxSkew - 1);
    }
    return Math.round(score);
  },
  normalizeScore(ctx, _pod, scores) {
    const s = ctx.state.get(SCORE_KEY) as ScoreState | undefined;
    if (!s) return;
    let min = Number.MAX_SAFE_INTEGER;
    let max = 0;
    for (const sc of scores) {
      if (s.ignoredNodes.has(sc.name)) continue;
      min = Math.min(min, sc.score);
      max = Math.max(max, sc.score);
    }
    for (const sc of scores) {
      if (s.ignoredNodes.has(sc.name)) sc.score = 0;
      else if (max === 0) sc.score = MAX_NODE_SCORE;
      else sc.score = Math.trunc((MAX_NODE_SCORE * (max + min - sc.score)) / max);
    }
  },
};
