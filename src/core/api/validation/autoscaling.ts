/**
 * HorizontalPodAutoscaler validation (pkg/apis/autoscaling/validation/validation.go, v1.32):
 * replica bounds, scaleTargetRef, metric specs and targets, and behavior rules, in upstream's
 * order and words. Objects are autoscaling/v2 (the stored version here).
 */
import type { HorizontalPodAutoscaler, HPAScalingRules, MetricSpec, MetricTarget } from 'kubernetes-types/autoscaling/v2';
import type { FieldError } from '../status.ts';
import { Quantity } from '../quantity.ts';
import { field } from './field.ts';
import { nameIsDNSSubdomain, validateObjectMeta, validateObjectMetaUpdate } from './objectMeta.ts';

const METRIC_SOURCE_TYPES = ['ContainerResource', 'External', 'Object', 'Pods', 'Resource'];
const MAX_PERIOD_SECONDS = 1800;
const MAX_STABILIZATION_WINDOW_SECONDS = 3600;

/** pathSegmentErrors is IsValidPathSegmentName: a name used in a URL path. */
function pathSegmentErrors(name: string): string[] {
  if (name === '.' || name === '..') return [`may not be '${name}'`];
  const out: string[] = [];
  if (name.includes('/')) out.push("may not contain '/'");
  if (name.includes('%')) out.push("may not contain '%'");
  return out;
}

function validateCrossVersionObjectReference(ref: { kind?: string; name?: string } | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!ref?.kind) errs.push(field.required(`${path}.kind`));
  else for (const msg of pathSegmentErrors(ref.kind)) errs.push(field.invalid(`${path}.kind`, ref.kind, msg));
  if (!ref?.name) errs.push(field.required(`${path}.name`));
  else for (const msg of pathSegmentErrors(ref.name)) errs.push(field.invalid(`${path}.name`, ref.name, msg));
  return errs;
}

function positive(q: string | number | undefined): boolean {
  try {
    return Quantity.parse(q ?? '0').sign() === 1;
  } catch {
    return false;
  }
}

function validateMetricTarget(t: MetricTarget | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const type = t?.type ?? '';
  if (type === '') errs.push(field.required(`${path}.type`, 'must specify a metric target type'));
  if (type !== 'Utilization' && type !== 'Value' && type !== 'AverageValue') {
    errs.push(field.invalid(`${path}.type`, type, 'must be either Utilization, Value, or AverageValue'));
  }
  if (t?.value !== undefined && !positive(t.value)) errs.push(field.invalid(`${path}.value`, t.value, 'must be positive'));
  if (t?.averageValue !== undefined && !positive(t.averageValue)) errs.push(field.invalid(`${path}.averageValue`, t.averageValue, 'must be positive'));
  if (t?.averageUtilization !== undefined && t.averageUtilization < 1) {
    errs.push(field.invalid(`${path}.averageUtilization`, t.averageUtilization, 'must be greater than 0'));
  }
  return errs;
}

function validateResourceSource(src: { name?: string; target?: MetricTarget }, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!src.name) errs.push(field.required(`${path}.name`, 'must specify a resource name'));
  errs.push(...validateMetricTarget(src.target, `${path}.target`));
  if (src.target?.averageUtilization === undefined && src.target?.averageValue === undefined) {
    errs.push(field.required(`${path}.target.averageUtilization`, 'must set either a target raw value or a target utilization'));
  }
  if (src.target?.averageUtilization !== undefined && src.target?.averageValue !== undefined) {
    errs.push(field.forbidden(`${path}.target.averageValue`, 'may not set both a target raw value and a target utilization'));
  }
  return errs;
}

/** SOURCE_FIELDS maps each metric type to the member that must carry it. */
const SOURCE_FIELDS: Record<string, keyof MetricSpec> = {
  ContainerResource: 'containerResource',
  External: 'external',
  Object: 'object',
  Pods: 'pods',
  Resource: 'resource',
};

function validateMetricSpec(spec: MetricSpec, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const type = spec.type ?? '';
  if (type === '') errs.push(field.required(`${path}.type`, 'must specify a metric source type'));
  if (!METRIC_SOURCE_TYPES.includes(type)) errs.push(field.notSupported(`${path}.type`, type, METRIC_SOURCE_TYPES));
  const present = (Object.values(SOURCE_FIELDS) as (keyof MetricSpec)[]).filter((k) => spec[k] !== undefined && spec[k] !== null);
  if (spec.resource) errs.push(...validateResourceSource(spec.resource, `${path}.resource`));
  if (spec.containerResource) {
    errs.push(...validateResourceSource(spec.containerResource, `${path}.containerResource`));
    if (!spec.containerResource.container) errs.push(field.required(`${path}.containerResource.container`, 'must specify a container'));
  }
  if (spec.pods) errs.push(...validateMetricTarget(spec.pods.target, `${path}.pods.target`));
  if (spec.object) errs.push(...validateMetricTarget(spec.object.target, `${path}.object.target`));
  if (spec.external) errs.push(...validateMetricTarget(spec.external.target, `${path}.external.target`));
  const expected = SOURCE_FIELDS[type];
  if (expected && !present.includes(expected)) errs.push(field.required(`${path}.${expected}`, 'must populate information for the given metric source'));
  if (present.length > 1) {
    for (const k of present) if (k !== expected) errs.push(field.forbidden(`${path}.${k}`, 'must populate the given metric source only'));
  }
  return errs;
}

function validateScalingRules(rules: HPAScalingRules | undefined, path: string): FieldError[] {
  if (!rules) return [];
  const errs: FieldError[] = [];
  const w = rules.stabilizationWindowSeconds;
  if (w !== undefined && w < 0) errs.push(field.invalid(`${path}.stabilizationWindowSeconds`, w, 'must be greater than or equal to zero'));
  if (w !== undefined && w > MAX_STABILIZATION_WINDOW_SECONDS) {
    errs.push(field.invalid(`${path}.stabilizationWindowSeconds`, w, `must be less than or equal to ${MAX_STABILIZATION_WINDOW_SECONDS}`));
  }
  const select = rules.selectPolicy;
  if (select !== undefined && !['Max', 'Min', 'Disabled'].includes(select)) {
    errs.push(field.notSupported(`${path}.selectPolicy`, select, ['Disabled', 'Max', 'Min']));
  }
  const policies = rules.policies ?? [];
  if (policies.length === 0) errs.push(field.required(`${path}.policies`, 'must specify at least one Policy'));
  policies.forEach((p, i) => {
    const pp = `${path}.policies[${i}]`;
    if (p.type !== 'Pods' && p.type !== 'Percent') errs.push(field.notSupported(`${pp}.type`, p.type, ['Percent', 'Pods']));
    if (!(p.value > 0)) errs.push(field.invalid(`${pp}.value`, p.value, 'must be greater than zero'));
    if (!(p.periodSeconds > 0)) errs.push(field.invalid(`${pp}.periodSeconds`, p.periodSeconds, 'must be greater than zero'));
    if (p.periodSeconds > MAX_PERIOD_SECONDS) errs.push(field.invalid(`${pp}.periodSeconds`, p.periodSeconds, `must be less than or equal to ${MAX_PERIOD_SECONDS}`));
  });
  return errs;
}

function validateSpec(hpa: HorizontalPodAutoscaler): FieldError[] {
  const spec = hpa.spec;
  const errs: FieldError[] = [];
  const min = spec?.minReplicas;
  const max = spec?.maxReplicas ?? 0;
  // The HPAScaleToZero feature gate is off by default: the lower bound is 1.
  if (min !== undefined && min < 1) errs.push(field.invalid('spec.minReplicas', min, 'must be greater than or equal to 1'));
  if (max < 1) errs.push(field.invalid('spec.maxReplicas', max, 'must be greater than 0'));
  if (min !== undefined && max < min) errs.push(field.invalid('spec.maxReplicas', max, 'must be greater than or equal to `minReplicas`'));
  errs.push(...validateCrossVersionObjectReference(spec?.scaleTargetRef, 'spec.scaleTargetRef'));
  (spec?.metrics ?? []).forEach((m, i) => errs.push(...validateMetricSpec(m, `spec.metrics[${i}]`)));
  errs.push(...validateScalingRules(spec?.behavior?.scaleUp, 'spec.behavior.scaleUp'));
  errs.push(...validateScalingRules(spec?.behavior?.scaleDown, 'spec.behavior.scaleDown'));
  return errs;
}

/** validateHorizontalPodAutoscaler checks an HPA on create. */
export function validateHorizontalPodAutoscaler(hpa: HorizontalPodAutoscaler): FieldError[] {
  return [...validateObjectMeta(hpa.metadata, true, nameIsDNSSubdomain), ...validateSpec(hpa)];
}

/** validateHorizontalPodAutoscalerUpdate checks an HPA on update. */
export function validateHorizontalPodAutoscalerUpdate(hpa: HorizontalPodAutoscaler, old: HorizontalPodAutoscaler): FieldError[] {
  return [...validateObjectMetaUpdate(hpa.metadata, old.metadata), ...validateSpec(hpa)];
}

/** validateHorizontalPodAutoscalerStatusUpdate checks writes to /status (replica counts never negative). */
export function validateHorizontalPodAutoscalerStatusUpdate(hpa: HorizontalPodAutoscaler, old: HorizontalPodAutoscaler): FieldError[] {
  const errs = validateObjectMetaUpdate(hpa.metadata, old.metadata);
  const st = hpa.status;
  if ((st?.currentReplicas ?? 0) < 0) errs.push(field.invalid('status.currentReplicas', st!.currentReplicas, 'must be greater than or equal to 0'));
  // NOTE: upstream's path really is misspelt "desiredReplicasa".
  if ((st?.desiredReplicas ?? 0) < 0) errs.push(field.invalid('status.desiredReplicasa', st!.desiredReplicas, 'must be greater than or equal to 0'));
  return errs;
}
