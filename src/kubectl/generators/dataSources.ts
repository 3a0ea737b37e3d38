/**
 * The --from-literal / --from-file / --from-env-file sources shared by `create configmap`
 * and `create secret generic|docker-registry` (staging/src/k8s.io/kubectl/pkg/util/hash and
 * pkg/cmd/create/create_configmap.go, create_secret.go, cmd/util/env_file.go).
 */
import type { GeneratorContext } from './context.ts';
import { UsageError } from './usageError.ts';

/** DataSourceFlags are the source flags common to configmaps and secrets. */
export interface DataSourceFlags {
  /** --from-file (StringSlice): "path" (key = basename) or "key=path". */
  fromFile?: string[];
  /** --from-literal (StringArray): "key=value", split at the first '='. */
  fromLiteral?: string[];
  /** --from-env-file (StringSlice): files of KEY=VALUE lines. */
  fromEnvFile?: string[];
}

/** configKeyErrors mirrors apimachinery validation.IsConfigMapKey. */
export function configKeyErrors(key: string): string[] {
  const errs: string[] = [];
  if (key.length > 253) errs.push('must be no more than 253 characters');
  if (!/^[-._a-zA-Z0-9]+$/.test(key)) {
    errs.push(
      "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
    );
  }
  if (key === '.') errs.push("must not be '.'");
  else if (key === '..') errs.push("must not be '..'");
  else if (key.startsWith('..')) errs.push("must not start with '..'");
  return errs;
}

/** envVarNameErrors mirrors validation.IsEnvVarName (used for env-file keys). */
function envVarNameErrors(key: string): string[] {
  const errs: string[] = [];
  if (!/^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(key)) {
    errs.push(
      "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')",
    );
  }
  if (key === '.') errs.push("must not be '.'");
  else if (key === '..') errs.push("must not be '..'");
  else if (key.startsWith('..')) errs.push("must not start with '..'");
  return errs;
}

/**
 * collectData reads every source into an ordered key → value map for `kind`
 * ("ConfigMap" or "Secret") named `name`, failing like kubectl on bad or duplicate keys.
 * NOTE: file contents are text; binary files (ConfigMap binaryData) are not modelled, nor
 * is --from-file=DIRECTORY.
 */
export function collectData(kind: string, name: string, flags: DataSourceFlags, ctx?: GeneratorContext): Record<string, string> {
  const fromFile = flags.fromFile ?? [];
  const fromLiteral = flags.fromLiteral ?? [];
  const fromEnvFile = flags.fromEnvFile ?? [];
  if (fromEnvFile.length > 0 && (fromFile.length > 0 || fromLiteral.length > 0)) {
    throw new UsageError('from-env-file cannot be combined with from-file or from-literal');
  }
  const data: Record<string, string> = {};
  const add = (key: string, value: string): void => {
    const errs = configKeyErrors(key);
    if (errs.length > 0) throw new UsageError(`${JSON.stringify(key)} is not a valid key name for a ${kind}: ${errs.join(';')}`);
    if (key in data) throw new UsageError(`cannot add key ${JSON.stringify(key)}, another key by that name already exists in Data for ${kind} ${JSON.stringify(name)}`);
    data[key] = value;
  };
  for (const source of fromFile) {
    const eq = source.indexOf('=');
    const key = eq < 0 ? (source.split('/').filter(Boolean).pop() ?? source) : source.slice(0, eq);
    const path = eq < 0 ? source : source.slice(eq + 1);
    if (eq >= 0 && (key === '' || path === '')) throw new UsageError(`key names or file paths cannot be empty`);
    add(key, readOrFail(path, ctx));
  }
  for (const literal of fromLiteral) {
    const eq = literal.indexOf('=');
    if (eq <= 0) throw new UsageError(`invalid literal source ${literal}, expected key=value`);
    add(literal.slice(0, eq), literal.slice(eq + 1));
  }
  for (const path of fromEnvFile) {
    for (const [key, value] of parseEnvFile(readOrFail(path, ctx), ctx)) add(key, value);
  }
  return data;
}

function readOrFail(path: string, ctx: GeneratorContext | undefined): string {
  const text = ctx?.readFile?.(path);
  if (text === undefined) throw new UsageError(`error reading ${path}: no such file or directory`);
  return text;
}

/**
 * parseEnvFile follows cmd/util/env_file.go: leading space trimmed, blank and '#' lines
 * skipped, split at the first '='; a bare KEY takes its value from the environment.
 */
export function parseEnvFile(text: string, ctx?: GeneratorContext): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  for (const raw of lines) {
    const line = raw.replace(/\r$/, '').replace(/^\s+/, '');
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    const key = eq < 0 ? line : line.slice(0, eq);
    const errs = envVarNameErrors(key);
    if (errs.length > 0) throw new UsageError(`${JSON.stringify(key)} is not a valid key name: ${errs.join(';')}`);
    if (eq >= 0) out.push([key, line.slice(eq + 1)]);
    else {
      const value = ctx?.getEnv?.(key);
      if (value !== undefined) out.push([key, value]);
    }
  }
  return out;
}
