/**
 * LabelSelector and NodeSelector validation: metav1validation.ValidateLabelSelector and
 * ValidateNodeSelector/ValidateNodeSelectorRequirement in pkg/apis/core/validation (v1.32).
 */
import type { NodeSelector, NodeSelectorRequirement } from 'kubernetes-types/core/v1';
import type { LabelSelector, LabelSelectorRequirement } from 'kubernetes-types/meta/v1';
import type { FieldError } from '../status.ts';
import { validateLabels } from '../labelValidation.ts';
import { isQualifiedName, isValidLabelValue } from '../nameValidation.ts';
import { field, invalidEach } from './field.ts';

/** validateLabelName: each IsQualifiedName message as an Invalid error on path. */
export function validateLabelName(name: string, path: string): FieldError[] {
  return invalidEach(path, name, isQualifiedName(name));
}

function validateLabelSelectorRequirement(r: LabelSelectorRequirement, path: string): FieldError[] {
  const errs: FieldError[] = [];
  switch (r.operator) {
    case 'In':
    case 'NotIn':
      if (!r.values?.length) errs.push(field.required(`${path}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (r.values?.length) errs.push(field.forbidden(`${path}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
      break;
    default:
      errs.push(field.invalid(`${path}.operator`, r.operator ?? '', 'not a valid selector operator'));
  }
  errs.push(...validateLabelName(r.key ?? '', `${path}.key`));
  (r.values ?? []).forEach((v, i) => errs.push(...invalidEach(`${path}.values[${i}]`, v, isValidLabelValue(v))));
  return errs;
}

/** validateLabelSelector checks matchLabels and each matchExpression. */
export function validateLabelSelector(sel: LabelSelector | undefined, path: string): FieldError[] {
  if (!sel) return [];
  const errs = validateLabels(sel.matchLabels, `${path}.matchLabels`);
  (sel.matchExpressions ?? []).forEach((r, i) => errs.push(...validateLabelSelectorRequirement(r, `${path}.matchExpressions[${i}]`)));
  return errs;
}

/** validateNodeSelectorRequirement checks one node affinity requirement. */
export function validateNodeSelectorRequirement(r: NodeSelectorRequirement, path: string): FieldError[] {
  const errs: FieldError[] = [];
  switch (r.operator) {
    case 'In':
    case 'NotIn':
      if (!r.values?.length) errs.push(field.required(`${path}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (r.values?.length) errs.push(field.forbidden(`${path}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
      break;
    case 'Gt':
    case 'Lt':
      if (r.values?.length !== 1) errs.push(field.required(`${path}.values`, "must be specified single value when `operator` is 'Lt' or 'Gt'"));
      break;
    default:
      errs.push(field.invalid(`${path}.operator`, r.operator ?? '', 'not a valid selector operator'));
  }
  errs.push(...validateLabelName(r.key ?? '', `${path}.key`));
  return errs;
}

/** validateNodeSelector checks requiredDuringScheduling terms: at least one term. */
export function validateNodeSelector(sel: NodeSelector, path: string): FieldError[] {
  const terms = sel.nodeSelectorTerms ?? [];
  if (terms.length === 0) return [field.required(`${path}.nodeSelectorTerms`, 'must have at least one node selector term')];
  const errs: FieldError[] = [];
  terms.forEach((t, i) => {
    (t.matchExpressions ?? []).forEach((r, j) =>
      errs.push(...validateNodeSelectorRequirement(r, `${path}.nodeSelectorTerms[${i}].matchExpressions[${j}]`)),
    );
  });
  return errs;
}
