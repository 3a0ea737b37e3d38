/**
 * Copying JSON objects. Objects from the store and informers are frozen; code that wants to
 * change one works on a copy.
 */

/** thaw returns a deep, mutable copy of a (possibly frozen) JSON object. */
export function thaw<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(thaw) as T;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value as object)) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = thaw(v);
  }
  return out as T;
}
