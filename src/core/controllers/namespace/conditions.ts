/**
 * The status conditions a terminating Namespace carries while its content is deleted
 * (pkg/controller/namespace/deletion/status_condition_utils.go): five condition types,
 * always all present, each either "ok" (False with a fixed reason and message) or
 * reporting a problem (True).
 */
import type { Namespace } from '../../api/types.ts';

/** NamespaceCondition is one entry of status.conditions. */
export interface NamespaceCondition {
  type: string;
  status: 'True' | 'False';
  lastTransitionTime?: string;
  reason: string;
  message: string;
}

/** CONDITION_TYPES in upstream's order. */
export const CONDITION_TYPES = [
  'NamespaceDeletionDiscoveryFailure',
  'NamespaceDeletionGroupVersionParsingFailure',
  'NamespaceDeletionContentFailure',
  'NamespaceContentRemaining',
  'NamespaceFinalizersRemaining',
] as const;

const OK: Record<(typeof CONDITION_TYPES)[number], { reason: string; message: string }> = {
  NamespaceDeletionDiscoveryFailure: { reason: 'ResourcesDiscovered', message: 'All resources successfully discovered' },
  NamespaceDeletionGroupVersionParsingFailure: { reason: 'ParsedGroupVersions', message: 'All legacy kube types successfully parsed' },
  NamespaceDeletionContentFailure: { reason: 'ContentDeleted', message: 'All content successfully deleted, may be waiting on finalization' },
  NamespaceContentRemaining: { reason: 'ContentRemoved', message: 'All content successfully removed' },
  NamespaceFinalizersRemaining: { reason: 'ContentHasNoFinalizers', message: 'All content-preserving finalizers finished' },
};

/** ContentEstimate counts what is still in the namespace: by "resource.group" and by finalizer. */
export interface ContentEstimate {
  remainingByResource: Map<string, number>;
  remainingByFinalizer: Map<string, number>;
}

/** problemConditions turns an estimate into the True conditions upstream writes. */
export function problemConditions(estimate: ContentEstimate): NamespaceCondition[] {
  const out: NamespaceCondition[] = [];
  const resources = [...estimate.remainingByResource]
    .filter(([, n]) => n > 0)
    .map(([gr, n]) => `${gr} has ${n} resource instances`)
    .sort();
  if (resources.length > 0) {
    out.push({ type: 'NamespaceContentRemaining', status: 'True', reason: 'SomeResourcesRemain', message: `Some resources are remaining: ${resources.join(', ')}` });
  }
  const finalizers = [...estimate.remainingByFinalizer]
    .filter(([, n]) => n > 0)
    .map(([f, n]) => `${f} in ${n} resource instances`)
    .sort();
  if (finalizers.length > 0) {
    out.push({
      type: 'NamespaceFinalizersRemaining',
      status: 'True',
      reason: 'SomeFinalizersRemain',
      message: `Some content in the namespace has finalizers remaining: ${finalizers.join(', ')}`,
    });
  }
  return out;
}

/**
 * mergeConditions is the conditionUpdater: every type present, problems as given, the
 * rest "ok"; lastTransitionTime changes only when a condition's status flips.
 */
export function mergeConditions(ns: Namespace, problems: NamespaceCondition[], now: string): NamespaceCondition[] {
  const previous = (ns.status?.conditions ?? []) as NamespaceCondition[];
  return CONDITION_TYPES.map((type) => {
    const next: NamespaceCondition = problems.find((p) => p.type === type) ?? { type, status: 'False', ...OK[type] };
    const prev = previous.find((p) => p.type === type);
    const lastTransitionTime = prev && prev.status === next.status && prev.lastTransitionTime ? prev.lastTransitionTime : now;
    return { type, status: next.status, lastTransitionTime, reason: next.reason, message: next.message };
  });
}
