/**
 * Validation of label and annotation maps, as ObjectMeta validation does it.
 *
 * Models k8s.io/apimachinery/pkg/apis/meta/v1/validation (ValidateLabels,
 * ValidateLabelName) and k8s.io/apimachinery/pkg/api/validation/objectmeta.go
 * (ValidateAnnotations). Field errors use the shared FieldError shape.
 */
import { utf8Length } from './encoding.ts';
import type { FieldError } from './status.ts';
import { isQualifiedName, isValidLabelValue } from './nameValidation.ts';

/** totalAnnotationSizeLimitB is the 256 KiB cap on all annotation keys and values together. */
export const totalAnnotationSizeLimitB = 256 * 1024;

/** validateLabelKey returns upstream's messages for a bad label key (empty when valid). */
export function validateLabelKey(key: string): string[] {
  return isQualifiedName(key);
}

/** validateLabelValue returns upstream's messages for a bad label value (empty when valid). */
export function validateLabelValue(value: string): string[] {
  return isValidLabelValue(value);
}

/**
 * validateLabels checks every key and value of a label map. As upstream, the
 * error's field is the map's path itself (e.g. `metadata.labels`), not the key.
 */
export function validateLabels(labels: Record<string, string> | undefined, fldPath: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const [k, v] of Object.entries(labels ?? {})) {
    for (const msg of validateLabelKey(k)) errs.push({ type: 'FieldValueInvalid', field: fldPath, badValue: k, detail: msg });
    for (const msg of validateLabelValue(v)) errs.push({ type: 'FieldValueInvalid', field: fldPath, badValue: v, detail: msg });
  }
  return errs;
}

/**
 * validateAnnotations checks annotation keys (qualified names, case-insensitive)
 * and the 256 KiB total size limit.
 */
export function validateAnnotations(annotations: Record<string, string> | undefined, fldPath: string): FieldError[] {
  const errs: FieldError[] = [];
  let size = 0;
  for (const [k, v] of Object.entries(annotations ?? {})) {
    // Upstream lowercases first: annotation keys may use capitals.
    for (const msg of isQualifiedName(k.toLowerCase())) {
      errs.push({ type: 'FieldValueInvalid', field: fldPath, badValue: k, detail: msg });
    }
    size += utf8Length(k) + utf8Length(v);
  }
  if (size > totalAnnotationSizeLimitB) {
    errs.push({ type: 'FieldValueTooLong', field: fldPath, detail: `may not be more than ${totalAnnotationSizeLimitB} bytes` });
  }
  return errs;
}

