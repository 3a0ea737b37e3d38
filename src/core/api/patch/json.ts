/**
 * Plain-JSON helpers shared by the patch modules.
 *
 * Patches work on decoded JSON (objects, arrays, strings, numbers, booleans,
 * null), the same untyped maps upstream's patch libraries use.
 */

/** JSONObject is a decoded JSON object. */
export type JSONObject = Record<string, unknown>;

/** PatchErrorKind says which HTTP status the API server should answer with. */
export type PatchErrorKind = 'BadRequest' | 'Invalid' | 'Internal';

/**
 * PatchError is a patch that cannot be applied. `kind` follows the API server's
 * mapping (interpretStrategicMergePatchError, applyJSPatch): 400, 422 or 500.
 */
export class PatchError extends Error {
  readonly kind: PatchErrorKind;

  constructor(message: string, kind: PatchErrorKind = 'Internal') {
    super(message);
    this.name = 'PatchError';
    this.kind = kind;
  }
}

/** isObject narrows to a plain JSON object (not null, not an array). */
export function isObject(v: unknown): v is JSONObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** jsonKind is the Go reflect kind a decoded value would have: map, slice, string, number, bool or nil. */
export function jsonKind(v: unknown): 'map' | 'slice' | 'string' | 'number' | 'bool' | 'nil' {
  if (v === null || v === undefined) return 'nil';
  if (Array.isArray(v)) return 'slice';
  if (typeof v === 'object') return 'map';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  return 'number';
}

/** deepEqual compares decoded JSON values structurally, as reflect.DeepEqual does on them. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  }
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}

/** clone deep-copies a JSON value. */
export function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

/** sortKeysDeep orders object keys alphabetically at every level, as Go's json.Marshal of a map does. */
export function sortKeysDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeysDeep);
  if (!isObject(v)) return v;
  const out: JSONObject = {};
  for (const k of Object.keys(v).sort()) out[k] = sortKeysDeep(v[k]);
  return out;
}

/** goString renders a scalar the way fmt's %v does, used to compare merge keys and scalars as strings. */
export function goString(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}
