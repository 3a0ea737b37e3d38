/**
 * Matching pods' node selection against node labels: spec.nodeSelector and
 * nodeAffinity terms. Models k8s.io/component-helpers/scheduling/corev1/nodeaffinity.
 * Pure, so the scheduler and the DaemonSet controller (NodeShouldRunDaemonPod) share it.
 */
import type { Node, NodeSelectorRequirement, NodeSelectorTerm, Pod, PodSpec } from 'kubernetes-types/core/v1';

function matchRequirement(r: NodeSelectorRequirement, value: string | undefined): boolean {
  const values = r.values ?? [];
  switch (r.operator) {
    case 'In':
      return value !== undefined && values.includes(value);
    case 'NotIn':
      return value === undefined || !values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
    case 'Lt': {
      // Gt/Lt compare integers; an unparsable label or value never matches.
      if (value === undefined || values.length !== 1 || !/^-?\d+$/.test(value) || !/^-?\d+$/.test(values[0])) return false;
      const a = Number(value);
      const b = Number(values[0]);
      return r.operator === 'Gt' ? a > b : a < b;
    }
    default:
      return false;
  }
}

/**
 * nodeSelectorTermMatches reports whether a node matches one term: all matchExpressions
 * against labels and all matchFields (only metadata.name) against fields. An empty term
 * matches nothing, as upstream documents.
 */
export function nodeSelectorTermMatches(term: NodeSelectorTerm, node: Node): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  const labels = (node.metadata?.labels ?? {}) as Record<string, string>;
  for (const r of exprs) if (!matchRequirement(r, Object.prototype.hasOwnProperty.call(labels, r.key) ? labels[r.key] : undefined)) return false;
  for (const r of fields) {
    if (r.key !== 'metadata.name') return false;
    if (!matchRequirement(r, node.metadata?.name)) return false;
  }
  return true;
}

/** nodeSelectorTermsMatch ORs the terms of a NodeSelector. */
export function nodeSelectorTermsMatch(terms: readonly NodeSelectorTerm[], node: Node): boolean {
  return terms.some((t) => nodeSelectorTermMatches(t, node));
}

/**
 * podMatchesNodeSelectorAndAffinity is GetRequiredNodeAffinity(pod).Match(node):
 * spec.nodeSelector (every label equal) AND the required node affinity (any term).
 */
export function podMatchesNodeSelectorAndAffinity(pod: Pod, node: Node): boolean {
  return podSpecMatchesNodeSelectorAndAffinity(pod.spec, node);
}

/** podSpecMatchesNodeSelectorAndAffinity is podMatchesNodeSelectorAndAffinity for a pod spec or template spec. */
export function podSpecMatchesNodeSelectorAndAffinity(spec: PodSpec | undefined, node: Node): boolean {
  const required = spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  const selector = spec?.nodeSelector;
  // Most pods have neither: answer without touching the node (this runs per node per cycle).
  if (!selector && !required) return true;
  const labels = (node.metadata?.labels ?? {}) as Record<string, string>;
  for (const k in selector) if (labels[k] !== selector[k]) return false;
  if (required) return nodeSelectorTermsMatch(required.nodeSelectorTerms ?? [], node);
  return true;
}
