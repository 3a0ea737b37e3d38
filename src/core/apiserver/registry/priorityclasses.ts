/**
 * priorityclasses: cluster-scoped scheduling.k8s.io/v1 PriorityClass
 * (pkg/registry/scheduling/priorityclass, pkg/apis/scheduling/validation). The two
 * system classes are created by the API server at start (see admission/install.ts);
 * other `system-` names are reserved and user values stop at one billion. The Priority
 * admission plugin resolves pods' priorityClassName against these objects.
 */
import type { FieldError } from '../../api/status.ts';
import type { KubeObject } from '../../api/types.ts';
import { nameIsDNSSubdomain, validateObjectMeta, validateObjectMetaUpdate } from '../../api/validation/objectMeta.ts';
import { define } from './define.ts';

/** HIGHEST_USER_DEFINABLE_PRIORITY is scheduling.HighestUserDefinablePriority. */
export const HIGHEST_USER_DEFINABLE_PRIORITY = 1_000_000_000;

/** SYSTEM_CLASS_VALUES are scheduling.SystemPriorityClasses(): the only allowed `system-` classes. */
export const SYSTEM_CLASS_VALUES: Readonly<Record<string, number>> = {
  'system-node-critical': 2000001000,
  'system-cluster-critical': 2000000000,
};

/** validatePriorityClass is ValidatePriorityClass. */
export function validatePriorityClass(obj: KubeObject): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, false, nameIsDNSSubdomain);
  const name = obj.metadata.name ?? '';
  const value = Number(obj.value ?? 0);
  if (name.startsWith('system-')) {
    const known = SYSTEM_CLASS_VALUES[name];
    let why = '';
    if (known === undefined) why = `${name} is not a known system priority class`;
    else if (known !== value) why = `value of ${name} PriorityClass must be ${known}`;
    else if (obj.globalDefault === true) why = `globalDefault must be false for ${name} PriorityClass`;
    if (why) errs.push({ type: 'FieldValueForbidden', field: 'metadata.name', detail: `priority class names with 'system-' prefix are reserved for system use only. error: ${why}` });
  } else if (value > HIGHEST_USER_DEFINABLE_PRIORITY) {
    errs.push({ type: 'FieldValueForbidden', field: 'value', detail: `maximum allowed value of a user defined priority is ${HIGHEST_USER_DEFINABLE_PRIORITY}` });
  }
  const policy = obj.preemptionPolicy;
  if (policy !== undefined && policy !== 'PreemptLowerPriority' && policy !== 'Never') {
    errs.push({ type: 'FieldValueNotSupported', field: 'preemptionPolicy', badValue: policy, detail: 'supported values: "Never", "PreemptLowerPriority"' });
  }
  return errs;
}

/** validatePriorityClassUpdate is ValidatePriorityClassUpdate: value and preemptionPolicy are fixed. */
export function validatePriorityClassUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  const errs = validateObjectMetaUpdate(obj.metadata, old.metadata);
  if (obj.value !== old.value) errs.push({ type: 'FieldValueForbidden', field: 'value', detail: 'may not be changed in an update.' });
  if (obj.preemptionPolicy !== old.preemptionPolicy) errs.push({ type: 'FieldValueInvalid', field: 'preemptionPolicy', badValue: obj.preemptionPolicy, detail: 'field is immutable' });
  return errs;
}

export const priorityclasses = define({
  group: 'scheduling.k8s.io',
  version: 'v1',
  resource: 'priorityclasses',
  kind: 'PriorityClass',
  namespaced: false,
  shortNames: ['pc'],
  defaulter: (obj) => {
    obj.preemptionPolicy ??= 'PreemptLowerPriority';
  },
  validate: validatePriorityClass,
  validateUpdate: validatePriorityClassUpdate,
});
