/**
 * ObjectMeta validation, modelled on k8s.io/apimachinery/pkg/api/validation/objectmeta.go
 * (ValidateObjectMetaAccessor, ValidateObjectMetaAccessorUpdate) at v1.32, plus the
 * name validators each kind passes in (pkg/apis/core/validation NameIsDNSSubdomain, ...).
 */
import type { ObjectMeta, OwnerReference } from 'kubernetes-types/meta/v1';
import type { FieldError } from '../status.ts';
import { deepEqual } from '../equality.ts';
import { validateAnnotations, validateLabels } from '../labelValidation.ts';
import { isDNS1035Label, isDNS1123Label, isDNS1123Subdomain, isQualifiedName } from '../nameValidation.ts';
import { FIELD_IMMUTABLE_ERROR_MSG, field, invalidEach, validateNonnegativeField } from './field.ts';

/** NameValidator returns upstream's messages for a bad name; prefix=true validates a generateName. */
export type NameValidator = (name: string, prefix: boolean) => string[];

/** maskTrailingDash lets a generateName end in '-', as upstream's prefix validation does. */
function maskTrailingDash(name: string): string {
  return name.length > 1 && name.endsWith('-') ? `${name.slice(0, -2)}a` : name;
}

/** nameIsDNSSubdomain is the name rule of most kinds (Pod, ConfigMap, Deployment, ...). */
export const nameIsDNSSubdomain: NameValidator = (name, prefix) => isDNS1123Subdomain(prefix ? maskTrailingDash(name) : name);

/** nameIsDNSLabel is the name rule of Namespaces. */
export const nameIsDNSLabel: NameValidator = (name, prefix) => isDNS1123Label(prefix ? maskTrailingDash(name) : name);

/** nameIsDNS1035Label is the name rule of Services (they become DNS names and env var prefixes). */
export const nameIsDNS1035Label: NameValidator = (name, prefix) => isDNS1035Label(prefix ? maskTrailingDash(name) : name);

/** validateImmutableField: `Invalid value: <new>: field is immutable` when new and old differ. */
export function validateImmutableField(newVal: unknown, oldVal: unknown, path: string, shown: unknown = newVal): FieldError[] {
  return deepEqual(newVal, oldVal) ? [] : [field.invalid(path, shown, FIELD_IMMUTABLE_ERROR_MSG)];
}

/** validateObjectMeta checks metadata on create (name generation has already happened). */
export function validateObjectMeta(meta: ObjectMeta | undefined, namespaced: boolean, nameFn: NameValidator, path = 'metadata'): FieldError[] {
  const m = meta ?? {};
  const errs: FieldError[] = [];
  if (m.generateName) errs.push(...invalidEach(`${path}.generateName`, m.generateName, nameFn(m.generateName, true)));
  if (!m.name) errs.push(field.required(`${path}.name`, 'name or generateName is required'));
  else errs.push(...invalidEach(`${path}.name`, m.name, nameFn(m.name, false)));
  if (namespaced) {
    if (!m.namespace) errs.push(field.required(`${path}.namespace`));
    else errs.push(...invalidEach(`${path}.namespace`, m.namespace, nameIsDNSLabel(m.namespace, false)));
  } else if (m.namespace) {
    errs.push(field.forbidden(`${path}.namespace`, 'not allowed on this type'));
  }
  errs.push(...validateNonnegativeField(m.generation, `${path}.generation`));
  errs.push(...validateLabels(m.labels, `${path}.labels`));
  errs.push(...validateAnnotations(m.annotations, `${path}.annotations`));
  errs.push(...validateOwnerReferences(m.ownerReferences, `${path}.ownerReferences`));
  errs.push(...validateFinalizers(m.finalizers, `${path}.finalizers`));
  return errs;
}

/** validateObjectMetaUpdate checks metadata on update: identity fields are immutable. */
export function validateObjectMetaUpdate(newMeta: ObjectMeta | undefined, oldMeta: ObjectMeta | undefined, path = 'metadata'): FieldError[] {
  const n = newMeta ?? {};
  const o = oldMeta ?? {};
  const errs: FieldError[] = [];
  if (o.deletionTimestamp) {
    const extra = [...new Set(n.finalizers ?? [])].filter((f) => !(o.finalizers ?? []).includes(f)).sort();
    if (extra.length > 0) {
      errs.push(
        field.forbidden(
          `${path}.finalizers`,
          `no new finalizers can be added if the object is being deleted, found new finalizers []string{${extra.map((f) => JSON.stringify(f)).join(', ')}}`,
        ),
      );
    }
  }
  if (!n.resourceVersion) errs.push(field.invalid(`${path}.resourceVersion`, n.resourceVersion ?? '', 'must be specified for an update'));
  if ((n.generation ?? 0) < (o.generation ?? 0)) errs.push(field.invalid(`${path}.generation`, n.generation ?? 0, 'must not be decremented'));
  errs.push(...validateImmutableField(n.name ?? '', o.name ?? '', `${path}.name`));
  errs.push(...validateImmutableField(n.namespace ?? '', o.namespace ?? '', `${path}.namespace`));
  errs.push(...validateImmutableField(n.uid ?? '', o.uid ?? '', `${path}.uid`));
  errs.push(...validateImmutableField(n.creationTimestamp, o.creationTimestamp, `${path}.creationTimestamp`));
  errs.push(...validateImmutableField(n.deletionTimestamp, o.deletionTimestamp, `${path}.deletionTimestamp`));
  errs.push(...validateImmutableField(n.deletionGracePeriodSeconds, o.deletionGracePeriodSeconds, `${path}.deletionGracePeriodSeconds`));
  // A map or list that is the stored object's own (frozen, shared by a status write) was
  // validated when it was stored, and these checks depend on nothing else: the result
  // cannot differ, so it is not computed again on every status write.
  if (n.labels !== o.labels) errs.push(...validateLabels(n.labels, `${path}.labels`));
  if (n.annotations !== o.annotations) errs.push(...validateAnnotations(n.annotations, `${path}.annotations`));
  if (n.ownerReferences !== o.ownerReferences) errs.push(...validateOwnerReferences(n.ownerReferences, `${path}.ownerReferences`));
  if (n.finalizers !== o.finalizers) errs.push(...validateFinalizers(n.finalizers, `${path}.finalizers`));
  return errs;
}

/** validateOwnerReferences checks each reference and that at most one is the controller. */
function validateOwnerReferences(refs: OwnerReference[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let firstController = '';
  for (const ref of refs ?? []) {
    const slash = (ref.apiVersion ?? '').indexOf('/');
    const version = slash < 0 ? ref.apiVersion : ref.apiVersion.slice(slash + 1);
    if (!version) errs.push(field.invalid(`${path}.apiVersion`, ref.apiVersion ?? '', 'version must not be empty'));
    if (!ref.kind) errs.push(field.invalid(`${path}.kind`, ref.kind ?? '', 'must not be empty'));
    if (!ref.name) errs.push(field.invalid(`${path}.name`, ref.name ?? '', 'must not be empty'));
    if (!ref.uid) errs.push(field.invalid(`${path}.uid`, ref.uid ?? '', 'must not be empty'));
    if (ref.controller) {
      const current = `${ref.kind}/${ref.name}`;
      if (firstController) {
        errs.push(
          field.invalid(
            path,
            refs,
            `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${current}`,
          ),
        );
      } else {
        firstController = current;
      }
    }
  }
  return errs;
}

/** validateFinalizers checks names are qualified and that orphan/foreground are not both set. */
function validateFinalizers(finalizers: string[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of finalizers ?? []) errs.push(...invalidEach(path, f, isQualifiedName(f)));
  if (finalizers?.includes('orphan') && finalizers.includes('foregroundDeletion')) {
    errs.push(field.invalid(path, finalizers, 'finalizer orphan and foregroundDeletion cannot be both set'));
  }
  return errs;
}
