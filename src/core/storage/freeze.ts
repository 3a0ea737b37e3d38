/**
 * deepFreeze makes an object and everything reachable from it immutable, so code that
 * mutates a cached object by mistake throws in strict mode instead of corrupting state.
 */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const key of Object.keys(value as object)) deepFreeze((value as Record<string, unknown>)[key]);
  return value;
}

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
