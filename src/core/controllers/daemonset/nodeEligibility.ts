/**
 * Which nodes a DaemonSet's pod belongs on (pkg/controller/daemon/daemon_controller.go
 * NodeShouldRunDaemonPod / predicates): the template's nodeSelector and required node
 * affinity must match the node, and every NoSchedule/NoExecute taint of the node must be
 * tolerated by the pod (with the daemon tolerations added). Controllers may not import
 * the scheduler, so the small matching rules live here.
 */
import type { Node, PodSpec, Taint, Toleration } from 'kubernetes-types/core/v1';

type NodeSelectorRequirement = { key: string; operator: string; values?: string[] };
type NodeSelectorTerm = { matchExpressions?: NodeSelectorRequirement[]; matchFields?: NodeSelectorRequirement[] };

/** tolerates is v1helper.TolerationsTolerateTaint for one toleration. */
export function tolerates(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  if (!t.key && t.operator !== 'Exists') return false;
  if (t.operator === 'Exists') return true;
  return (t.value ?? '') === (taint.value ?? '');
}

function requirementMatches(r: NodeSelectorRequirement, value: string | undefined): boolean {
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
      return value !== undefined && Number(value) > Number(values[0]);
    case 'Lt':
      return value !== undefined && Number(value) < Number(values[0]);
    default:
      return false;
  }
}

/** termMatches: all expressions on labels and all fields (only metadata.name exists) match; an empty term matches nothing. */
function termMatches(term: NodeSelectorTerm, node: Node): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  const labels = node.metadata?.labels ?? {};
  return (
    exprs.every((r) => requirementMatches(r, labels[r.key])) &&
    fields.every((r) => r.key === 'metadata.name' && requirementMatches(r, node.metadata?.name))
  );
}

/** nodeMatchesPodSpec: nodeSelector and requiredDuringScheduling node affinity. */
export function nodeMatchesPodSpec(spec: PodSpec | undefined, node: Node): boolean {
  const labels = node.metadata?.labels ?? {};
  for (const [k, v] of Object.entries(spec?.nodeSelector ?? {})) if (labels[k] !== v) return false;
  const terms = (spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? []) as NodeSelectorTerm[];
  if (spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution && !terms.some((t) => termMatches(t, node))) return false;
  return true;
}

/**
 * nodeShouldRunDaemonPod: shouldRun says a pod should be created on the node;
 * shouldContinueRunning says an existing one may stay. An untolerated NoSchedule taint
 * stops new pods but keeps running ones; an untolerated NoExecute taint or a selector
 * mismatch removes them.
 */
export function nodeShouldRunDaemonPod(spec: PodSpec | undefined, node: Node): { shouldRun: boolean; shouldContinueRunning: boolean } {
  if (!nodeMatchesPodSpec(spec, node)) return { shouldRun: false, shouldContinueRunning: false };
  const tolerations = spec?.tolerations ?? [];
  const untolerated = (node.spec?.taints ?? []).filter((taint) => taint.effect !== 'PreferNoSchedule' && !tolerations.some((t) => tolerates(t, taint)));
  if (untolerated.some((t) => t.effect === 'NoExecute')) return { shouldRun: false, shouldContinueRunning: false };
  return { shouldRun: untolerated.length === 0, shouldContinueRunning: true };
}
