/**
 * ConfigMap and Secret validation: ValidateConfigMap(Update) and ValidateSecret(Update)
 * in pkg/apis/core/validation/validation.go (v1.32).
 */
import type { ConfigMap, Secret } from 'kubernetes-types/core/v1';
import type { FieldError } from '../status.ts';
import { base64DecodedLength, utf8Length } from '../encoding.ts';
import { deepEqual } from '../equality.ts';
import { isConfigMapKey } from '../nameValidation.ts';
import { field, invalidEach } from './field.ts';
import { nameIsDNSSubdomain, validateImmutableField, validateObjectMeta, validateObjectMetaUpdate } from './objectMeta.ts';

/** MAX_SECRET_SIZE is core.MaxSecretSize, 1 MiB, also the ConfigMap limit. */
export const MAX_SECRET_SIZE = 1024 * 1024;

const IMMUTABLE_WHEN_SET = 'field is immutable when `immutable` is set';

/** validateConfigMap checks keys of data and binaryData, duplicates between them, and the 1 MiB limit. */
export function validateConfigMap(cm: ConfigMap): FieldError[] {
  const errs = validateObjectMeta(cm.metadata, true, nameIsDNSSubdomain);
  let total = 0;
  for (const [key, value] of Object.entries(cm.data ?? {})) {
    errs.push(...invalidEach(`data[${key}]`, key, isConfigMapKey(key)));
    if (cm.binaryData && key in cm.binaryData) errs.push(field.invalid(`data[${key}]`, key, 'duplicate of key present in binaryData'));
    total += utf8Length(value);
  }
  for (const [key, value] of Object.entries(cm.binaryData ?? {})) {
    errs.push(...invalidEach(`binaryData[${key}]`, key, isConfigMapKey(key)));
    total += base64DecodedLength(value);
  }
  if (total > MAX_SECRET_SIZE) errs.push(field.tooLong('', '', MAX_SECRET_SIZE));
  return errs;
}

/** validateConfigMapUpdate: an immutable ConfigMap keeps its data. */
export function validateConfigMapUpdate(cm: ConfigMap, old: ConfigMap): FieldError[] {
  const errs = validateObjectMetaUpdate(cm.metadata, old.metadata);
  if (old.immutable) {
    if (!cm.immutable) errs.push(field.forbidden('immutable', IMMUTABLE_WHEN_SET));
    if (!deepEqual(cm.data, old.data)) errs.push(field.forbidden('data', IMMUTABLE_WHEN_SET));
    if (!deepEqual(cm.binaryData, old.binaryData)) errs.push(field.forbidden('binaryData', IMMUTABLE_WHEN_SET));
  }
  errs.push(...validateConfigMap(cm));
  return errs;
}

/** validateSecret checks keys, size, and the keys each well-known type requires. */
export function validateSecret(secret: Secret): FieldError[] {
  const errs = validateObjectMeta(secret.metadata, true, nameIsDNSSubdomain);
  const data = secret.data ?? {};
  let total = 0;
  for (const [key, value] of Object.entries(data)) {
    errs.push(...invalidEach(`data[${key}]`, key, isConfigMapKey(key)));
    total += base64DecodedLength(value);
  }
  if (total > MAX_SECRET_SIZE) errs.push(field.tooLong('data', '', MAX_SECRET_SIZE));
  const has = (k: string) => k in data;
  switch (secret.type) {
    case 'kubernetes.io/service-account-token':
      if (!secret.metadata?.annotations?.['kubernetes.io/service-account.name']) {
        errs.push(field.required('metadata.annotations[kubernetes.io/service-account.name]'));
      }
      break;
    case 'kubernetes.io/dockercfg':
      if (!has('.dockercfg')) errs.push(field.required('data[.dockercfg]'));
      break;
    case 'kubernetes.io/dockerconfigjson':
      if (!has('.dockerconfigjson')) errs.push(field.required('data[.dockerconfigjson]'));
      break;
    case 'kubernetes.io/basic-auth':
      if (!has('username') && !has('password')) {
        errs.push(field.required('data[username]'), field.required('data[password]'));
      }
      break;
    case 'kubernetes.io/ssh-auth':
      if (!data['ssh-privatekey']) errs.push(field.required('data[ssh-privatekey]'));
      break;
    case 'kubernetes.io/tls':
      if (!has('tls.crt')) errs.push(field.required('data[tls.crt]'));
      if (!has('tls.key')) errs.push(field.required('data[tls.key]'));
      break;
  }
  return errs;
}

/** validateSecretUpdate: type is immutable, and an immutable Secret keeps its data. */
export function validateSecretUpdate(secret: Secret, old: Secret): FieldError[] {
  const errs = validateObjectMetaUpdate(secret.metadata, old.metadata);
  errs.push(...validateImmutableField(secret.type ?? '', old.type ?? '', 'type'));
  if (old.immutable) {
    if (!secret.immutable) errs.push(field.forbidden('immutable', IMMUTABLE_WHEN_SET));
    if (!deepEqual(secret.data, old.data)) errs.push(field.forbidden('data', IMMUTABLE_WHEN_SET));
  }
  errs.push(...validateSecret(secret));
  return errs;
}
