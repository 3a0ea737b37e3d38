/**
 * A small private reading of resource.Quantity for validation: enough to compare a
 * request with its limit and to spot negatives. Messages show the quantity as written.
 * NOTE: the shared src/core/api/quantity.ts (canonical String()) should replace this.
 */

const SUFFIX: Record<string, number> = {
  '': 1, n: 1e-9, u: 1e-6, m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
};

/** quantityValue returns the quantity as a number, or undefined when it does not parse. */
export function quantityValue(q: string | number): number | undefined {
  if (typeof q === 'number') return q;
  const m = /^([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)([a-zA-Z]*)$/.exec(q.trim());
  if (!m) return undefined;
  const mult = SUFFIX[m[2]];
  return mult === undefined ? undefined : Number(m[1]) * mult;
}

/** compareQuantities is Quantity.Cmp: -1, 0 or 1 (tolerating float rounding). */
export function compareQuantities(a: number, b: number): number {
  const eps = 1e-12 * Math.max(Math.abs(a), Math.abs(b), 1);
  if (Math.abs(a - b) <= eps) return 0;
  return a < b ? -1 : 1;
}

/** quantityString renders a quantity for a message. */
export function quantityString(q: string | number): string {
  return String(q);
}
