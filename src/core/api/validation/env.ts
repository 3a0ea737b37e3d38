/**
 * Environment validation (ValidateEnv, validateEnvVarValueFrom, ValidateEnvFrom in
 * pkg/apis/core/validation/validation.go, v1.32). RelaxedEnvironmentVariableValidation
 * is beta and on in v1.32, so names only need to be printable ASCII without '='.
 */
import type { EnvFromSource, EnvVar, ObjectFieldSelector } from 'kubernetes-types/core/v1';
import type { FieldError } from '../status.ts';
import { emptyError, isConfigMapKey, isDNS1123Subdomain } from '../nameValidation.ts';
import { field, invalidEach } from './field.ts';

const RELAXED_ENV_VAR_NAME_MSG = "a valid environment variable name must consist only of printable ASCII characters other than '='";

/** isRelaxedEnvVarName mirrors validation.IsRelaxedEnvVarName. */
export function isRelaxedEnvVarName(value: string): string[] {
  const errs: string[] = [];
  if (value.length === 0) errs.push(`environment variable name ${emptyError()}`);
  if (/[^\x20-\x7e]|=/.test(value)) errs.push(RELAXED_ENV_VAR_NAME_MSG);
  return errs;
}

/** Field paths the downward API may expose through env (validEnvDownwardAPIFieldPathExpressions), sorted. */
const ENV_FIELD_PATHS = [
  'metadata.annotations',
  'metadata.labels',
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.serviceAccountName',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
];

/** Field labels podshelper.ConvertDownwardAPIFieldLabel understands at all. */
const CONVERTIBLE_FIELD_PATHS = new Set([
  ...ENV_FIELD_PATHS,
  'spec.restartPolicy',
  'spec.schedulerName',
  'status.phase',
]);

/** validateObjectFieldSelector checks a fieldRef against the paths allowed in this context. */
export function validateObjectFieldSelector(fs: ObjectFieldSelector, allowed: readonly string[], path: string): FieldError[] {
  if (!fs.apiVersion) return [field.required(`${path}.apiVersion`)];
  if (!fs.fieldPath) return [field.required(`${path}.fieldPath`)];
  const subscripted = /^(metadata\.(?:labels|annotations))\['(.*)'\]$/.exec(fs.fieldPath);
  if (subscripted) return [];
  if (!CONVERTIBLE_FIELD_PATHS.has(fs.fieldPath)) {
    return [field.invalid(`${path}.fieldPath`, fs.fieldPath, `error converting fieldPath: field label not supported: ${fs.fieldPath}`)];
  }
  if (!allowed.includes(fs.fieldPath)) return [field.notSupported(`${path}.fieldPath`, fs.fieldPath, allowed)];
  return [];
}

/** validateKeySelector checks configMapKeyRef/secretKeyRef: a DNS subdomain name and a valid key. */
function validateKeySelector(ref: { name?: string; key: string }, path: string): FieldError[] {
  const errs = invalidEach(`${path}.name`, ref.name ?? '', isDNS1123Subdomain(ref.name ?? ''));
  if (!ref.key) errs.push(field.required(`${path}.key`));
  else errs.push(...invalidEach(`${path}.key`, ref.key, isConfigMapKey(ref.key)));
  return errs;
}

/** validateEnv checks each env var's name and its valueFrom. */
export function validateEnv(env: EnvVar[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (env ?? []).forEach((ev, i) => {
    const p = `${path}[${i}]`;
    if (!ev.name) errs.push(field.required(`${p}.name`));
    errs.push(...invalidEach(`${p}.name`, ev.name ?? '', isRelaxedEnvVarName(ev.name ?? '')));
    errs.push(...validateEnvVarValueFrom(ev, `${p}.valueFrom`));
  });
  return errs;
}

function validateEnvVarValueFrom(ev: EnvVar, path: string): FieldError[] {
  const from = ev.valueFrom;
  if (!from) return [];
  const errs: FieldError[] = [];
  let sources = 0;
  if (from.fieldRef) {
    sources++;
    errs.push(...validateObjectFieldSelector(from.fieldRef, ENV_FIELD_PATHS, `${path}.fieldRef`));
  }
  if (from.resourceFieldRef) {
    sources++;
    if (!from.resourceFieldRef.resource) errs.push(field.required(`${path}.resourceFieldRef.resource`));
  }
  if (from.configMapKeyRef) {
    sources++;
    errs.push(...validateKeySelector(from.configMapKeyRef, `${path}.configMapKeyRef`));
  }
  if (from.secretKeyRef) {
    sources++;
    errs.push(...validateKeySelector(from.secretKeyRef, `${path}.secretKeyRef`));
  }
  if (sources === 0) {
    errs.push(field.invalid(path, '', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'));
  } else if (ev.value) {
    errs.push(field.invalid(path, '', 'may not be specified when `value` is not empty'));
  } else if (sources > 1) {
    errs.push(field.invalid(path, '', 'may not have more than one field specified at a time'));
  }
  return errs;
}

/** validateEnvFrom checks each envFrom source: a prefix that is a valid env name, and exactly one of configMapRef/secretRef. */
export function validateEnvFrom(envFrom: EnvFromSource[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (envFrom ?? []).forEach((ev, i) => {
    const p = `${path}[${i}]`;
    if (ev.prefix) errs.push(...invalidEach(`${p}.prefix`, ev.prefix, isRelaxedEnvVarName(ev.prefix)));
    let sources = 0;
    if (ev.configMapRef) {
      sources++;
      errs.push(...invalidEach(`${p}.configMapRef.name`, ev.configMapRef.name ?? '', isDNS1123Subdomain(ev.configMapRef.name ?? '')));
    }
    if (ev.secretRef) {
      sources++;
      errs.push(...invalidEach(`${p}.secretRef.name`, ev.secretRef.name ?? '', isDNS1123Subdomain(ev.secretRef.name ?? '')));
    }
    if (sources === 0) errs.push(field.invalid(p, '', 'must specify one of: `configMapRef` or `secretRef`'));
    else if (sources > 1) errs.push(field.invalid(p, '', 'may not have more than one field specified at a time'));
  });
  return errs;
}
