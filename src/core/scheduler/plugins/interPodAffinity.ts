/**
 * InterPodAffinity, filter half (pkg/scheduler/framework/plugins/interpodaffinity/filtering.go).
 *
 * Counts, per topology domain (topologyKey=value), the existing pods that match the incoming
 * pod's required affinity and anti-affinity terms, and the existing pods whose own required
 * anti-affinity terms match the incoming pod. A node then fails when:
 * - affinity: some term's domain holds no matching pod (unless no pod matches anywhere and the
 *   pod matches its own terms: the first of a group that wants to be together);
 * - anti-affinity: some term's domain already holds a matching pod;
 * - existing anti-affinity: a pod in one of the node's domains refuses the incoming pod.
 */
import type { Pod, PodAffinityTerm } from 'kubernetes-types/core/v1';
import { matches, selectorFromLabelSelector } from '../../api/labels.ts';
import { SKIP, unresolvable, unschedulable, type FilterPlugin, type NodeInfo } from '../types.ts';

/** Reasons, as upstream spells them. */
export const ERR_REASON_AFFINITY_RULES_NOT_MATCH = "node(s) didn't match pod affinity rules";
export const ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH = "node(s) didn't match pod anti-affinity rules";
export const ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH = "node(s) didn't satisfy existing pods anti-affinity rules";

/**
 * termMatches is AffinityTerm.Matches: the target pod is in one of the term's namespaces
 * (its owner's namespace when none are given) and matches its label selector.
 * NOTE: a namespaceSelector is evaluated against the namespace's
 * kubernetes.io/metadata.name label only (we keep no namespace lister here).
 */
export function termMatches(term: PodAffinityTerm, ownerNamespace: string, target: Pod): boolean {
  const ns = target.metadata?.namespace ?? '';
  const namespaces = term.namespaces ?? [];
  if (term.namespaceSelector) {
    const nsSel = selectorFromLabelSelector(term.namespaceSelector);
    if (!namespaces.includes(ns) && !matches(nsSel, { 'kubernetes.io/metadata.name': ns })) return false;
  } else if (namespaces.length > 0 ? !namespaces.includes(ns) : ns !== ownerNamespace) {
    return false;
  }
  return matches(selectorFromLabelSelector(term.labelSelector), target.metadata?.labels as Record<string, string> | undefined);
}

const pairKey = (key: string, value: string) => `${key}\u0000${value}`;

interface State {
  affinity: PodAffinityTerm[];
  antiAffinity: PodAffinityTerm[];
  affinityCounts: Map<string, number>;
  antiAffinityCounts: Map<string, number>;
  existingAntiAffinityCounts: Map<string, number>;
}

const KEY = 'PreFilterInterPodAffinity';

function bump(m: Map<string, number>, info: NodeInfo, key: string): void {
  if (!(key in info.labels)) return;
  const k = pairKey(key, info.labels[key]);
  m.set(k, (m.get(k) ?? 0) + 1);
}

/** interPodAffinity is the InterPodAffinity filter plugin. */
export const interPodAffinity: FilterPlugin = {
  name: 'InterPodAffinity',
  preFilter(ctx, pod) {
    const ns = pod.metadata?.namespace ?? '';
    const affinity = pod.spec?.affinity?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? [];
    const antiAffinity = pod.spec?.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? [];
    const s: State = { affinity, antiAffinity, affinityCounts: new Map(), antiAffinityCounts: new Map(), existingAntiAffinityCounts: new Map() };
    // With no terms of its own, only existing pods with required anti-affinity can matter
    // (upstream walks HavePodsWithRequiredAntiAffinityList in that case).
    const ownTerms = affinity.length > 0 || antiAffinity.length > 0;
    // The snapshot's list of such nodes spares walking thousands of nodes that have none.
    for (const info of ownTerms ? ctx.allNodes : (ctx.havePodsWithRequiredAntiAffinity ?? ctx.allNodes)) {
      for (const existing of ownTerms ? info.pods : info.podsWithRequiredAntiAffinity) {
        const existingNs = existing.metadata?.namespace ?? '';
        for (const t of existing.spec?.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []) {
          if (termMatches(t, existingNs, pod)) bump(s.existingAntiAffinityCounts, info, t.topologyKey);
        }
        if (affinity.length > 0 && affinity.every((t) => termMatches(t, ns, existing))) {
          for (const t of affinity) bump(s.affinityCounts, info, t.topologyKey);
        }
        for (const t of antiAffinity) if (termMatches(t, ns, existing)) bump(s.antiAffinityCounts, info, t.topologyKey);
      }
    }
    ctx.state.set(KEY, s);
    // With no terms of its own and no existing pod refusing it, Filter passes every node.
    return !ownTerms && s.existingAntiAffinityCounts.size === 0 ? SKIP : undefined;
  },
  filter(ctx, pod, info) {
    const s = ctx.state.get(KEY) as State | undefined;
    if (!s) return undefined;
    if (!satisfiesAffinity(s, pod, info)) return unresolvable(ERR_REASON_AFFINITY_RULES_NOT_MATCH);
    for (const t of s.antiAffinity) {
      if (t.topologyKey in info.labels && (s.antiAffinityCounts.get(pairKey(t.topologyKey, info.labels[t.topologyKey])) ?? 0) > 0) {
        return unschedulable(ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH);
      }
    }
    if (s.existingAntiAffinityCounts.size === 0) return undefined;
    for (const [k, v] of Object.entries(info.labels)) {
      if ((s.existingAntiAffinityCounts.get(pairKey(k, v)) ?? 0) > 0) return unschedulable(ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH);
    }
    return undefined;
  },
};

function satisfiesAffinity(s: State, pod: Pod, info: NodeInfo): boolean {
  let podsExist = true;
  for (const t of s.affinity) {
    if (!(t.topologyKey in info.labels)) return false;
    if ((s.affinityCounts.get(pairKey(t.topologyKey, info.labels[t.topologyKey])) ?? 0) <= 0) podsExist = false;
  }
  if (podsExist) return true;
  // The first pod of a group with affinity to itself may go anywhere its terms are satisfiable.
  const ns = pod.metadata?.namespace ?? '';
  return s.affinityCounts.size === 0 && s.affinity.every((t) => termMatches(t, ns, pod));
}
