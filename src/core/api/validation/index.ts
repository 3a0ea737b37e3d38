/**
 * Validators by `group/kind` ("" group for core, so core kinds are keyed "/Pod"): what
 * the API server runs after defaulting, on create (`validate`) and update
 * (`validateUpdate`). Each returns field errors in upstream's order; `invalid()` in
 * ../status.ts renders them as the 422 Status.
 */
import type { FieldError } from '../status.ts';
import type { KubeObject } from '../types.ts';
import { validateDeployment, validateDeploymentUpdate, validateReplicaSet, validateReplicaSetUpdate } from './apps.ts';
import { validateCronJob, validateCronJobUpdate, validateJob, validateJobStatusUpdate, validateJobUpdate } from './batch.ts';
import { validateHorizontalPodAutoscaler, validateHorizontalPodAutoscalerStatusUpdate, validateHorizontalPodAutoscalerUpdate } from './autoscaling.ts';
import { validateConfigMap, validateConfigMapUpdate, validateSecret, validateSecretUpdate } from './configData.ts';
import { validatePod, validatePodStatusUpdate, validatePodUpdate } from './pod.ts';
import { validateService, validateServiceUpdate } from './service.ts';
import { validateControllerRevision, validateControllerRevisionUpdate, validateStatefulSet, validateStatefulSetUpdate } from './statefulSet.ts';
import {
  validateEndpointSlice,
  validateEndpointSliceUpdate,
  validateEndpoints,
  validateEndpointsUpdate,
  validateEvent,
  validateEventUpdate,
  validateLease,
  validateLeaseUpdate,
  validateNamespace,
  validateNamespaceUpdate,
  validateNode,
  validateNodeUpdate,
  validateServiceAccount,
  validateServiceAccountUpdate,
} from './simple.ts';

export * from './apps.ts';
export * from './batch.ts';
export * from './configData.ts';
export { field, FIELD_IMMUTABLE_ERROR_MSG } from './field.ts';
export { goLabelSelector, goStringMap } from './goValue.ts';
export * from './objectMeta.ts';
export * from './pod.ts';
export { validateAffinity, validatePodSpec, validatePodTemplateSpec, validateTolerations } from './podSpec.ts';
export * from './service.ts';
export * from './simple.ts';
export * from './statefulSet.ts';

/** Validator is a kind's pair of validation functions. */
export interface Validator {
  validate: (obj: KubeObject) => FieldError[];
  validateUpdate: (obj: KubeObject, old: KubeObject) => FieldError[];
  /** validateStatusUpdate checks writes to the status subresource, when the kind's status strategy has its own (pods). */
  validateStatusUpdate?: (obj: KubeObject, old: KubeObject) => FieldError[];
}

function pair<T>(
  validate: (obj: T) => FieldError[],
  validateUpdate: (obj: T, old: T) => FieldError[],
  validateStatusUpdate?: (obj: T, old: T) => FieldError[],
): Validator {
  return { validate, validateUpdate, validateStatusUpdate } as unknown as Validator;
}

/** validators maps `group/kind` (e.g. "apps/Deployment", "/Pod") to its validators. */
export const validators: Readonly<Record<string, Validator>> = {
  '/Namespace': pair(validateNamespace, validateNamespaceUpdate),
  '/Node': pair(validateNode, validateNodeUpdate),
  '/Pod': pair(validatePod, validatePodUpdate, validatePodStatusUpdate),
  '/Service': pair(validateService, validateServiceUpdate),
  '/Endpoints': pair(validateEndpoints, validateEndpointsUpdate),
  '/ConfigMap': pair(validateConfigMap, validateConfigMapUpdate),
  '/Secret': pair(validateSecret, validateSecretUpdate),
  '/ServiceAccount': pair(validateServiceAccount, validateServiceAccountUpdate),
  '/Event': pair(validateEvent, validateEventUpdate),
  'discovery.k8s.io/EndpointSlice': pair(validateEndpointSlice, validateEndpointSliceUpdate),
  'apps/Deployment': pair(validateDeployment, validateDeploymentUpdate),
  'apps/ReplicaSet': pair(validateReplicaSet, validateReplicaSetUpdate),
  'apps/StatefulSet': pair(validateStatefulSet, validateStatefulSetUpdate),
  'apps/ControllerRevision': pair(validateControllerRevision, validateControllerRevisionUpdate),
  'coordination.k8s.io/Lease': pair(validateLease, validateLeaseUpdate),
  'autoscaling/HorizontalPodAutoscaler': pair(validateHorizontalPodAutoscaler, validateHorizontalPodAutoscalerUpdate, validateHorizontalPodAutoscalerStatusUpdate),
  'batch/Job': pair(validateJob, validateJobUpdate, validateJobStatusUpdate),
  'batch/CronJob': pair(validateCronJob, validateCronJobUpdate),
};

/** validatorFor returns the validators for a group and kind, or undefined for kinds we do not validate. */
export function validatorFor(group: string, kind: string): Validator | undefined {
  return validators[`${group}/${kind}`];
}
