/**
 * Query parameters and request bodies of REST requests, decoded the way
 * k8s.io/apiserver/pkg/endpoints/handlers does: ListOptions, CreateOptions/UpdateOptions/
 * PatchOptions (dryRun, fieldManager, fieldValidation, force) and DeleteOptions (body and query).
 */
import { parse as parseYAML } from 'yaml';
import { badRequest, unsupportedMediaType } from '../../core/api/status.ts';
import type { KubeObject } from '../../core/api/types.ts';
import type { DeleteOptions, ListOptions, WriteOptions } from '../../core/client/client.ts';
import type { IncludeObject } from '../../core/apiserver/tables/index.ts';
import { mediaType } from './negotiation.ts';
import { decodeProtobufObject } from './protobuf.ts';

/** listOptions reads labelSelector, fieldSelector and resourceVersion. `limit` is ignored: we
 * return every item and never a `continue` token, which kubectl accepts (kubectl-wire.md §3.3). */
export function listOptions(query: URLSearchParams): ListOptions {
  const opts: ListOptions = {};
  const label = query.get('labelSelector');
  const field = query.get('fieldSelector');
  const rv = query.get('resourceVersion');
  if (label) opts.labelSelector = label;
  if (field) opts.fieldSelector = field;
  if (rv !== null) opts.resourceVersion = rv;
  return opts;
}

/** isDryRun reads `dryRun=All`; any other value is rejected as upstream does. */
export function isDryRun(query: URLSearchParams): boolean {
  const values = query.getAll('dryRun');
  for (const v of values) {
    if (v !== 'All') throw badRequest(`Invalid dry run value: ${v}: Unsupported value: "${v}": supported values: "All"`);
  }
  return values.length > 0;
}

/** writeOptions reads the query of create, update and patch. fieldValidation defaults to Warn (v1.23+). */
export function writeOptions(query: URLSearchParams): WriteOptions & { force?: boolean } {
  const opts: WriteOptions & { force?: boolean } = { dryRun: isDryRun(query) };
  const manager = query.get('fieldManager');
  if (manager) opts.fieldManager = manager;
  const validation = query.get('fieldValidation') ?? 'Warn';
  if (validation !== 'Strict' && validation !== 'Warn' && validation !== 'Ignore') {
    throw badRequest(`fieldValidation must be one of: Ignore, Warn, Strict (got "${validation}")`);
  }
  opts.fieldValidation = validation;
  if (query.get('force') === 'true') opts.force = true;
  return opts;
}

/** includeObject reads the Table option `includeObject` (Metadata by default). */
export function includeObject(query: URLSearchParams): IncludeObject {
  const v = query.get('includeObject');
  return v === 'None' || v === 'Object' ? v : 'Metadata';
}

/** isWatch tells whether a GET is a watch (`watch=true` or `watch=1`). */
export function isWatch(query: URLSearchParams): boolean {
  const v = query.get('watch');
  return v === 'true' || v === '1';
}

/** decodeBody parses a JSON (or, for apply patches, YAML) body; protobuf goes to the small decoder. */
export function decodeBody(body: Buffer, contentType: string | undefined): unknown {
  const type = mediaType(contentType);
  if (type === 'application/vnd.kubernetes.protobuf') return decodeProtobufObject(body);
  const text = body.toString('utf8');
  if (type === 'application/apply-patch+yaml' || type === 'application/yaml') {
    try {
      return parseYAML(text) as unknown;
    } catch (err) {
      throw badRequest(`error decoding YAML: ${(err as Error).message}`);
    }
  }
  if (type !== '' && !type.startsWith('application/json') && !type.endsWith('+json')) throw unsupportedMediaType(type);
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw badRequest(`couldn't get version/kind; json parse error: ${(err as Error).message}`);
  }
}

/** objectBody requires a JSON object body (create, update). */
export function objectBody(value: unknown): KubeObject {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw badRequest(`Object 'Kind' is missing in '${JSON.stringify(value ?? '')}'`);
  }
  return value as KubeObject;
}

/** deleteOptions merges a DeleteOptions body with the query's propagationPolicy, gracePeriodSeconds and dryRun. */
export function deleteOptions(body: unknown, query: URLSearchParams): DeleteOptions {
  const b = (body && typeof body === 'object' ? body : {}) as {
    propagationPolicy?: DeleteOptions['propagationPolicy'];
    gracePeriodSeconds?: number;
    preconditions?: DeleteOptions['preconditions'];
    orphanDependents?: boolean;
    dryRun?: string[];
  };
  const opts: DeleteOptions = {};
  const policy = query.get('propagationPolicy') ?? b.propagationPolicy ?? (b.orphanDependents === true ? 'Orphan' : undefined);
  if (policy !== undefined && policy !== null) {
    if (policy !== 'Background' && policy !== 'Foreground' && policy !== 'Orphan') {
      throw badRequest(`DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: "${policy}": supported values: "Foreground", "Background", "Orphan", "nil"`);
    }
    opts.propagationPolicy = policy;
  }
  const grace = query.get('gracePeriodSeconds') ?? b.gracePeriodSeconds;
  if (grace !== undefined && grace !== null && grace !== '') opts.gracePeriodSeconds = Number(grace);
  if (b.preconditions) opts.preconditions = b.preconditions;
  if (isDryRun(query) || (b.dryRun ?? []).includes('All')) opts.dryRun = true;
  return opts;
}
