/**
 * pods/eviction: delete a pod only if no PodDisruptionBudget forbids it
 * (pkg/registry/core/pod/storage/eviction.go, v1.32).
 *
 * - Pods that are Pending, Succeeded, Failed or already terminating are deleted without
 *   asking any budget (canIgnorePDB).
 * - Otherwise the one budget selecting the pod must have observed its latest generation
 *   and have disruptionsAllowed > 0; the eviction spends one (decrements it and records the
 *   pod in status.disruptedPods, so the disruption controller does not count it healthy)
 *   before the pod is deleted. No budget left: 429 TooManyRequests, which `kubectl drain`
 *   retries every 5 s. More than one budget: 500.
 * - An unready pod does not spend the budget when the budget is already met
 *   (unhealthyPodEvictionPolicy IfHealthyBudget, the default) or always (AlwaysAllow).
 * - Before deleting, the pod gets the DisruptionTarget condition (reason EvictionByEvictionAPI),
 *   written through the pod status store as upstream's addConditionAndDeletePod does.
 */
import type { PodDisruptionBudget, PodDisruptionBudgetStatus } from 'kubernetes-types/policy/v1';
import { matches, selectorFromLabelSelector } from '../api/labels.ts';
import { updateDisruptionAllowedCondition } from '../api/podDisruptionBudget.ts';
import { isPodReady } from '../api/podUtil.ts';
import { forbidden, statusErrorFrom, tooManyRequests, type StatusError } from '../api/status.ts';
import type { PodCondition } from 'kubernetes-types/core/v1';
import type { KubeObject, Pod } from '../api/types.ts';
import { thaw } from '../storage/freeze.ts';
import type { ApiServer } from './apiserver.ts';
import { deleteObject, type DeleteOptions } from './deletion.ts';

/** MAX_DISRUPTED_POD_SIZE is MaxDisruptedPodSize: too many unconfirmed evictions stop further ones. */
export const MAX_DISRUPTED_POD_SIZE = 2000;

/** VIOLATES_BUDGET is the 429 message `kubectl drain` prints while it retries. */
export const VIOLATES_BUDGET = "Cannot evict pod as it would violate the pod's disruption budget.";

type PDB = PodDisruptionBudget & KubeObject;

/** evictPod is EvictionREST.Create: check the budget, then mark and delete the pod. */
export function evictPod(server: ApiServer, namespace: string, name: string, eviction: KubeObject, dryRun = false): KubeObject {
  const pods = server.resource('', 'pods');
  const pod = server.get(pods, namespace, name) as KubeObject & Pod;
  const deleteOptions = { ...((eviction as { deleteOptions?: DeleteOptions }).deleteOptions ?? {}), dryRun } as DeleteOptions;
  if (!canIgnorePDB(pod)) checkBudgets(server, pod, dryRun);
  if (!dryRun) addDisruptionTargetCondition(server, pod);
  deleteObject(server, pods, namespace, name, deleteOptions);
  return { apiVersion: 'v1', kind: 'Status', metadata: {}, status: 'Success', code: 201 } as unknown as KubeObject;
}

/** canIgnorePDB: terminal, pending and terminating pods have already been disrupted (or never ran). */
function canIgnorePDB(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed' || phase === 'Pending' || !!pod.metadata?.deletionTimestamp;
}

/** checkBudgets finds the budget selecting the pod and spends one disruption from it, or throws. */
function checkBudgets(server: ApiServer, pod: KubeObject & Pod, dryRun: boolean): void {
  const def = server.resource('policy', 'poddisruptionbudgets');
  const budgets = (server.list(def, pod.metadata.namespace).items as PDB[]).filter((pdb) => selects(pdb, pod));
  if (budgets.length > 1) {
    throw statusErrorFrom({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.',
      reason: '',
      code: 500,
    });
  }
  const pdb = budgets[0];
  if (!pdb) return;
  const status = pdb.status ?? ({} as PodDisruptionBudgetStatus);
  if (!isPodReady(pod)) {
    const policy = pdb.spec?.unhealthyPodEvictionPolicy ?? 'IfHealthyBudget';
    if (policy === 'AlwaysAllow') return;
    if (policy === 'IfHealthyBudget' && status.currentHealthy >= status.desiredHealthy && status.desiredHealthy > 0) return;
  }
  checkAndDecrement(server, pdb, pod.metadata.name ?? '', dryRun);
}

/** selects is getPodDisruptionBudgets' filter: policy/v1 lets an empty selector match every pod; nil or invalid match none. */
function selects(pdb: PDB, pod: KubeObject): boolean {
  try {
    return matches(selectorFromLabelSelector(pdb.spec?.selector), pod.metadata.labels);
  } catch {
    return false;
  }
}

/** checkAndDecrement: refuse unless the budget is observed and has a disruption to spend; then spend it. */
function checkAndDecrement(server: ApiServer, pdb: PDB, podName: string, dryRun: boolean): void {
  const status = pdb.status ?? ({} as PodDisruptionBudgetStatus);
  const name = pdb.metadata.name ?? '';
  if ((status.observedGeneration ?? 0) < (pdb.metadata.generation ?? 0)) {
    throw budgetError(`The disruption budget ${name} is still being processed by the server.`, 10);
  }
  if (status.disruptionsAllowed < 0) throw forbidden('policy', 'poddisruptionbudget', name, 'pdb disruptions allowed is negative');
  if (Object.keys(status.disruptedPods ?? {}).length > MAX_DISRUPTED_POD_SIZE) {
    throw forbidden('policy', 'poddisruptionbudget', name, 'DisruptedPods map too big - too many evictions not confirmed by PDB controller');
  }
  if (status.disruptionsAllowed === 0) {
    throw budgetError(`The disruption budget ${name} needs ${status.desiredHealthy} healthy pods and has ${status.currentHealthy} currently`, 0);
  }
  if (dryRun) return;
  const next = thaw(pdb) as PDB;
  const s = next.status!;
  s.disruptionsAllowed--;
  const now = server.strategyContext.isoNow();
  if (s.disruptionsAllowed === 0) updateDisruptionAllowedCondition(s, now);
  s.disruptedPods = { ...(s.disruptedPods ?? {}), [podName]: now };
  const def = server.resource('policy', 'poddisruptionbudgets');
  server.update(def, next.metadata.namespace ?? '', name, next, { fieldManager: 'kube-apiserver' }, 'status');
}

/** budgetError is createTooManyRequestsError / the zero-budget 429, with its DisruptionBudget cause. */
function budgetError(cause: string, retryAfterSeconds: number): StatusError {
  const err = tooManyRequests(VIOLATES_BUDGET, [{ reason: 'DisruptionBudget', message: cause }]);
  if (retryAfterSeconds > 0) err.status.details = { ...err.status.details, retryAfterSeconds };
  return err;
}

/** addDisruptionTargetCondition marks the pod as about to be disrupted (DisruptionTarget, EvictionByEvictionAPI). */
function addDisruptionTargetCondition(server: ApiServer, pod: KubeObject & Pod): void {
  const pods = server.resource('', 'pods');
  const latest = thaw(server.get(pods, pod.metadata.namespace ?? '', pod.metadata.name ?? ''));
  const status = (latest.status ??= {}) as { conditions?: PodCondition[] };
  const conditions = status.conditions ?? [];
  const existing = conditions.find((c) => c.type === 'DisruptionTarget');
  const condition = {
    type: 'DisruptionTarget',
    status: 'True',
    lastProbeTime: null as unknown as string,
    lastTransitionTime: existing?.status === 'True' ? existing.lastTransitionTime : server.strategyContext.isoNow(),
    reason: 'EvictionByEvictionAPI',
    message: 'Eviction API: evicting',
  };
  status.conditions = existing ? conditions.map((c) => (c === existing ? condition : c)) : [...conditions, condition];
  server.update(pods, latest.metadata.namespace ?? '', latest.metadata.name ?? '', latest, { fieldManager: 'kube-apiserver' }, 'status');
}
