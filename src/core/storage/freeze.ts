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

/** thaw lives in core/api so every layer (kubectl too) can copy objects; re-exported here for storage users. */
export { thaw } from '../api/clone.ts';
