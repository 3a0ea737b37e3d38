/**
 * The resource.Quantity helpers describers call, as plain functions over the one
 * Quantity of src/core/api/quantity.ts (parsing, rounding and the canonical
 * spelling live there, so `describe` and `get -o yaml` can never disagree).
 * What stays here is describe-only: a missing quantity reads "0", and the
 * resource-list sums kubectl's resource helper builds for pods and nodes.
 */
import { Quantity, parseQuantity } from '../../core/api/quantity.ts';

export { Quantity, parseQuantity };
export type { QuantityFormat } from '../../core/api/quantity.ts';

/** ZERO_QUANTITY is the zero value (a missing quantity), which prints "0". */
export const ZERO_QUANTITY: Quantity = Quantity.fromValue(0);

/** addQuantities is Quantity.Add: a zero receiver takes the other's format. */
export function addQuantities(a: Quantity, b: Quantity): Quantity {
  return a.add(b);
}

/** compareQuantities returns -1, 0 or 1 like Quantity.Cmp. */
export function compareQuantities(a: Quantity, b: Quantity): number {
  return a.cmp(b);
}

/** milliValue is Quantity.MilliValue: the value in thousandths, rounded up. */
export function milliValue(q: Quantity): number {
  return q.milliValue();
}

/** quantityValue is Quantity.Value: the integer value, rounded up. */
export function quantityValue(q: Quantity): number {
  return q.value();
}

/** quantityToString is Quantity.String(): the canonical spelling in the quantity's format. */
export function quantityToString(q: Quantity): string {
  return q.toString();
}

/** canonicalQuantity parses and re-prints a quantity as kubectl shows it; a missing one prints "0". */
export function canonicalQuantity(input: string | number | undefined): string {
  if (input === undefined) return '0';
  return parseQuantity(input).toString();
}

/** ResourceList is a map of resource name to quantity string, e.g. {cpu: '250m'}. */
export type ResourceList = Record<string, string | number>;

/** addResourceList adds lists name by name (addResourceList in kubectl's resource helper). */
export function addResourceList(into: Map<string, Quantity>, list: ResourceList | undefined): void {
  for (const [name, value] of Object.entries(list ?? {})) {
    const q = parseQuantity(value);
    const existing = into.get(name);
    into.set(name, existing ? existing.add(q) : q);
  }
}

/** maxResourceList keeps, per name, the larger of the current value and `list`'s (init containers). */
export function maxResourceList(into: Map<string, Quantity>, list: ResourceList | undefined): void {
  for (const [name, value] of Object.entries(list ?? {})) {
    const q = parseQuantity(value);
    const existing = into.get(name);
    if (!existing || q.cmp(existing) > 0) into.set(name, q);
  }
}
