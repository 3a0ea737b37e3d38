/**
 * Strategic merge patch: `application/strategic-merge-patch+json`.
 *
 * What `kubectl apply`, `kubectl patch` (default type) and `kubectl edit` send
 * for built-in kinds. Lists tagged `patchStrategy: merge` merge element by element
 * on their merge key instead of being replaced; directives steer the merge:
 * `$patch: replace|delete|merge`, `$setElementOrder/<list>`, `$retainKeys`,
 * `$deleteFromPrimitiveList/<list>`, and null deletes a field.
 * Ports mergeMap/mergeSlice of k8s.io/apimachinery/pkg/util/strategicpatch/patch.go.
 */
import { clone, deepEqual, isObject, jsonKind, PatchError, type JSONObject } from './json.ts';
import {
  deduplicateScalars,
  directiveMarker,
  indexIn,
  mergeKeyValue,
  normalizeElementOrder,
  partitionByPresence,
} from './listOrder.ts';
import { applyMergePatch } from './jsonMergePatch.ts';
import { elementMeta, fieldMeta, isMergeList, patchMetaFor, type PatchMeta } from './patchMeta.ts';

/** Directive key prefixes, as upstream spells them. */
export const setElementOrderPrefix = '$setElementOrder';
export const deleteFromPrimitiveListPrefix = '$deleteFromPrimitiveList';
export const retainKeysDirective = '$retainKeys';

/** MergeOptions mirrors strategicpatch.MergeOptions. */
export interface MergeOptions {
  /** mergeParallelList: apply $setElementOrder/$deleteFromPrimitiveList/$retainKeys (true when applying to an object). */
  mergeParallelList: boolean;
  /** ignoreUnmatchedNulls: drop nulls that delete nothing (true when applying to an object). */
  ignoreUnmatchedNulls: boolean;
}

const applyOptions: MergeOptions = { mergeParallelList: true, ignoreUnmatchedNulls: true };

/**
 * applyStrategicMergePatch applies a patch to an object using the metadata of
 * a kind (looked up in patchMeta.ts) or given directly; inputs are not modified.
 * Kinds without metadata fall back to JSON merge patch semantics. Throws PatchError.
 */
export function applyStrategicMergePatch(original: unknown, patch: unknown, kindOrMeta: string | PatchMeta): JSONObject {
  if (!isObject(patch)) throw new PatchError('invalid JSON document', 'BadRequest');
  const meta = typeof kindOrMeta === 'string' ? patchMetaFor(kindOrMeta) : kindOrMeta;
  if (!meta) return applyMergePatch(original, patch) as JSONObject;
  const merged = mergeMap(isObject(original) ? clone(original) : {}, clone(patch), meta, applyOptions);
  return stripDirectives(merged) as JSONObject;
}

/** stripDirectives removes `$...` keys left behind: upstream drops them when decoding into typed structs. */
function stripDirectives(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(stripDirectives);
  if (!isObject(v)) return v;
  for (const k of Object.keys(v)) {
    if (k.startsWith('$')) delete v[k];
    else v[k] = stripDirectives(v[k]);
  }
  return v;
}

/** mergeMap merges patch into original (both mutable copies) and returns the result. */
export function mergeMap(original: JSONObject, patch: JSONObject, meta: PatchMeta, options: MergeOptions): JSONObject {
  if (directiveMarker in patch) {
    const directive = patch[directiveMarker];
    if (directive === 'replace') {
      delete patch[directiveMarker];
      return patch;
    }
    if (directive === 'delete') return {};
    throw new PatchError(`unknown patch type: ${String(directive)} in map: ${JSON.stringify(patch)}`);
  }
  applyRetainKeysDirective(original, patch, options);
  mergePatchIntoOriginal(original, patch, meta, options);

  for (const key of Object.keys(patch)) {
    let k = key;
    const patchV = patch[key];
    let isDeleteList = false;
    if (key.startsWith(`${deleteFromPrimitiveListPrefix}/`)) {
      if (!options.mergeParallelList) {
        original[key] = patchV;
        continue;
      }
      k = key.slice(deleteFromPrimitiveListPrefix.length + 1);
      isDeleteList = true;
    }
    if (patchV === null) {
      delete original[k];
      if (options.ignoreUnmatchedNulls) continue;
    }
    if (!(k in original)) {
      if (!isDeleteList) original[k] = takeNewValue(patchV, fieldMeta(meta, k), options);
      continue;
    }
    const originalV = original[k];
    if (jsonKind(originalV) !== jsonKind(patchV)) {
      if (!isDeleteList) original[k] = takeNewValue(patchV, fieldMeta(meta, k), options);
      continue;
    }
    const sub = fieldMeta(meta, k);
    if (isObject(originalV) && isObject(patchV)) {
      original[k] = sub.strategy === 'replace' ? patchV : mergeMap(originalV, patchV, sub, options);
    } else if (Array.isArray(originalV) && Array.isArray(patchV)) {
      original[k] = isMergeList(sub) ? mergeSlice(originalV, patchV, sub, options, isDeleteList) : patchV;
    } else {
      original[k] = patchV;
    }
  }
  return original;
}

/**
 * takeNewValue is used when the original has no such field: upstream copies the
 * patch value (dropping nulls when applying). We also resolve directives inside
 * it by merging into an empty value, so none leak into the stored object.
 */
function takeNewValue(patchV: unknown, meta: PatchMeta, options: MergeOptions): unknown {
  if (!options.ignoreUnmatchedNulls) return patchV;
  if (isObject(patchV)) return mergeMap({}, patchV, meta, options);
  if (Array.isArray(patchV) && isMergeList(meta)) return mergeSlice([], patchV, meta, options, false);
  return patchV;
}

/** applyRetainKeysDirective clears original fields not named in `$retainKeys` (when applying). */
function applyRetainKeysDirective(original: JSONObject, patch: JSONObject, options: MergeOptions): void {
  if (!(retainKeysDirective in patch)) return;
  const retain = patch[retainKeysDirective];
  delete patch[retainKeysDirective];
  if (!options.mergeParallelList) {
    // Combining two patches: both halves must agree on the directive.
    if (retainKeysDirective in original && !deepEqual(original[retainKeysDirective], retain)) {
      throw new PatchError(`${JSON.stringify(original[retainKeysDirective])} and ${JSON.stringify(retain)} are not deep equal: this may happen when calculating the 3-way diff patch`);
    }
    original[retainKeysDirective] = retain;
    return;
  }
  if (!Array.isArray(retain)) throw new PatchError('invalid patch format of retainKeys', 'BadRequest');
  for (const [k, v] of Object.entries(patch)) {
    if (v === null || k.startsWith(deleteFromPrimitiveListPrefix) || k.startsWith(setElementOrderPrefix)) continue;
    if (!retain.includes(k)) throw new PatchError('invalid patch format of retainKeys', 'BadRequest');
  }
  for (const k of Object.keys(original)) if (!retain.includes(k)) delete original[k];
}

/** mergePatchIntoOriginal handles `$setElementOrder/<list>` together with the list it orders. */
function mergePatchIntoOriginal(original: JSONObject, patch: JSONObject, meta: PatchMeta, options: MergeOptions): void {
  for (const key of Object.keys(patch)) {
    if (!key.startsWith(`${setElementOrderPrefix}/`)) continue;
    const order = patch[key];
    if (!options.mergeParallelList) {
      if (key in original && !deepEqual(original[key], order)) {
        throw new PatchError(`error: ${JSON.stringify(original[key])} and ${JSON.stringify(order)} are not deep equal: this may happen when calculating the 3-way diff patch`);
      }
      original[key] = order;
      delete patch[key];
      continue;
    }
    delete patch[key];
    if (!Array.isArray(order)) throw new PatchError('invalid patch format of setElementOrder list', 'BadRequest');
    const listKey = key.slice(setElementOrderPrefix.length + 1);
    const sub = fieldMeta(meta, listKey);
    const mergeKey = sub.mergeKey ?? '';
    const foundOriginal = Array.isArray(original[listKey]);
    const foundPatch = Array.isArray(patch[listKey]);
    const originalList = foundOriginal ? (original[listKey] as unknown[]) : [];
    const patchList = foundPatch ? (patch[listKey] as unknown[]) : [];
    validatePatchWithSetOrderList(patchList, order, mergeKey);
    let merged: unknown[];
    if (foundOriginal && foundPatch) merged = mergeSlice(originalList, patchList, sub, options, false);
    else if (foundPatch) merged = mergeSlice([], patchList, sub, options, false);
    else if (foundOriginal) merged = originalList;
    else continue;
    const isMap = mergeKey !== '';
    const { inPatch, serverOnly } = partitionByPresence(merged, order, mergeKey, isMap);
    original[listKey] = normalizeElementOrder(inPatch, serverOnly, order, originalList, mergeKey, isMap);
    delete patch[listKey];
  }
}

/** validatePatchWithSetOrderList checks every non-deleted patch item appears in the order list, in the same relative order. */
function validatePatchWithSetOrderList(patchList: readonly unknown[], order: readonly unknown[], mergeKey: string): void {
  const isMap = mergeKey !== '';
  let last = -1;
  for (const item of patchList) {
    if (isMap && isObject(item) && item[directiveMarker] !== undefined) continue;
    const at = indexIn(order, item, mergeKey, isMap);
    if (at < 0 || at < last) throw new PatchError('invalid patch format of setElementOrder list', 'BadRequest');
    last = at;
  }
}

/** mergeSlice merges two lists of a `patchStrategy: merge` field. */
export function mergeSlice(
  original: unknown[],
  patch: unknown[],
  meta: PatchMeta,
  options: MergeOptions,
  isDeleteList: boolean,
): unknown[] {
  if (original.length === 0 && patch.length === 0) return original;
  const sample = original.length > 0 ? original[0] : patch[0];
  const isMap = isObject(sample);
  if ([...original, ...patch].some((x) => isObject(x) !== isMap || Array.isArray(x))) {
    throw new PatchError('lists of lists are not supported', 'Invalid');
  }
  let merged: unknown[];
  const mergeKey = meta.mergeKey ?? '';
  if (!isMap) {
    if (options.mergeParallelList && isDeleteList) return original.filter((x) => !patch.some((y) => deepEqual(x, y)));
    merged = deduplicateScalars([...original, ...patch]);
  } else {
    if (mergeKey === '') throw new PatchError('cannot merge lists without merge key');
    const special = mergeSliceWithSpecialElements(original, patch, mergeKey);
    merged = mergeSliceWithoutSpecialElements(special.original, special.patch, mergeKey, elementMeta(meta), options);
  }
  const { inPatch, serverOnly } = partitionByPresence(merged, patch, mergeKey, isMap);
  return normalizeElementOrder(inPatch, serverOnly, patch, original, mergeKey, isMap);
}

/** mergeSliceWithSpecialElements applies `$patch` elements: delete by key, replace the whole list. */
function mergeSliceWithSpecialElements(
  original: unknown[],
  patch: unknown[],
  mergeKey: string,
): { original: unknown[]; patch: unknown[] } {
  const plain: unknown[] = [];
  let replace = false;
  let remaining = original;
  for (const v of patch) {
    const item = v as JSONObject;
    if (!(directiveMarker in item)) {
      plain.push(v);
      continue;
    }
    const directive = item[directiveMarker];
    if (directive === 'delete') {
      const value = mergeKeyValue(item, mergeKey);
      remaining = remaining.filter((x) => !(isObject(x) && deepEqual(x[mergeKey], value)));
    } else if (directive === 'replace') {
      replace = true;
    } else if (directive === 'merge') {
      throw new PatchError('merging lists cannot yet be specified in the patch');
    } else {
      throw new PatchError(`unknown patch type: ${String(directive)} in map: ${JSON.stringify(item)}`);
    }
  }
  return replace ? { original: plain, patch: [] } : { original: remaining, patch: plain };
}

/** mergeSliceWithoutSpecialElements merges each patch element into the original element with the same key, or appends it. */
function mergeSliceWithoutSpecialElements(
  original: unknown[],
  patch: unknown[],
  mergeKey: string,
  meta: PatchMeta,
  options: MergeOptions,
): unknown[] {
  const out = [...original];
  for (const v of patch) {
    const value = mergeKeyValue(v, mergeKey);
    const at = out.findIndex((x) => isObject(x) && deepEqual(x[mergeKey], value));
    if (at >= 0) out[at] = mergeMap(out[at] as JSONObject, v as JSONObject, meta, options);
    else out.push(options.ignoreUnmatchedNulls ? mergeMap({}, v as JSONObject, meta, options) : v);
  }
  return out;
}
