/**
 * policy/v1 validation: ValidatePodDisruptionBudget and ValidatePodDisruptionBudgetStatusUpdate
 * (pkg/apis/policy/validation/validation.go, v1.32). The PodDisruptionBudget strategy adds no
 * name rule of its own, so the name only has to be a valid path segment
 * (ValidateObjectMetaAccessor with path.ValidatePathSegmentName in rest.BeforeCreate).
 */
import type { PodDisruptionBudget, PodDisruptionBudgetSpec } from 'kubernetes-types/policy/v1';
import type { FieldError, GoStringer } from '../status.ts';
import { intOrString, percentValue, validatePositiveIntOrPercent } from './apps.ts';
import { field, validateNonnegativeField } from './field.ts';
import { validateLabelSelector } from './labelSelector.ts';
import { validateObjectMeta, validateObjectMetaUpdate, type NameValidator } from './objectMeta.ts';

/** UNHEALTHY_POD_EVICTION_POLICIES are the supported spec.unhealthyPodEvictionPolicy values (sorted, as sets.List prints them). */
export const UNHEALTHY_POD_EVICTION_POLICIES = ['AlwaysAllow', 'IfHealthyBudget'] as const;

/** namePathSegment is path.ValidatePathSegmentName: the only rule for kinds without their own. */
export const namePathSegment: NameValidator = (name, prefix) => {
  if (!prefix && (name === '.' || name === '..')) return [`may not be '${name}'`];
  const errs: string[] = [];
  for (const bad of ['/', '%']) if (name.includes(bad)) errs.push(`may not contain '${bad}'`);
  return errs;
};

type IntOrString = number | string | undefined;

/**
 * goPDBSpec prints the internal PodDisruptionBudgetSpec as %#v does in
 * `spec: Invalid value: policy.PodDisruptionBudgetSpec{...}`: pointer fields print as Go
 * pointers. NOTE: real addresses differ per request; these are fixed stand-ins.
 */
function goPDBSpec(spec: PodDisruptionBudgetSpec): GoStringer {
  const ptr = (type: string, set: boolean, addr: string) => `(*${type})(${set ? addr : 'nil'})`;
  return {
    goString: () =>
      'policy.PodDisruptionBudgetSpec{' +
      `MinAvailable:${ptr('intstr.IntOrString', spec.minAvailable !== undefined, '0xc000a3c5a0')}, ` +
      `Selector:${ptr('v1.LabelSelector', spec.selector !== undefined, '0xc000a3c5c0')}, ` +
      `MaxUnavailable:${ptr('intstr.IntOrString', spec.maxUnavailable !== undefined, '0xc000a3c5b0')}, ` +
      `UnhealthyPodEvictionPolicy:${ptr('policy.UnhealthyPodEvictionPolicyType', spec.unhealthyPodEvictionPolicy !== undefined, '0xc000a3c5d0')}}`,
  };
}

/** isNotMoreThan100Percent is appsvalidation.IsNotMoreThan100Percent. */
function isNotMoreThan100Percent(v: IntOrString, path: string): FieldError[] {
  const pct = percentValue(v);
  return pct !== undefined && pct > 100 ? [field.invalid(path, intOrString(v), 'must not be greater than 100%')] : [];
}

/** validatePodDisruptionBudgetSpec is ValidatePodDisruptionBudgetSpec. */
export function validatePodDisruptionBudgetSpec(spec: PodDisruptionBudgetSpec, path = 'spec'): FieldError[] {
  const errs: FieldError[] = [];
  if (spec.minAvailable !== undefined && spec.maxUnavailable !== undefined) {
    errs.push(field.invalid(path, goPDBSpec(spec), 'minAvailable and maxUnavailable cannot be both set'));
  }
  for (const key of ['minAvailable', 'maxUnavailable'] as const) {
    const v = spec[key];
    if (v === undefined) continue;
    errs.push(...validatePositiveIntOrPercent(v, `${path}.${key}`), ...isNotMoreThan100Percent(v, `${path}.${key}`));
  }
  errs.push(...validateLabelSelector(spec.selector, `${path}.selector`));
  const policy = spec.unhealthyPodEvictionPolicy;
  if (policy !== undefined && !(UNHEALTHY_POD_EVICTION_POLICIES as readonly string[]).includes(policy)) {
    errs.push(field.notSupported(`${path}.unhealthyPodEvictionPolicy`, policy, UNHEALTHY_POD_EVICTION_POLICIES));
  }
  return errs;
}

/**
 * validatePodDisruptionBudget checks a PodDisruptionBudget on create. As in rest.BeforeCreate,
 * the common metadata checks run only once the kind's own checks pass.
 */
export function validatePodDisruptionBudget(pdb: PodDisruptionBudget): FieldError[] {
  const errs = validatePodDisruptionBudgetSpec(pdb.spec ?? {});
  return errs.length > 0 ? errs : validateObjectMeta(pdb.metadata, true, namePathSegment);
}

/** validatePodDisruptionBudgetUpdate: the spec is mutable since v1.15, so update runs the create checks. */
export function validatePodDisruptionBudgetUpdate(pdb: PodDisruptionBudget, old: PodDisruptionBudget): FieldError[] {
  const errs = validatePodDisruptionBudgetSpec(pdb.spec ?? {});
  return errs.length > 0 ? errs : validateObjectMetaUpdate(pdb.metadata, old.metadata);
}

/** validatePodDisruptionBudgetStatusUpdate is ValidatePodDisruptionBudgetStatusUpdate (policy/v1): counts are non-negative. */
export function validatePodDisruptionBudgetStatusUpdate(pdb: PodDisruptionBudget, old: PodDisruptionBudget): FieldError[] {
  const s = pdb.status;
  const errs = validateObjectMetaUpdate(pdb.metadata, old.metadata);
  for (const key of ['disruptionsAllowed', 'currentHealthy', 'desiredHealthy', 'expectedPods'] as const) {
    errs.push(...validateNonnegativeField(s?.[key], `status.${key}`));
  }
  return errs;
}
