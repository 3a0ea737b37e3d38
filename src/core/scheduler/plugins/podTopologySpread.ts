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
import { podMatchesNodeSelectorAndAffinity } from '../nodeSelector.ts';
import { findUntoleratedTaint } from '../tolerations.ts';
import { MAX_NODE_SCORE, unresolvable, unschedulable, type FilterPlugin, type ScorePlugin, type SchedulingContext } from '../types.ts';

/** ERR_REASON_CONSTRAINTS_NOT_MATCH is the reason shown when the skew would be too big. */
export const ERR_REASON_CONSTRAINTS_NOT_MATCH = "node(s) didn't match pod topology spread constraints";
/** ERR_REASON_NODE_LABEL_NOT_MATCH is the reason shown for nodes without the topology label. */
export const ERR_REASON_NODE_LABEL_NOT_MATCH = `${ERR_REASON_CONSTRAINTS_NOT_MATCH} (missing required label)`;

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

/** countPodsMatchSelector counts pods in the namespace matching the selector, ignoring terminating ones. */
export function countPodsMatchSelector(pods: readonly Pod[], selector: Selector, namespace: string): number {
  let n = 0;
  for (const p of pods) {
    if (p.metadata?.deletionTimestamp || p.metadata?.namespace !== namespace) continue;
    if (matches(selector, p.metadata?.labels as Record<string, string> | undefined)) n++;
  }
  return n;
}

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
    for (const info of ctx.allNodes) {
      if (!nodeHasAllKeys(info.node, constraints)) continue;
      constraints.forEach((c, i) => {
        if (!matchesInclusionPolicies(c, pod, info.node)) return;
        const value = info.labels[c.topologyKey];
        const count = countPodsMatchSelector(info.pods, c.selector, pod.metadata?.namespace ?? '');
        matchNum[i].set(value, (matchNum[i].get(value) ?? 0) + count);
      });
    }
    ctx.state.set(FILTER_KEY, { constraints, matchNum } satisfies FilterState);
    return undefined;
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
  pairCounts: Map<string, number>;
  normalizingWeight: number[];
}

const SCORE_KEY = 'PreScorePodTopologySpread';
const pairKey = (key: string, value: string) => `${key}\u0000${value}`;

/** buildDefaultConstraints applies the system defaults with the pod's default selector. */
function buildDefaultConstraints(ctx: SchedulingContext, pod: Pod): SpreadConstraint[] {
  const selector = ctx.defaultSpreadSelector;
  if (!selector || selector.requirements.length === 0) return [];
  const labels = (pod.metadata?.labels ?? {}) as Record<string, string>;
  return filterConstraints(SYSTEM_DEFAULT_CONSTRAINTS as TopologySpreadConstraint[], labels, 'ScheduleAnyway').map((c) => ({ ...c, selector }));
}

/** podTopologySpreadScore is PodTopologySpread's score half (weight 2 in the default profile). */
export const podTopologySpreadScore: ScorePlugin = {
  name: 'PodTopologySpread',
  weight: 2,
  preScore(ctx, pod, feasible) {
    if (feasible.length === 0 || ctx.allNodes.length === 0) return 'skip';
    const own = pod.spec?.topologySpreadConstraints ?? [];
    const labels = (pod.metadata?.labels ?? {}) as Record<string, string>;
    const constraints = own.length > 0 ? filterConstraints(own, labels, 'ScheduleAnyway') : buildDefaultConstraints(ctx, pod);
    if (constraints.length === 0) return 'skip';
    // Only the system defaults tolerate nodes without every topology label (e.g. no zone).
    const requireAll = own.length > 0;
    const s: ScoreState = { constraints, ignoredNodes: new Set(), pairCounts: new Map(), normalizingWeight: [] };
    const topoSize = constraints.map(() => 0);
    for (const info of feasible) {
      if (requireAll && !nodeHasAllKeys(info.node, constraints)) {
        s.ignoredNodes.add(info.name);
        continue;
      }
      constraints.forEach((c, i) => {
        if (c.topologyKey === LABEL_HOSTNAME) return;
        const k = pairKey(c.topologyKey, info.labels[c.topologyKey] ?? '');
        if (!s.pairCounts.has(k)) {
          s.pairCounts.set(k, 0);
          topoSize[i]++;
        }
      });
    }
    s.normalizingWeight = constraints.map((c, i) => Math.log((c.topologyKey === LABEL_HOSTNAME ? feasible.length - s.ignoredNodes.size : topoSize[i]) + 2));
    for (const info of ctx.allNodes) {
      if (requireAll && !nodeHasAllKeys(info.node, constraints)) continue;
      for (const c of constraints) {
        if (!matchesInclusionPolicies(c, pod, info.node)) continue;
        const k = pairKey(c.topologyKey, info.labels[c.topologyKey] ?? '');
        const current = s.pairCounts.get(k);
        if (current === undefined) continue;
        s.pairCounts.set(k, current + countPodsMatchSelector(info.pods, c.selector, pod.metadata?.namespace ?? ''));
      }
    }
    ctx.state.set(SCORE_KEY, s);
    return undefined;
  },
  score(ctx, pod, nodeInfo) {
    const s = ctx.state.get(SCORE_KEY) as ScoreState | undefined;
    if (!s || s.ignoredNodes.has(nodeInfo.name)) return 0;
    let score = 0;
    s.constraints.forEach((c, i) => {
      if (!(c.topologyKey in nodeInfo.labels)) return;
      const cnt =
        c.topologyKey === LABEL_HOSTNAME
          ? countPodsMatchSelector(nodeInfo.pods, c.selector, pod.metadata?.namespace ?? '')
          : (s.pairCounts.get(pairKey(c.topologyKey, nodeInfo.labels[c.topologyKey])) ?? 0);
      score += cnt * s.normalizingWeight[i] + (c.maxSkew - 1);
    });
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
