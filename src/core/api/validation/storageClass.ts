/**
 * StorageClass validation (pkg/apis/storage/validation/validation.go ValidateStorageClass,
 * ValidateStorageClassUpdate, v1.32): a provisioner is required; parameters, provisioner,
 * reclaimPolicy and volumeBindingMode are fixed once created.
 */
import type { FieldError } from '../status.ts';
import type { KubeObject } from '../types.ts';
import { deepEqual } from '../equality.ts';
import { isQualifiedName } from '../nameValidation.ts';
import { field, invalidEach } from './field.ts';
import { nameIsDNSSubdomain, validateImmutableField, validateObjectMeta, validateObjectMetaUpdate } from './objectMeta.ts';

const RECLAIM_POLICIES = ['Delete', 'Retain'];
const BINDING_MODES = ['Immediate', 'WaitForFirstConsumer'];

/** validateStorageClass is ValidateStorageClass. */
export function validateStorageClass(obj: KubeObject): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, false, nameIsDNSSubdomain);
  const provisioner = typeof obj.provisioner === 'string' ? obj.provisioner : '';
  if (provisioner === '') errs.push(field.required('provisioner'));
  else {
    errs.push(...invalidEach('provisioner', provisioner, isQualifiedName(provisioner.toLowerCase())));
  }
  const policy = obj.reclaimPolicy;
  if (policy !== undefined && !RECLAIM_POLICIES.includes(String(policy))) errs.push(field.notSupported('reclaimPolicy', policy, RECLAIM_POLICIES));
  const mode = obj.volumeBindingMode;
  if (mode === undefined) errs.push(field.required('volumeBindingMode'));
  else if (!BINDING_MODES.includes(String(mode))) errs.push(field.notSupported('volumeBindingMode', mode, BINDING_MODES));
  return errs;
}

/** validateStorageClassUpdate is ValidateStorageClassUpdate. */
export function validateStorageClassUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  const errs = validateObjectMetaUpdate(obj.metadata, old.metadata);
  if (!deepEqual(obj.parameters ?? {}, old.parameters ?? {})) errs.push(field.forbidden('parameters', 'updates to parameters are forbidden.'));
  if (obj.provisioner !== old.provisioner) errs.push(field.forbidden('provisioner', 'updates to provisioner are forbidden.'));
  if (obj.reclaimPolicy !== old.reclaimPolicy) errs.push(field.forbidden('reclaimPolicy', 'updates to reclaimPolicy are forbidden.'));
  errs.push(...validateImmutableField(obj.volumeBindingMode, old.volumeBindingMode, 'volumeBindingMode'));
  return errs;
}
