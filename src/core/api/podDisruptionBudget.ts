/**
 * PodDisruptionBudget condition helpers shared by the disruption controller and the
 * eviction subresource (k8s.io/component-helpers/apps/poddisruptionbudget and
 * apimeta.SetStatusCondition).
 */
import type { Condition } from 'kubernetes-types/meta/v1';
import type { PodDisruptionBudget, PodDisruptionBudgetStatus } from 'kubernetes-types/policy/v1';

/** DISRUPTION_ALLOWED is policy.DisruptionAllowedCondition. */
export const DISRUPTION_ALLOWED = 'DisruptionAllowed';

/**
 * setStatusCondition is apimeta.SetStatusCondition: replace the condition of the same type,
 * moving lastTransitionTime only when the status changes.
 */
export function setStatusCondition(conditions: Condition[], cond: Omit<Condition, 'lastTransitionTime'>, nowISO: string): Condition[] {
  const existing = conditions.find((c) => c.type === cond.type);
  if (!existing) return [...conditions, { ...cond, lastTransitionTime: nowISO }];
  const lastTransitionTime = existing.status === cond.status ? existing.lastTransitionTime : nowISO;
  return conditions.map((c) => (c === existing ? { ...cond, lastTransitionTime } : c));
}

/** updateDisruptionAllowedCondition is pdbhelper.UpdateDisruptionAllowedCondition: SufficientPods or InsufficientPods. */
export function updateDisruptionAllowedCondition(status: PodDisruptionBudgetStatus, nowISO: string): void {
  const allowed = status.disruptionsAllowed > 0;
  status.conditions = setStatusCondition(
    status.conditions ?? [],
    {
      type: DISRUPTION_ALLOWED,
      status: allowed ? 'True' : 'False',
      reason: allowed ? 'SufficientPods' : 'InsufficientPods',
      message: '',
      observedGeneration: status.observedGeneration,
    },
    nowISO,
  );
}

/** conditionsAreUpToDate is pdbhelper.ConditionsAreUpToDate. */
export function conditionsAreUpToDate(pdb: PodDisruptionBudget): boolean {
  const status = pdb.status;
  const cond = status?.conditions?.find((c) => c.type === DISRUPTION_ALLOWED);
  if (!status || !cond || status.observedGeneration !== pdb.metadata?.generation) return false;
  return cond.status === (status.disruptionsAllowed > 0 ? 'True' : 'False');
}

