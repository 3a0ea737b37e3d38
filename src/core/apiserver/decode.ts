/**
 * decodeBody: the first step of every write (k8s.io/apiserver's decoding of a request body).
 * It checks apiVersion/kind against the URL, converts from an older served version, rejects
 * unknown fields under strict field validation, and returns a defaulted private copy that the
 * rest of the write path may change.
 */
import { omitEmpty } from '../api/omitEmpty.ts';
import type { ApiSchema } from '../api/schema/index.ts';
import { badRequest } from '../api/status.ts';
import { apiVersionOf, type KubeObject } from '../api/types.ts';
import { thawKeepingFieldsV1 } from './fieldmanager/managedFields.ts';
import type { ResourceDefinition } from './resource.ts';
import { statusBody } from './statusBody.ts';
import { checkDecoding } from './strictFields.ts';

/** decodeBody decodes a write's body for `def`; `statusOnly` keeps only what a status write reads. */
export function decodeBody(
  schema: ApiSchema | undefined,
  def: ResourceDefinition,
  body: KubeObject,
  fieldValidation: 'Strict' | 'Warn' | 'Ignore',
  statusOnly: boolean,
): KubeObject {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw badRequest(`Object 'Kind' is missing in '${JSON.stringify(body)}'`);
  }
  const expected = apiVersionOf(def);
  const convert = body.apiVersion !== undefined && body.apiVersion !== expected ? def.convertFrom?.[body.apiVersion] : undefined;
  if (convert && body.kind === def.kind) body = convert(body);
  if (body.kind !== undefined && body.kind !== def.kind && !(def.scale && body.kind === 'Scale')) {
    throw badRequest(`${body.kind} in version "${def.version}" cannot be handled as a ${def.kind}: no kind "${body.kind}" is registered for version "${expected}" in scheme "pkg/api/legacyscheme/scheme.go:30"`);
  }
  if (body.apiVersion !== undefined && body.apiVersion !== expected) {
    throw badRequest(`the API version in the data (${body.apiVersion}) does not match the expected API version (${expected})`);
  }
  if (body.kind !== 'Scale') checkDecoding(schema, def, body, fieldValidation);
  // A status write keeps only the body's status, and reads only the name and
  // resourceVersion of its metadata (commitUpdate): copying the spec, or the metadata's
  // labels and managedFields, would be wasted work on the most frequent write of a busy cluster.
  const obj = statusOnly ? statusBody(body) : thawKeepingFieldsV1(body);
  if (!obj.metadata || typeof obj.metadata !== 'object') obj.metadata = {};
  obj.apiVersion = expected;
  obj.kind = def.kind;
  (statusOnly && def.statusDefaulter ? def.statusDefaulter : def.defaulter)?.(obj);
  // Stored objects are what Go would encode: zero omitempty fields vanish. Status writes
  // (controllers, the hot path) are skipped: they come from our own code, already clean.
  if (!statusOnly) omitEmpty(def.group, def.kind, obj);
  return obj;
}
