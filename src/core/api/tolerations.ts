/**
 * Taints and tolerations matching, as in pkg/apis/core/v1/helper (ToleratesTaint) and
 * k8s.io/component-helpers/scheduling/corev1 (FindMatchingUntoleratedTaint). Shared by the
 * scheduler, the DaemonSet controller and taint-based eviction.
 */
import type { Taint, Toleration } from 'kubernetes-types/core/v1';

/**
 * toleratesTaint is Toleration.ToleratesTaint: an empty effect tolerates every effect, an
 * empty key with Exists tolerates every key, Equal (or no operator) compares values.
 */
export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  switch (t.operator ?? '') {
    case '':
    case 'Equal':
      return (t.value ?? '') === (taint.value ?? '');
    case 'Exists':
      return true;
    default:
      return false;
  }
}

/** tolerationsTolerateTaint reports whether any toleration tolerates the taint. */
export function tolerationsTolerateTaint(tolerations: readonly Toleration[] | undefined, taint: Taint): boolean {
  return (tolerations ?? []).some((t) => toleratesTaint(t, taint));
}

/**
 * findUntoleratedTaint is FindMatchingUntoleratedTaint: the first taint, in the node's order,
 * that passes `filter` and no toleration tolerates.
 */
export function findUntoleratedTaint(
  taints: readonly Taint[] | undefined,
  tolerations: readonly Toleration[] | undefined,
  filter: (t: Taint) => boolean,
): Taint | undefined {
  return (taints ?? []).find((taint) => filter(taint) && !tolerationsTolerateTaint(tolerations, taint));
}
