/**
 * Element ordering for merged lists, shared by apply and diff.
 *
 * Ports the ordering helpers of k8s.io/apimachinery/pkg/util/strategicpatch/patch.go
 * (normalizeElementOrder, normalizeSliceOrder, mergeSortedSlice, partition*):
 * the patch's order (or its $setElementOrder list) wins, server-only items keep
 * their live order and are interleaved where they used to be.
 */
import { deepEqual, isObject, PatchError, type JSONObject } from './json.ts';

/** directiveMarker is `$patch`. */
export const directiveMarker = '$patch';

/** indexIn finds an item in a list by merge key (maps) or by value (scalars); -1 when absent. */
export function indexIn(list: readonly unknown[], item: unknown, mergeKey: string, isMap: boolean): number {
  for (let i = 0; i < list.length; i++) {
    const candidate = list[i];
    if (isMap) {
      if (isObject(candidate) && isObject(item) && deepEqual(candidate[mergeKey], item[mergeKey])) return i;
    } else if (deepEqual(candidate, item)) {
      return i;
    }
  }
  return -1;
}

/** partitionByPresence splits merged items into those present in `order` and the server-only rest. */
export function partitionByPresence(
  merged: readonly unknown[],
  order: readonly unknown[],
  mergeKey: string,
  isMap: boolean,
): { inPatch: unknown[]; serverOnly: unknown[] } {
  const inPatch: unknown[] = [];
  const serverOnly: unknown[] = [];
  for (const item of merged) {
    if (isMap && !(isObject(item) && mergeKey in item)) {
      throw new PatchError(`map: ${JSON.stringify(item)} does not contain declared merge key: ${mergeKey}`);
    }
    (indexIn(order, item, mergeKey, isMap) >= 0 ? inPatch : serverOnly).push(item);
  }
  return { inPatch, serverOnly };
}

/**
 * normalizeSliceOrder sorts items by their position in `order` (stable);
 * `$patch: delete` entries go last, as extractToDeleteItems does.
 */
export function normalizeSliceOrder(items: readonly unknown[], order: readonly unknown[], mergeKey: string, isMap: boolean): unknown[] {
  let keep = [...items];
  let toDelete: unknown[] = [];
  if (isMap) {
    toDelete = keep.filter((x) => isObject(x) && x[directiveMarker] === 'delete');
    keep = keep.filter((x) => !(isObject(x) && x[directiveMarker] === 'delete'));
  }
  const ranked = keep.map((item, i) => ({ item, i, at: indexIn(order, item, mergeKey, isMap) }));
  ranked.sort((a, b) => (a.at >= 0 && b.at >= 0 && a.at !== b.at ? a.at - b.at : a.i - b.i));
  return [...ranked.map((r) => r.item), ...toDelete];
}

/**
 * mergeSortedSlice interleaves server-only items (left) into patch items (right):
 * a left item goes before the first right item that came after it in the live list.
 */
export function mergeSortedSlice(
  left: readonly unknown[],
  right: readonly unknown[],
  serverOrder: readonly unknown[],
  mergeKey: string,
  isMap: boolean,
): unknown[] {
  const out: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (i >= left.length) out.push(right[j++]);
    else if (j >= right.length) out.push(left[i++]);
    else {
      const li = indexIn(serverOrder, left[i], mergeKey, isMap);
      const ri = indexIn(serverOrder, right[j], mergeKey, isMap);
      if (li >= 0 && ri >= 0 && li < ri) out.push(left[i++]);
      else out.push(right[j++]);
    }
  }
  return out;
}

/** normalizeElementOrder orders patch items by patchOrder, server-only items by serverOrder, then interleaves them. */
export function normalizeElementOrder(
  patchItems: readonly unknown[],
  serverOnly: readonly unknown[],
  patchOrder: readonly unknown[],
  serverOrder: readonly unknown[],
  mergeKey: string,
  isMap: boolean,
): unknown[] {
  const sortedPatch = normalizeSliceOrder(patchItems, patchOrder, mergeKey, isMap);
  const sortedServer = normalizeSliceOrder(serverOnly, serverOrder, mergeKey, isMap);
  return mergeSortedSlice(sortedServer, sortedPatch, serverOrder, mergeKey, isMap);
}

/** deduplicateScalars keeps the first occurrence of each scalar. */
export function deduplicateScalars(items: readonly unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const x of items) if (!out.some((y) => deepEqual(x, y))) out.push(x);
  return out;
}

/** mergeKeyValue reads an element's merge key, failing as upstream's ErrNoMergeKey does. */
export function mergeKeyValue(item: unknown, mergeKey: string): unknown {
  if (!isObject(item) || !(mergeKey in item)) {
    throw new PatchError(`map: ${JSON.stringify(item)} does not contain declared merge key: ${mergeKey}`);
  }
  return (item as JSONObject)[mergeKey];
}
