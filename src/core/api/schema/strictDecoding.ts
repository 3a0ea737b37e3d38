/**
 * strictDecodeError builds the 400 BadRequest the API server returns when a request body cannot
 * be decoded into the kind's Go type. Upstream (apimachinery's serializer and the REST create and
 * update handlers) decodes leniently first; a type error wins and is the only one reported. Only a
 * clean decode then reports unknown fields, all of them:
 *
 *   Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replica"
 *
 * kubectl prints it as `Error from server (BadRequest): error when creating "x.yaml": <message>`.
 */
import { badRequest, type StatusError } from '../status.ts';
import type { ApiSchema, GroupVersionKind } from './apiSchema.ts';
import { findTypeErrors } from './typeErrors.ts';
import { findUnknownFields } from './unknownFields.ts';

/** FieldValidation is the `fieldValidation` query parameter (kubectl `--validate=strict|warn|ignore`). */
export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

/** DecodeResult is the outcome of decoding: an error to return, or warnings to attach to the response. */
export interface DecodeResult {
  error?: StatusError;
  warnings: string[];
}

/** cannotBeHandled wraps a decoding message the way the REST handlers do. */
export function cannotBeHandled(gvk: GroupVersionKind, detail: string): StatusError {
  return badRequest(`${gvk.kind} in version "${gvk.version}" cannot be handled as a ${gvk.kind}: ${detail}`);
}

/**
 * decodeWithValidation checks a request body against the schema. With `Warn`, unknown fields
 * become warnings (`unknown field "spec.replica"`) instead of an error; with `Ignore` they are
 * dropped silently. Type errors fail the request whatever the validation level.
 */
export function decodeWithValidation(
  schema: ApiSchema,
  gvk: GroupVersionKind,
  obj: unknown,
  validation: FieldValidation = 'Strict',
): DecodeResult {
  const typeErrors = findTypeErrors(schema, gvk, obj);
  if (typeErrors.length > 0) return { error: cannotBeHandled(gvk, typeErrors[0]), warnings: [] };
  if (validation === 'Ignore') return { warnings: [] };
  const unknown = findUnknownFields(schema, gvk, obj).map((path) => `unknown field "${path}"`);
  if (unknown.length === 0) return { warnings: [] };
  if (validation === 'Warn') return { warnings: unknown };
  return { error: cannotBeHandled(gvk, `strict decoding error: ${unknown.join(', ')}`), warnings: [] };
}

/** strictDecodeError is decodeWithValidation at the Strict level, returning only the error. */
export function strictDecodeError(schema: ApiSchema, gvk: GroupVersionKind, obj: unknown): StatusError | undefined {
  return decodeWithValidation(schema, gvk, obj, 'Strict').error;
}
