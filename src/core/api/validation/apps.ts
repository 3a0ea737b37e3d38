/**
 * apps/v1 validation: ValidateDeployment, ValidateDeploymentUpdate, ValidateReplicaSet,
 * ValidateReplicaSetUpdate (pkg/apis/apps/validation/validation.go, v1.32) plus the
 * selector immutability their registry strategies add on update.
 */
import type { Deployment, DeploymentStrategy, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { FieldError } from '../status.ts';
import { matches, selectorFromLabelSelector } from '../labels.ts';
import { isValidPercent } from '../nameValidation.ts';
import { field, validateNonnegativeField } from './field.ts';
import { goLabelSelector, goStringMap } from './goValue.ts';
import { nameIsDNSSubdomain, validateImmutableField, validateObjectMeta, validateObjectMetaUpdate } from './objectMeta.ts';
import { validatePodTemplateSpec } from './podSpec.ts';
import { validateLabelSelector } from './labelSelector.ts';

type IntOrString = number | string | undefined;

/** validateSelector: required, well-formed and not empty. */
function validateSelector(sel: LabelSelector | undefined, path: string): FieldError[] {
  if (!sel) return [field.required(path)];
  const errs = validateLabelSelector(sel, path);
  if (Object.keys(sel.matchLabels ?? {}).length + (sel.matchExpressions?.length ?? 0) === 0) {
    errs.push(field.invalid(path, goLabelSelector(sel), 'empty selector is invalid for deployment'));
  }
  return errs;
}

/** validatePodTemplateSpecForReplicaSet: labels match the selector, the template is valid, restartPolicy is Always. */
function validatePodTemplateSpecForReplicaSet(template: PodTemplateSpec | undefined, sel: LabelSelector | undefined, path: string): FieldError[] {
  if (!template) return [field.required(path)];
  const errs: FieldError[] = [];
  let selectorOk = true;
  let selector;
  try {
    selector = selectorFromLabelSelector(sel ?? null);
  } catch {
    selectorOk = false;
  }
  if (!selectorOk) return [field.invalid(path.replace(/\.template$/, '.selector'), goLabelSelector(sel), 'invalid label selector')];
  // A nil selector selects nothing, which is not "empty", so it also fails to match.
  const empty = sel !== undefined && Object.keys(sel.matchLabels ?? {}).length + (sel.matchExpressions?.length ?? 0) === 0;
  if (!empty && (!sel || !matches(selector!, template.metadata?.labels ?? {}))) {
    errs.push(field.invalid(`${path}.metadata.labels`, goStringMap(template.metadata?.labels), '`selector` does not match template `labels`'));
  }
  errs.push(...validatePodTemplateSpec(template, path));
  const restartPolicy = template.spec?.restartPolicy ?? '';
  if (restartPolicy !== 'Always') errs.push(field.notSupported(`${path}.spec.restartPolicy`, restartPolicy, ['Always']));
  if (template.spec?.activeDeadlineSeconds !== undefined) {
    errs.push(field.invalid(`${path}.spec.activeDeadlineSeconds`, template.spec.activeDeadlineSeconds, 'activeDeadlineSeconds in ReplicaSet is not Supported'));
  }
  return errs;
}

/** intOrString renders an IntOrString bad value as its String() does (unquoted). */
export function intOrString(v: IntOrString): { goString(): string } {
  return { goString: () => String(v ?? 0) };
}

/** percentValue is getPercentValue: the number of an "NN%" string, else undefined. */
export function percentValue(v: IntOrString): number | undefined {
  return typeof v === 'string' && /^[0-9]+%$/.test(v) ? Number(v.slice(0, -1)) : undefined;
}

/** validatePositiveIntOrPercent is appsvalidation.ValidatePositiveIntOrPercent: "NN%" or a non-negative integer. */
export function validatePositiveIntOrPercent(v: IntOrString, path: string): FieldError[] {
  if (typeof v === 'string') return isValidPercent(v).map((msg) => field.invalid(path, intOrString(v), msg));
  return validateNonnegativeField(v ?? 0, path);
}

/** validateDeploymentStrategy: Recreate without rollingUpdate, or RollingUpdate with sane maxSurge/maxUnavailable. */
function validateDeploymentStrategy(strategy: DeploymentStrategy | undefined, path: string): FieldError[] {
  const s = strategy ?? {};
  switch (s.type) {
    case 'Recreate':
      return s.rollingUpdate ? [field.forbidden(`${path}.rollingUpdate`, "may not be specified when strategy `type` is 'Recreate'")] : [];
    case 'RollingUpdate': {
      const ru = s.rollingUpdate;
      if (!ru) return [field.required(`${path}.rollingUpdate`, 'this should be defaulted and never be nil')];
      const p = `${path}.rollingUpdate`;
      const errs = validatePositiveIntOrPercent(ru.maxUnavailable, `${p}.maxUnavailable`);
      errs.push(...validatePositiveIntOrPercent(ru.maxSurge, `${p}.maxSurge`));
      const value = (v: IntOrString) => (typeof v === 'string' ? (percentValue(v) ?? -1) : (v ?? 0));
      if (value(ru.maxUnavailable) === 0 && value(ru.maxSurge) === 0) {
        errs.push(field.invalid(`${p}.maxUnavailable`, intOrString(ru.maxUnavailable), 'may not be 0 when `maxSurge` is 0'));
      }
      const pct = percentValue(ru.maxUnavailable);
      if (pct !== undefined && pct > 100) errs.push(field.invalid(`${p}.maxUnavailable`, intOrString(ru.maxUnavailable), 'must not be greater than 100%'));
      return errs;
    }
    default:
      return [field.notSupported(path, { goString: () => `apps.DeploymentStrategy{Type:${JSON.stringify(s.type ?? '')}}` }, ['Recreate', 'RollingUpdate'])];
  }
}

/** validateDeployment checks a Deployment on create. */
export function validateDeployment(d: Deployment): FieldError[] {
  const errs = validateObjectMeta(d.metadata, true, nameIsDNSSubdomain);
  errs.push(...validateDeploymentSpec(d));
  return errs;
}

function validateDeploymentSpec(d: Deployment): FieldError[] {
  const spec = d.spec ?? { selector: undefined as unknown as LabelSelector, template: {} };
  const errs = validateNonnegativeField(spec.replicas ?? 0, 'spec.replicas');
  errs.push(...validateSelector(spec.selector, 'spec.selector'));
  errs.push(...validatePodTemplateSpecForReplicaSet(spec.template, spec.selector, 'spec.template'));
  errs.push(...validateDeploymentStrategy(spec.strategy, 'spec.strategy'));
  errs.push(...validateNonnegativeField(spec.minReadySeconds ?? 0, 'spec.minReadySeconds'));
  if (spec.revisionHistoryLimit !== undefined) errs.push(...validateNonnegativeField(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  if (spec.progressDeadlineSeconds !== undefined) {
    errs.push(...validateNonnegativeField(spec.progressDeadlineSeconds, 'spec.progressDeadlineSeconds'));
    if (spec.progressDeadlineSeconds <= (spec.minReadySeconds ?? 0)) {
      errs.push(field.invalid('spec.progressDeadlineSeconds', spec.progressDeadlineSeconds, 'must be greater than minReadySeconds'));
    }
  }
  return errs;
}

/** validateDeploymentUpdate checks an update; the selector is immutable in apps/v1. */
export function validateDeploymentUpdate(d: Deployment, old: Deployment): FieldError[] {
  const errs = validateObjectMetaUpdate(d.metadata, old.metadata);
  errs.push(...validateDeploymentSpec(d));
  errs.push(...validateImmutableField(d.spec?.selector, old.spec?.selector, 'spec.selector', goLabelSelector(d.spec?.selector)));
  return errs;
}

/** validateReplicaSet checks a ReplicaSet on create. */
export function validateReplicaSet(rs: ReplicaSet): FieldError[] {
  const errs = validateObjectMeta(rs.metadata, true, nameIsDNSSubdomain);
  errs.push(...validateReplicaSetSpec(rs));
  return errs;
}

function validateReplicaSetSpec(rs: ReplicaSet): FieldError[] {
  const spec = rs.spec ?? { selector: undefined as unknown as LabelSelector };
  const errs = validateNonnegativeField(spec.replicas ?? 0, 'spec.replicas');
  errs.push(...validateNonnegativeField(spec.minReadySeconds ?? 0, 'spec.minReadySeconds'));
  errs.push(...validateSelector(spec.selector, 'spec.selector'));
  errs.push(...validatePodTemplateSpecForReplicaSet(spec.template, spec.selector, 'spec.template'));
  return errs;
}

/** validateReplicaSetUpdate checks an update; the selector is immutable in apps/v1. */
export function validateReplicaSetUpdate(rs: ReplicaSet, old: ReplicaSet): FieldError[] {
  const errs = validateObjectMetaUpdate(rs.metadata, old.metadata);
  errs.push(...validateReplicaSetSpec(rs));
  errs.push(...validateImmutableField(rs.spec?.selector, old.spec?.selector, 'spec.selector', goLabelSelector(rs.spec?.selector)));
  return errs;
}
