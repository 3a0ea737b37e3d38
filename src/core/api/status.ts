/**
 * Status errors: the API server's answer to a failed request, as data.
 *
 * Mirrors k8s.io/apimachinery/pkg/api/errors. Every failure that crosses a layer
 * boundary is a StatusError carrying the same `Status` object a real API server
 * returns, so kubectl can print it in Kubernetes' own words.
 */

/** StatusCause is one entry of `details.causes`. */
export interface StatusCause {
  reason?: string;
  message?: string;
  field?: string;
}

/** Status is metav1.Status. */
export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure' | 'Success';
  message: string;
  reason: StatusReason | '';
  details?: {
    name?: string;
    group?: string;
    kind?: string;
    uid?: string;
    causes?: StatusCause[];
    retryAfterSeconds?: number;
  };
  code: number;
}

/** StatusReason values we produce (metav1.StatusReason). */
export type StatusReason =
  | 'NotFound'
  | 'AlreadyExists'
  | 'Conflict'
  | 'Invalid'
  | 'BadRequest'
  | 'Forbidden'
  | 'Unauthorized'
  | 'MethodNotAllowed'
  | 'NotAcceptable'
  | 'UnsupportedMediaType'
  | 'Gone'
  | 'Expired'
  | 'TooManyRequests'
  | 'InternalError'
  | 'Timeout'
  | 'ServiceUnavailable'
  | 'RequestEntityTooLarge';

/** StatusError is thrown (or returned) wherever a request fails. */
export class StatusError extends Error {
  readonly status: Status;

  constructor(status: Status) {
    super(status.message);
    this.name = 'StatusError';
    this.status = status;
  }

  get code(): number {
    return this.status.code;
  }

  get reason(): StatusReason | '' {
    return this.status.reason;
  }
}

/** isStatusError narrows unknown errors. */
export function isStatusError(err: unknown): err is StatusError {
  return err instanceof StatusError;
}

function failure(code: number, reason: StatusReason | '', message: string, details?: Status['details']): StatusError {
  const status: Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
  if (details) status.details = details;
  return new StatusError(status);
}

/** qualified renders a group-resource the way errors name it: "pods", "deployments.apps". */
function qualified(group: string, resource: string): string {
  return group ? `${resource}.${group}` : resource;
}

/** notFound: `pods "x" not found` (404). */
export function notFound(group: string, resource: string, name: string): StatusError {
  return failure(404, 'NotFound', `${qualified(group, resource)} "${name}" not found`, {
    name,
    group: group || undefined,
    kind: resource,
  });
}

/** alreadyExists: `pods "x" already exists` (409). */
export function alreadyExists(group: string, resource: string, name: string): StatusError {
  return failure(409, 'AlreadyExists', `${qualified(group, resource)} "${name}" already exists`, {
    name,
    group: group || undefined,
    kind: resource,
  });
}

/** conflict: 409 with `Operation cannot be fulfilled on pods "x": <why>`. */
export function conflict(group: string, resource: string, name: string, why: string): StatusError {
  return failure(409, 'Conflict', `Operation cannot be fulfilled on ${qualified(group, resource)} "${name}": ${why}`, {
    name,
    group: group || undefined,
    kind: resource,
  });
}

/** FieldError is one validation failure (field.Error upstream). */
export interface FieldError {
  type: FieldErrorType;
  field: string;
  /** The offending value; omitted from the message for Required/Forbidden/TooMany etc. */
  badValue?: unknown;
  detail?: string;
}

/** FieldErrorType mirrors field.ErrorType: the reason string in details.causes. */
export type FieldErrorType =
  | 'FieldValueNotFound'
  | 'FieldValueRequired'
  | 'FieldValueDuplicate'
  | 'FieldValueInvalid'
  | 'FieldValueNotSupported'
  | 'FieldValueForbidden'
  | 'FieldValueTooLong'
  | 'FieldValueTooMany'
  | 'InternalError'
  | 'FieldValueTypeInvalid';

/**
 * invalid: 422 `Deployment.apps "web" is invalid: <errors>` (apierrors.NewInvalid). The
 * message names the kind qualified by its group; kubectl rephrases it from `details`
 * as `The Deployment "web" is invalid: ...` when it prints the error itself.
 */
export function invalid(group: string, kind: string, name: string, errors: FieldError[]): StatusError {
  const messages = errors.map(fieldErrorMessage);
  const summary = messages.length === 1 ? messages[0] : `[${messages.join(', ')}]`;
  const qualifiedKind = group ? `${kind}.${group}` : kind;
  return failure(422, 'Invalid', `${qualifiedKind} "${name}" is invalid: ${summary}`, {
    name,
    group: group || undefined,
    kind,
    causes: errors.map((e) => ({
      reason: e.type,
      message: fieldErrorMessage(e).slice(e.field.length + 2),
      field: e.field,
    })),
  });
}

/** fieldErrorMessage renders one error as field.Error.Error() does: `spec.x: Invalid value: "y": detail`. */
export function fieldErrorMessage(e: FieldError): string {
  const head = `${e.field}: ${fieldErrorTypeText(e.type)}`;
  switch (e.type) {
    case 'FieldValueRequired':
    case 'FieldValueForbidden':
    case 'FieldValueTooLong':
    case 'FieldValueTooMany':
    case 'InternalError':
      return e.detail ? `${head}: ${e.detail}` : head;
    default: {
      const value = e.badValue === undefined ? '' : `: ${renderBadValue(e.badValue)}`;
      return e.detail ? `${head}${value}: ${e.detail}` : `${head}${value}`;
    }
  }
}

function fieldErrorTypeText(type: FieldErrorType): string {
  switch (type) {
    case 'FieldValueNotFound':
      return 'Not found';
    case 'FieldValueRequired':
      return 'Required value';
    case 'FieldValueDuplicate':
      return 'Duplicate value';
    case 'FieldValueInvalid':
      return 'Invalid value';
    case 'FieldValueNotSupported':
      return 'Unsupported value';
    case 'FieldValueForbidden':
      return 'Forbidden';
    case 'FieldValueTooLong':
      return 'Too long';
    case 'FieldValueTooMany':
      return 'Too many';
    case 'InternalError':
      return 'Internal error';
    case 'FieldValueTypeInvalid':
      return 'Invalid value';
  }
}

/**
 * GoStringer is a bad value that knows how Go's %#v would print it (fmt.GoStringer):
 * upstream messages embed Go syntax such as `map[string]string{"app":"web"}`.
 */
export interface GoStringer {
  goString(): string;
}

/** renderBadValue quotes strings and prints numbers/booleans bare, as field.Error does with %#v/%v. */
function renderBadValue(v: unknown): string {
  if (typeof v === 'object' && v !== null && typeof (v as Partial<GoStringer>).goString === 'function') {
    return (v as GoStringer).goString();
  }
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v === null) return 'null';
  return JSON.stringify(v);
}

/** badRequest: 400 with a free-form message. */
export function badRequest(message: string): StatusError {
  return failure(400, 'BadRequest', message);
}

/** methodNotSupported: 405, e.g. `the server does not allow this method on the requested resource`. */
export function methodNotSupported(group: string, resource: string, verb: string): StatusError {
  return failure(405, 'MethodNotAllowed', `${verb} is not supported on resources of kind "${qualified(group, resource)}"`, {
    group: group || undefined,
    kind: resource,
  });
}

/** gone: 410 for a watch from a compacted resourceVersion. */
export function gone(message: string): StatusError {
  return failure(410, 'Expired', message);
}

/** forbidden: 403 `pods "x" is forbidden: <why>`. */
export function forbidden(group: string, resource: string, name: string, why: string): StatusError {
  const subject = name ? `${qualified(group, resource)} "${name}"` : qualified(group, resource);
  return failure(403, 'Forbidden', `${subject} is forbidden: ${why}`, { name, group: group || undefined, kind: resource });
}

/** tooManyRequests: 429, used by eviction when a PodDisruptionBudget blocks it. */
export function tooManyRequests(message: string, causes?: StatusCause[]): StatusError {
  return failure(429, 'TooManyRequests', message, causes ? { causes } : undefined);
}

/** internalError: 500 wrapping an unexpected failure. */
export function internalError(message: string): StatusError {
  return failure(500, 'InternalError', `Internal error occurred: ${message}`);
}

/** unsupportedMediaType: 415 for a patch type a resource does not take. */
export function unsupportedMediaType(contentType: string): StatusError {
  return failure(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json (got ${contentType})`);
}

/** statusErrorFrom builds a StatusError from a Status received over the wire. */
export function statusErrorFrom(status: Status): StatusError {
  return new StatusError(status);
}

/** methodNotAllowed is the 405 of a verb a resource does not route, as the generic apiserver answers it. */
export function methodNotAllowed(): StatusError {
  return new StatusError({
    kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure',
    message: 'the server does not allow this method on the requested resource', reason: 'MethodNotAllowed', code: 405,
    details: {},
  });
}
