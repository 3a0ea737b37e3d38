/**
 * apps/v1 StatefulSet and ControllerRevision validation: ValidateStatefulSet,
 * ValidateStatefulSetUpdate, ValidateControllerRevision(Update) in
 * pkg/apis/apps/validation/validation.go (v1.32).
 *
 * NOTE: upstream does not validate the StatefulSet's pod spec (a TODO there says the
 * volume claim templates would make it fail), so a bad container only shows up later as
 * a FailedCreate event of the controller. We keep that behaviour.
 */
import type { StatefulSet, StatefulSetSpec } from 'kubernetes-types/apps/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { deepEqual } from '../equality.ts';
import { isEmptySelector, matches, selectorFromLabelSelector, type Selector } from '../labels.ts';
import { validateAnnotations, validateLabels } from '../labelValidation.ts';
import type { FieldError } from '../status.ts';
import type { KubeObject } from '../types.ts';
import { field, validateNonnegativeField } from './field.ts';
import { goLabelSelector, goStringMap } from './goValue.ts';
import { validateLabelSelector } from './labelSelector.ts';
import { nameIsDNSSubdomain, validateImmutableField, validateObjectMeta, validateObjectMetaUpdate } from './objectMeta.ts';

/** STATEFULSET_SPEC_FORBIDDEN is the v1.32 message for changing an immutable StatefulSet spec field. */
export const STATEFULSET_SPEC_FORBIDDEN =
  "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden";

/**
 * goUpdateStrategy renders the strategy as %#v does: a set rollingUpdate is a pointer, so Go
 * prints its address; we print a fixed, plausible one.
 */
function goUpdateStrategy(s: StatefulSetSpec['updateStrategy']): { goString(): string } {
  const ru = s?.rollingUpdate ? '(*apps.RollingUpdateStatefulSetStrategy)(0xc000a3e1c8)' : '(*apps.RollingUpdateStatefulSetStrategy)(nil)';
  return { goString: () => `apps.StatefulSetUpdateStrategy{Type:${JSON.stringify(s?.type ?? '')}, RollingUpdate:${ru}}` };
}

/** goRollingUpdate: field errors dereference a pointer value, so the struct itself prints. */
function goRollingUpdate(ru: NonNullable<StatefulSetSpec['updateStrategy']>['rollingUpdate']): { goString(): string } {
  const max = ru?.maxUnavailable === undefined ? '(*intstr.IntOrString)(nil)' : '(*intstr.IntOrString)(0xc000a3e1d0)';
  return { goString: () => `apps.RollingUpdateStatefulSetStrategy{Partition:${ru?.partition ?? 0}, MaxUnavailable:${max}}` };
}

function validateRetentionType(value: string | undefined, path: string): FieldError[] {
  return value === 'Retain' || value === 'Delete' ? [] : [field.notSupported(path, value ?? '', ['Retain', 'Delete'])];
}

/** validateTemplateLabels is ValidatePodTemplateSpecForStatefulSet: labels match the selector, labels and annotations well-formed. */
function validateTemplateLabels(spec: StatefulSetSpec, selector: Selector): FieldError[] {
  const template = spec.template;
  if (!template) return [field.required('spec.template')];
  const errs: FieldError[] = [];
  if (!isEmptySelector(selector) && !matches(selector, template.metadata?.labels ?? {})) {
    errs.push(field.invalid('spec.template.metadata.labels', goStringMap(template.metadata?.labels), '`selector` does not match template `labels`'));
  }
  // Upstream's paths here skip "metadata" (fldPath.Child("labels")).
  errs.push(...validateLabels(template.metadata?.labels, 'spec.template.labels'));
  errs.push(...validateAnnotations(template.metadata?.annotations, 'spec.template.annotations'));
  return errs;
}

/** validateStatefulSetSpec is ValidateStatefulSetSpec. */
function validateStatefulSetSpec(spec: StatefulSetSpec): FieldError[] {
  const errs: FieldError[] = [];
  const policy = spec.podManagementPolicy ?? '';
  if (policy === '') errs.push(field.required('spec.podManagementPolicy'));
  else if (policy !== 'OrderedReady' && policy !== 'Parallel') errs.push(field.invalid('spec.podManagementPolicy', policy, "must be 'OrderedReady' or 'Parallel'"));
  const strategy = spec.updateStrategy;
  switch (strategy?.type ?? '') {
    case '':
      errs.push(field.required('spec.updateStrategy'));
      break;
    case 'OnDelete':
      if (strategy?.rollingUpdate) {
        errs.push(field.invalid('spec.updateStrategy.rollingUpdate', goRollingUpdate(strategy.rollingUpdate), "only allowed for updateStrategy 'RollingUpdate'"));
      }
      break;
    case 'RollingUpdate':
      if (strategy?.rollingUpdate) errs.push(...validateNonnegativeField(strategy.rollingUpdate.partition ?? 0, 'spec.updateStrategy.rollingUpdate.partition'));
      break;
    default:
      errs.push(field.invalid('spec.updateStrategy', goUpdateStrategy(strategy), "must be 'RollingUpdate' or 'OnDelete'"));
  }
  const retention = spec.persistentVolumeClaimRetentionPolicy;
  if (retention) {
    errs.push(...validateRetentionType(retention.whenDeleted, 'spec.persistentVolumeClaimRetentionPolicy.whenDeleted'));
    errs.push(...validateRetentionType(retention.whenScaled, 'spec.persistentVolumeClaimRetentionPolicy.whenScaled'));
  }
  errs.push(...validateNonnegativeField(spec.replicas ?? 0, 'spec.replicas'));
  errs.push(...validateNonnegativeField(spec.minReadySeconds ?? 0, 'spec.minReadySeconds'));
  if (spec.ordinals) errs.push(...validateNonnegativeField(spec.ordinals.start ?? 0, 'spec.ordinals.start'));
  const sel = spec.selector as LabelSelector | undefined;
  if (!sel) {
    errs.push(field.required('spec.selector'));
  } else {
    errs.push(...validateLabelSelector(sel, 'spec.selector'));
    if (Object.keys(sel.matchLabels ?? {}).length + (sel.matchExpressions?.length ?? 0) === 0) {
      errs.push(field.invalid('spec.selector', goLabelSelector(sel), 'empty selector is invalid for statefulset'));
    }
  }
  let selector: Selector | undefined;
  try {
    // A nil selector converts to Nothing(), which matches no labels: reported as a mismatch.
    selector = selectorFromLabelSelector(sel ?? null);
  } catch {
    errs.push(field.invalid('spec.selector', goLabelSelector(sel), ''));
  }
  if (selector) errs.push(...validateTemplateLabels(spec, selector));
  const restartPolicy = spec.template?.spec?.restartPolicy ?? '';
  if (restartPolicy !== 'Always') errs.push(field.notSupported('spec.template.spec.restartPolicy', restartPolicy, ['Always']));
  if (spec.template?.spec?.activeDeadlineSeconds !== undefined) {
    errs.push(field.forbidden('spec.template.spec.activeDeadlineSeconds', 'activeDeadlineSeconds in StatefulSet is not Supported'));
  }
  return errs;
}

/** validateStatefulSet checks a StatefulSet on create. */
export function validateStatefulSet(ss: StatefulSet): FieldError[] {
  const errs = validateObjectMeta(ss.metadata, true, nameIsDNSSubdomain);
  errs.push(...validateStatefulSetSpec(ss.spec ?? ({} as StatefulSetSpec)));
  return errs;
}

/** MUTABLE_SPEC_FIELDS are the StatefulSet spec fields an update may change. */
const MUTABLE_SPEC_FIELDS = ['replicas', 'template', 'updateStrategy', 'minReadySeconds', 'ordinals', 'persistentVolumeClaimRetentionPolicy'] as const;

/** validateStatefulSetUpdate checks an update: the spec must be valid and only the mutable fields may change. */
export function validateStatefulSetUpdate(ss: StatefulSet, old: StatefulSet): FieldError[] {
  const errs = validateObjectMetaUpdate(ss.metadata, old.metadata);
  const spec = ss.spec ?? ({} as StatefulSetSpec);
  errs.push(...validateStatefulSetSpec(spec));
  const clone: Record<string, unknown> = { ...spec };
  const oldSpec = (old.spec ?? {}) as Record<string, unknown>;
  for (const k of MUTABLE_SPEC_FIELDS) {
    if (oldSpec[k] === undefined) delete clone[k];
    else clone[k] = oldSpec[k];
  }
  if (!deepEqual(clone, oldSpec)) errs.push(field.forbidden('spec', STATEFULSET_SPEC_FORBIDDEN));
  return errs;
}

/** ControllerRevision is apps/v1 ControllerRevision. */
type ControllerRevision = KubeObject & { data?: unknown; revision?: number };

/** validateControllerRevision checks a ControllerRevision: data is mandatory, revision non-negative. */
export function validateControllerRevision(cr: ControllerRevision): FieldError[] {
  const errs = validateObjectMeta(cr.metadata, true, nameIsDNSSubdomain);
  if (cr.data === undefined || cr.data === null) errs.push(field.required('data', 'data is mandatory'));
  errs.push(...validateNonnegativeField(cr.revision ?? 0, 'revision'));
  return errs;
}

/** validateControllerRevisionUpdate: as on create, and data is immutable. */
export function validateControllerRevisionUpdate(cr: ControllerRevision, old: ControllerRevision): FieldError[] {
  const errs = validateObjectMetaUpdate(cr.metadata, old.metadata);
  errs.push(...validateControllerRevision(cr));
  errs.push(...validateImmutableField(cr.data, old.data, 'data'));
  return errs;
}
