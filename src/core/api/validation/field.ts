/**
 * Field error constructors, named after k8s.io/apimachinery/pkg/util/validation/field
 * (field.Required, field.Invalid, ...), so validation code reads like upstream's.
 * Paths are plain strings built the way field.Path prints them: `spec.containers[0].name`.
 */
import type { FieldError } from '../status.ts';

/** field groups the error constructors: `field.invalid(path, value, detail)`. */
export const field = {
  /** required: `<path>: Required value[: detail]`. */
  required(path: string, detail = ''): FieldError {
    return { type: 'FieldValueRequired', field: path, badValue: '', detail };
  },
  /** invalid: `<path>: Invalid value: <value>: detail`. */
  invalid(path: string, value: unknown, detail: string): FieldError {
    return { type: 'FieldValueInvalid', field: path, badValue: value, detail };
  },
  /** notSupported: `<path>: Unsupported value: <value>: supported values: "a", "b"`. */
  notSupported(path: string, value: unknown, valid: readonly string[]): FieldError {
    const detail = valid.length > 0 ? `supported values: ${valid.map((v) => JSON.stringify(v)).join(', ')}` : '';
    return { type: 'FieldValueNotSupported', field: path, badValue: value, detail };
  },
  /** forbidden: `<path>: Forbidden: detail`. */
  forbidden(path: string, detail: string): FieldError {
    return { type: 'FieldValueForbidden', field: path, badValue: '', detail };
  },
  /** duplicate: `<path>: Duplicate value: <value>`. */
  duplicate(path: string, value: unknown): FieldError {
    return { type: 'FieldValueDuplicate', field: path, badValue: value };
  },
  /** notFound: `<path>: Not found: <value>`. */
  notFound(path: string, value: unknown): FieldError {
    return { type: 'FieldValueNotFound', field: path, badValue: value };
  },
  /** tooLong: `<path>: Too long: must have at most N bytes` (field.TooLong). */
  tooLong(path: string, value: unknown, maxLength: number): FieldError {
    return { type: 'FieldValueTooLong', field: path, badValue: value, detail: `must have at most ${maxLength} bytes` };
  },
  /** tooMany: `<path>: Too many: N: must have at most M items`. */
  tooMany(path: string, actual: number, max: number): FieldError {
    return { type: 'FieldValueTooMany', field: path, badValue: actual, detail: `must have at most ${max} items` };
  },
};

/** invalidEach turns a validator's messages into one Invalid error each, as upstream's `for _, msg := range ...` loops do. */
export function invalidEach(path: string, value: unknown, messages: readonly string[]): FieldError[] {
  return messages.map((msg) => field.invalid(path, value, msg));
}

/** IS_NEGATIVE_ERROR_MSG is upstream's isNegativeErrorMsg. */
export const IS_NEGATIVE_ERROR_MSG = 'must be greater than or equal to 0';

/** FIELD_IMMUTABLE_ERROR_MSG is apimachinery's FieldImmutableErrorMsg. */
export const FIELD_IMMUTABLE_ERROR_MSG = 'field is immutable';

/** validateNonnegativeField: `Invalid value: -1: must be greater than or equal to 0` (ValidateNonnegativeField). */
export function validateNonnegativeField(value: number | undefined, path: string): FieldError[] {
  return value !== undefined && value < 0 ? [field.invalid(path, value, IS_NEGATIVE_ERROR_MSG)] : [];
}
