/**
 * `kubectl create secret generic|tls|docker-registry NAME ...`
 *
 * Models create_secret.go, create_secret_tls.go and create_secret_docker.go. Secret.data
 * values are bytes, which Go marshals as base64; keys print sorted.
 */
import type { GeneratorContext } from './context.ts';
import { collectData, type DataSourceFlags } from './dataSources.ts';
import { base64String } from '../../core/api/encoding.ts';
import { objectMeta, sortedRecord, type GeneratedObject } from './meta.ts';
import { UsageError, exactlyOneName } from './usageError.ts';

/** SecretGenericFlags are the parsed flags of `create secret generic`. */
export interface SecretGenericFlags extends DataSourceFlags {
  /** --type: Secret.type (omitted when empty). */
  type?: string;
}

/** SecretTLSFlags are the parsed flags of `create secret tls`. */
export interface SecretTLSFlags {
  /** --cert: path to a PEM certificate. */
  cert?: string;
  /** --key: path to a PEM private key. */
  key?: string;
}

/** SecretDockerRegistryFlags are the parsed flags of `create secret docker-registry`. */
export interface SecretDockerRegistryFlags {
  /** --docker-server (default "https://index.docker.io/v1/"). */
  dockerServer?: string;
  /** --docker-username. */
  dockerUsername?: string;
  /** --docker-password. */
  dockerPassword?: string;
  /** --docker-email (left out of the config when empty). */
  dockerEmail?: string;
  /** --from-file (StringSlice): "[key=]path", e.g. .dockerconfigjson=~/.docker/config.json. */
  fromFile?: string[];
}

function secret(name: string, ctx: GeneratorContext | undefined, data: Record<string, string>, type: string): GeneratedObject {
  const obj: GeneratedObject = { kind: 'Secret', apiVersion: 'v1', metadata: objectMeta(name, ctx) };
  if (Object.keys(data).length > 0) {
    const encoded: Record<string, string> = {};
    for (const [k, v] of Object.entries(data)) encoded[k] = base64String(v);
    obj.data = sortedRecord(encoded);
  }
  if (type !== '') obj.type = type;
  return obj;
}

/** generateSecretGeneric builds the Secret of `create secret generic`. */
export function generateSecretGeneric(args: string[], flags: SecretGenericFlags, ctx?: GeneratorContext): GeneratedObject {
  const name = exactlyOneName(args);
  return secret(name, ctx, collectData('Secret', name, flags, ctx), flags.type ?? '');
}

/**
 * generateSecretTLS builds a kubernetes.io/tls Secret from a cert and key file.
 * NOTE: kubectl also checks that the pair matches (tls.X509KeyPair); we only check PEM shape.
 */
export function generateSecretTLS(args: string[], flags: SecretTLSFlags, ctx?: GeneratorContext): GeneratedObject {
  const name = exactlyOneName(args);
  if (!flags.cert || !flags.key) throw new UsageError('key and cert must be specified');
  const read = (path: string): string => {
    const text = ctx?.readFile?.(path);
    if (text === undefined) throw new UsageError(`open ${path}: no such file or directory`);
    return text;
  };
  const cert = read(flags.cert);
  const key = read(flags.key);
  if (!cert.includes('-----BEGIN CERTIFICATE-----')) throw new UsageError('failed to load key pair tls: failed to find any PEM data in certificate input');
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(key)) throw new UsageError('failed to load key pair tls: failed to find any PEM data in key input');
  return secret(name, ctx, { 'tls.crt': cert, 'tls.key': key }, 'kubernetes.io/tls');
}

/** goJSON marshals like Go's encoding/json, which escapes <, > and & for HTML safety. */
function goJSON(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** generateSecretDockerRegistry builds a kubernetes.io/dockerconfigjson Secret. */
export function generateSecretDockerRegistry(args: string[], flags: SecretDockerRegistryFlags, ctx?: GeneratorContext): GeneratedObject {
  const name = exactlyOneName(args);
  const fromFile = flags.fromFile ?? [];
  const server = flags.dockerServer ?? 'https://index.docker.io/v1/';
  if (fromFile.length === 0 && (!flags.dockerUsername || !flags.dockerPassword || !server)) {
    throw new UsageError('either --from-file or the combination of --docker-username, --docker-password and --docker-server is required');
  }
  if (fromFile.length > 0) {
    return secret(name, ctx, collectData('Secret', name, { fromFile }, ctx), 'kubernetes.io/dockerconfigjson');
  }
  const entry: Record<string, string> = { username: flags.dockerUsername ?? '', password: flags.dockerPassword ?? '' };
  if (flags.dockerEmail) entry.email = flags.dockerEmail;
  entry.auth = base64String(`${flags.dockerUsername}:${flags.dockerPassword}`);
  const config = goJSON({ auths: { [server]: entry } });
  return secret(name, ctx, { '.dockerconfigjson': config }, 'kubernetes.io/dockerconfigjson');
}
