/**
 * JSON Merge Patch (RFC 7386): `application/merge-patch+json`.
 *
 * What `kubectl patch --type=merge` sends and what client-side apply uses for
 * kinds without strategic-merge metadata. Objects merge key by key, null deletes,
 * everything else (arrays included) replaces. Models evanphx/json-patch MergePatch
 * and CreateMergePatch as the API server and kubectl use them.
 */
import { deepEqual, isObject, type JSONObject } from './json.ts';

/** applyMergePatch returns target with patch merged in; neither input is modified. */
export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  const result: JSONObject = isObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete result[k];
    else result[k] = applyMergePatch(result[k], v);
  }
  return result;
}

/**
 * createMergePatch returns the merge patch that turns original into modified:
 * changed and added keys with their new values, removed keys as null.
 */
export function createMergePatch(original: unknown, modified: unknown): unknown {
  if (!isObject(original) || !isObject(modified)) return modified;
  const patch: JSONObject = {};
  for (const [k, v] of Object.entries(modified)) {
    if (!Object.prototype.hasOwnProperty.call(original, k)) {
      patch[k] = v;
    } else if (isObject(original[k]) && isObject(v)) {
      const sub = createMergePatch(original[k], v) as JSONObject;
      if (Object.keys(sub).length > 0) patch[k] = sub;
    } else if (!deepEqual(original[k], v)) {
      patch[k] = v;
    }
  }
  for (const k of Object.keys(original)) {
    if (!Object.prototype.hasOwnProperty.call(modified, k)) patch[k] = null;
  }
  return patch;
}
