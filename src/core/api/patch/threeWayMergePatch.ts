/**
 * Creating strategic merge patches: what kubectl computes before it sends a PATCH.
 *
 * `kubectl apply` diffs three versions: the last-applied configuration
 * (original), the file (modified) and the live object (current). Deletions come
 * from original→modified, changes and additions from current→modified, so
 * fields set by others (controllers, defaults) survive. Ports diffMaps/diffLists
 * and CreateThreeWayMergePatch / CreateTwoWayMergePatch of
 * k8s.io/apimachinery/pkg/util/strategicpatch/patch.go.
 */
import { deepEqual, goString, isObject, jsonKind, PatchError, sortKeysDeep, type JSONObject } from './json.ts';
import { directiveMarker, normalizeSliceOrder } from './listOrder.ts';
import { elementMeta, emptyMeta, fieldMeta, hasRetainKeys, isMergeList, patchMetaFor, type PatchMeta } from './patchMeta.ts';
import { deleteFromPrimitiveListPrefix, mergeMap, retainKeysDirective, setElementOrderPrefix } from './strategicMergePatch.ts';

interface DiffOptions {
  ignoreChangesAndAdditions: boolean;
  ignoreDeletions: boolean;
  setElementOrder: boolean;
  buildRetainKeysDirective: boolean;
}

function resolveMeta(kindOrMeta: string | PatchMeta): PatchMeta {
  return (typeof kindOrMeta === 'string' ? patchMetaFor(kindOrMeta) : kindOrMeta) ?? emptyMeta;
}

/**
 * createThreeWayMergePatch is strategicpatch.CreateThreeWayMergePatch with
 * overwrite=true, as `kubectl apply` calls it. The result has its keys sorted,
 * like Go's JSON encoding of a map, so it matches the bytes kubectl sends.
 * An empty object means "unchanged".
 */
export function createThreeWayMergePatch(
  original: JSONObject | undefined,
  modified: JSONObject,
  current: JSONObject,
  kindOrMeta: string | PatchMeta,
): JSONObject {
  const meta = resolveMeta(kindOrMeta);
  const delta = diffMaps(current, modified, meta, {
    ignoreDeletions: true,
    ignoreChangesAndAdditions: false,
    setElementOrder: true,
    buildRetainKeysDirective: false,
  });
  const deletions = diffMaps(original ?? {}, modified, meta, {
    ignoreDeletions: false,
    ignoreChangesAndAdditions: true,
    setElementOrder: true,
    buildRetainKeysDirective: false,
  });
  const patch = mergeMap(deletions, delta, meta, { mergeParallelList: false, ignoreUnmatchedNulls: false });
  return sortKeysDeep(patch) as JSONObject;
}

/** createTwoWayMergePatch is strategicpatch.CreateTwoWayMergePatch: the patch from original to modified (kubectl edit, set, label). */
export function createTwoWayMergePatch(original: JSONObject, modified: JSONObject, kindOrMeta: string | PatchMeta): JSONObject {
  const patch = diffMaps(original, modified, resolveMeta(kindOrMeta), {
    ignoreDeletions: false,
    ignoreChangesAndAdditions: false,
    setElementOrder: true,
    buildRetainKeysDirective: false,
  });
  return sortKeysDeep(patch) as JSONObject;
}

/** diffMaps returns the patch that takes original to modified under the given options. */
function diffMaps(original: JSONObject, modified: JSONObject, meta: PatchMeta, options: DiffOptions): JSONObject {
  const patch: JSONObject = {};
  const retainKeys: string[] = [];
  for (const [key, modifiedValue] of Object.entries(modified)) {
    if (options.buildRetainKeysDirective && modifiedValue !== null) retainKeys.push(key);
    if (!(key in original)) {
      if (!options.ignoreChangesAndAdditions) patch[key] = modifiedValue;
      continue;
    }
    const originalValue = original[key];
    if (key === directiveMarker) {
      if (originalValue !== modifiedValue) patch[key] = modifiedValue;
      continue;
    }
    if (jsonKind(originalValue) !== jsonKind(modifiedValue)) {
      if (!options.ignoreChangesAndAdditions) patch[key] = modifiedValue;
      continue;
    }
    if (isObject(originalValue) && isObject(modifiedValue)) {
      handleMapDiff(key, originalValue, modifiedValue, patch, fieldMeta(meta, key), options);
    } else if (Array.isArray(originalValue) && Array.isArray(modifiedValue)) {
      handleSliceDiff(key, originalValue, modifiedValue, patch, fieldMeta(meta, key), options);
    } else if (!options.ignoreChangesAndAdditions && !deepEqual(originalValue, modifiedValue)) {
      patch[key] = modifiedValue;
    }
  }
  if (!options.ignoreDeletions) {
    for (const key of Object.keys(original)) if (!(key in modified)) patch[key] = null;
  }
  const hasAdditionalNewField = Object.entries(original).some(([k, v]) => v !== null && !(k in modified));
  if (retainKeys.length > 0 && (Object.keys(patch).length > 0 || hasAdditionalNewField)) {
    patch[retainKeysDirective] = [...retainKeys].sort();
  }
  return patch;
}

function handleMapDiff(key: string, original: JSONObject, modified: JSONObject, patch: JSONObject, meta: PatchMeta, options: DiffOptions): void {
  const nested = { ...options, buildRetainKeysDirective: hasRetainKeys(meta) };
  if (meta.strategy === 'replace') {
    if (!options.ignoreChangesAndAdditions) patch[key] = modified;
    return;
  }
  const sub = diffMaps(original, modified, meta, nested);
  if (Object.keys(sub).length > 0) patch[key] = sub;
}

function handleSliceDiff(key: string, original: unknown[], modified: unknown[], patch: JSONObject, meta: PatchMeta, options: DiffOptions): void {
  if (!isMergeList(meta)) {
    if (!options.ignoreChangesAndAdditions && !deepEqual(original, modified)) patch[key] = modified;
    return;
  }
  const nested = { ...options, buildRetainKeysDirective: hasRetainKeys(meta) };
  const { patchList, deleteList, setOrderList } = diffLists(original, modified, meta, nested);
  if (patchList.length > 0) patch[key] = patchList;
  if (deleteList.length > 0) patch[`${deleteFromPrimitiveListPrefix}/${key}`] = deleteList;
  if (setOrderList.length > 0) patch[`${setElementOrderPrefix}/${key}`] = setOrderList;
}

function diffLists(
  original: unknown[],
  modified: unknown[],
  meta: PatchMeta,
  options: DiffOptions,
): { patchList: unknown[]; deleteList: unknown[]; setOrderList: unknown[] } {
  const none = { patchList: [], deleteList: [], setOrderList: [] };
  if (original.length === 0) {
    if (modified.length === 0 || options.ignoreChangesAndAdditions) return none;
    return { patchList: modified, deleteList: [], setOrderList: [] };
  }
  const mergeKey = meta.mergeKey ?? '';
  const sample = original[0];
  if (Array.isArray(sample)) throw new PatchError('lists of lists are not supported', 'Invalid');
  if (isObject(sample)) {
    const { patchList: changed, deleteList } = diffListsOfMaps(original, modified, elementMeta(meta), mergeKey, options);
    const patchList = [...normalizeSliceOrder(changed, modified, mergeKey, true), ...deleteList];
    const orderSame =
      original.length === modified.length &&
      original.every((o, i) => deepEqual((o as JSONObject)[mergeKey], (modified[i] as JSONObject)[mergeKey]));
    let setOrderList: unknown[] = [];
    if (
      options.setElementOrder &&
      ((!options.ignoreChangesAndAdditions && (patchList.length > 0 || !orderSame)) ||
        (!options.ignoreDeletions && patchList.length > 0))
    ) {
      setOrderList = modified.map((m) => ({ [mergeKey]: (m as JSONObject)[mergeKey] }));
    }
    return { patchList, deleteList: [], setOrderList };
  }
  const { addList, deleteList } = diffListsOfScalars(original, modified, options);
  const patchList = normalizeSliceOrder(addList, modified, '', false);
  const setOrderList =
    options.setElementOrder &&
    ((!options.ignoreDeletions && deleteList.length > 0) || (!options.ignoreChangesAndAdditions && !deepEqual(original, modified)))
      ? modified
      : [];
  return { patchList, deleteList, setOrderList };
}

/** byKeyString orders elements by the %v string of their merge key, as sortMergeListsByNameArray does. */
function byKeyString(list: unknown[], mergeKey: string): Array<{ el: JSONObject; k: string }> {
  return list
    .map((el) => ({ el: el as JSONObject, k: goString((el as JSONObject)[mergeKey]) }))
    .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
}

function diffListsOfMaps(
  original: unknown[],
  modified: unknown[],
  meta: PatchMeta,
  mergeKey: string,
  options: DiffOptions,
): { patchList: unknown[]; deleteList: unknown[] } {
  const patchList: unknown[] = [];
  const deleteList: unknown[] = [];
  const o = byKeyString(original, mergeKey);
  const m = byKeyString(modified, mergeKey);
  let i = 0;
  let j = 0;
  while (i < o.length || j < m.length) {
    const both = i < o.length && j < m.length;
    if (both && o[i]!.k === m[j]!.k) {
      const sub = diffMaps(o[i]!.el, m[j]!.el, meta, options);
      if (Object.keys(sub).length > 0) {
        sub[mergeKey] = m[j]!.el[mergeKey];
        patchList.push(sub);
      }
      i++;
      j++;
    } else if (i >= o.length || (both && o[i]!.k > m[j]!.k)) {
      if (!options.ignoreChangesAndAdditions) patchList.push(m[j]!.el);
      j++;
    } else {
      if (!options.ignoreDeletions) deleteList.push({ [directiveMarker]: 'delete', [mergeKey]: o[i]!.el[mergeKey] });
      i++;
    }
  }
  return { patchList, deleteList };
}

function diffListsOfScalars(original: unknown[], modified: unknown[], options: DiffOptions): { addList: unknown[]; deleteList: unknown[] } {
  const sortScalars = (l: unknown[]) => [...l].sort((a, b) => (goString(a) < goString(b) ? -1 : goString(a) > goString(b) ? 1 : 0));
  const o = sortScalars(original);
  const m = sortScalars(modified);
  const addList: unknown[] = [];
  const deleteList: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < o.length || j < m.length) {
    const os = i < o.length ? goString(o[i]) : undefined;
    const ms = j < m.length ? goString(m[j]) : undefined;
    if (os !== undefined && ms !== undefined && os === ms) {
      i++;
      j++;
    } else if (os !== undefined && (ms === undefined || os < ms)) {
      if (!options.ignoreDeletions) deleteList.push(o[i]);
      i++;
    } else {
      if (!options.ignoreChangesAndAdditions) addList.push(m[j]);
      j++;
    }
  }
  const unique = deleteList.filter((x, idx) => deleteList.findIndex((y) => deepEqual(x, y)) === idx);
  return { addList, deleteList: unique };
}
