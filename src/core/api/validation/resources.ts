/**
 * Container resource validation (ValidateResourceRequirements, validateContainerResourceName,
 * ValidateResourceQuantityValue in pkg/apis/core/validation/validation.go, v1.32).
 */
import type { ResourceRequirements } from 'kubernetes-types/core/v1';
import type { FieldError } from '../status.ts';
import { isQualifiedName } from '../nameValidation.ts';
import { IS_NEGATIVE_ERROR_MSG, field, invalidEach } from './field.ts';
import { Quantity } from '../quantity.ts';

const STANDARD_CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);

function isHugePages(name: string): boolean {
  return name.startsWith('hugepages-');
}

/** Only cpu, memory and ephemeral-storage (and hugepages, requests must equal limits) may be overcommitted... upstream's IsOvercommitAllowed. */
function isOvercommitAllowed(name: string): boolean {
  return (STANDARD_CONTAINER_RESOURCES.has(name) || name.startsWith('kubernetes.io/') || !name.includes('/')) && !isHugePages(name);
}

function validateResourceName(name: string, path: string): FieldError[] {
  const errs = invalidEach(path, name, isQualifiedName(name));
  if (errs.length > 0) return errs;
  if (!name.includes('/')) {
    if (!STANDARD_CONTAINER_RESOURCES.has(name) && !isHugePages(name)) {
      return [field.invalid(path, name, 'must be a standard resource for containers')];
    }
  } else if (!name.startsWith('kubernetes.io/') && name.startsWith('requests.')) {
    return [field.invalid(path, name, "doesn't follow extended resource name standard")];
  }
  return [];
}

/** parsed reads a quantity; malformed ones were already rejected when the object was decoded. */
function parsed(q: string | number): Quantity | undefined {
  try {
    return Quantity.parse(q);
  } catch {
    return undefined;
  }
}

function validateQuantity(name: string, q: string | number, path: string): FieldError[] {
  const v = parsed(q);
  if (!v) return [];
  if (v.sign() < 0) return [field.invalid(path, v.toString(), IS_NEGATIVE_ERROR_MSG)];
  // Extended resources (with a '/') must be whole numbers (IsIntegerResourceName).
  if (name.includes('/') && v.milliValue() % 1000 !== 0) return [field.invalid(path, v.toString(), 'must be an integer')];
  return [];
}

/** validateResourceRequirements checks names and quantities, and that each request is at most its limit. */
export function validateResourceRequirements(r: ResourceRequirements | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const limits = r?.limits ?? {};
  const requests = r?.requests ?? {};
  for (const [name, q] of Object.entries(limits)) {
    const p = `${path}.limits[${name}]`;
    errs.push(...validateResourceName(name, p));
    errs.push(...validateQuantity(name, q, p));
  }
  for (const [name, q] of Object.entries(requests)) {
    const p = `${path}.requests[${name}]`;
    errs.push(...validateResourceName(name, p));
    errs.push(...validateQuantity(name, q, p));
    const limit = limits[name] === undefined ? undefined : parsed(limits[name]);
    const request = parsed(q);
    if (limits[name] !== undefined) {
      if (!limit || !request) continue;
      const cmp = request.cmp(limit);
      if (cmp !== 0 && !isOvercommitAllowed(name)) {
        errs.push(field.invalid(`${path}.requests`, request.toString(), `must be equal to ${name} limit of ${limit.toString()}`));
      } else if (cmp > 0) {
        errs.push(field.invalid(`${path}.requests`, request.toString(), `must be less than or equal to ${name} limit of ${limit.toString()}`));
      }
    } else if (!isOvercommitAllowed(name)) {
      errs.push(field.required(`${path}.limits`, 'Limit must be set for non overcommitable resources'));
    }
  }
  return errs;
}
