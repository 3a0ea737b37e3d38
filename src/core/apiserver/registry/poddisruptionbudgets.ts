/**
 * poddisruptionbudgets: policy/v1 PodDisruptionBudget (pkg/registry/policy/poddisruptionbudget).
 * Status starts as zero counts and only the disruption controller (and the eviction
 * subresource, which spends disruptionsAllowed) writes it; spec changes bump generation so
 * evictions wait until the controller has observed them.
 */
import type { KubeObject } from '../../api/types.ts';
import {
  validatePodDisruptionBudget,
  validatePodDisruptionBudgetStatusUpdate,
  validatePodDisruptionBudgetUpdate,
} from '../../api/validation/policy.ts';
import { clearStatus, define } from './define.ts';

type Validate = (obj: KubeObject) => ReturnType<typeof validatePodDisruptionBudget>;
type ValidateUpdate = (obj: KubeObject, old: KubeObject) => ReturnType<typeof validatePodDisruptionBudget>;

export const poddisruptionbudgets = define({
  group: 'policy',
  version: 'v1',
  resource: 'poddisruptionbudgets',
  kind: 'PodDisruptionBudget',
  namespaced: true,
  shortNames: ['pdb'],
  subresources: ['status'],
  hasStatus: true,
  generation: true,
  prepareForCreate: clearStatus({ disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 }),
  validate: validatePodDisruptionBudget as unknown as Validate,
  validateUpdate: validatePodDisruptionBudgetUpdate as unknown as ValidateUpdate,
  validateStatusUpdate: validatePodDisruptionBudgetStatusUpdate as unknown as ValidateUpdate,
});
