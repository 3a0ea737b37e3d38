/**
 * Operations on objects guided by their SSA structure, after structured-merge-diff's
 * typed package: the field set of a value (ToFieldSet), the comparison of two versions
 * (Compare: added, modified, removed), the apply merge, and removing paths.
 */
import { deepEqual } from '../../api/equality.ts';
import { FieldSet } from './fieldSet.ts';
import { fieldElement, keyElement, valueElement } from './pathElement.ts';
import { fieldType, type SsaType } from './structure.ts';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** isGranularMap reports whether a value is walked key by key. */
function isGranularMap(v: unknown, t: SsaType | undefined): v is Obj {
  return isObj(v) && !t?.atomic;
}

/** isGranularList reports whether a list's items have their own paths. */
function isGranularList(v: unknown, t: SsaType | undefined): v is unknown[] {
  return Array.isArray(v) && t?.list !== undefined;
}

/** itemElement names one item of a granular list. */
export function itemElement(item: unknown, t: SsaType): string {
  if (t.list === 'set') return valueElement(item);
  const keys = (t.list as { keys: readonly string[] }).keys;
  return keyElement(isObj(item) ? item : {}, keys);
}

/** itemsByElement indexes a granular list's items by their path element. */
function itemsByElement(list: readonly unknown[], t: SsaType): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const item of list) out.set(itemElement(item, t), item);
  return out;
}

/**
 * toFieldSet is the set of fields a value sets (typed.TypedValue.ToFieldSet): every leaf,
 * every atomic value, and every item of a granular list.
 */
export function toFieldSet(value: unknown, t: SsaType | undefined, set = new FieldSet()): FieldSet {
  if (isGranularMap(value, t)) {
    for (const [k, v] of Object.entries(value)) {
      if (absent(v)) continue;
      toFieldSetAt(set.child(fieldElement(k)), v, fieldType(t, k));
    }
  }
  return set;
}

// An empty granular map or list sets nothing (the walker visits no items), so it owns nothing.
function toFieldSetAt(node: FieldSet, value: unknown, t: SsaType | undefined): void {
  if (isGranularMap(value, t)) {
    toFieldSet(value, t, node);
    return;
  }
  if (isGranularList(value, t)) {
    for (const item of value) {
      const itemNode = node.child(itemElement(item, t!));
      itemNode.member = true;
      if (t!.list !== 'set' && isGranularMap(item, t!.items)) toFieldSet(item, t!.items, itemNode);
    }
    return;
  }
  node.member = true;
}

/** Comparison is typed.Comparison: paths added, modified and removed between two versions. */
export interface Comparison {
  added: FieldSet;
  modified: FieldSet;
  removed: FieldSet;
}

/** compare walks two versions of an object (old may be the kind's zero value). */
export function compare(oldValue: unknown, newValue: unknown, t: SsaType | undefined): Comparison {
  const c: Comparison = { added: new FieldSet(), modified: new FieldSet(), removed: new FieldSet() };
  compareMaps(c, [], oldValue as Obj, newValue as Obj, t);
  return c;
}

// A null field is an unset field, as in Go's typed objects (`creationTimestamp: null`).
const absent = (v: unknown): boolean => v === undefined || v === null;

// The walk keeps one path stack (push on the way down, pop on the way back) instead of a
// new array per visited field: the sets only copy a path's elements when they insert it.
// for-in rather than Object.keys: no key array per visited map (values are JSON data: no
// enumerable inherited properties, as deepFreeze assumes too).
function compareMaps(c: Comparison, path: string[], a: Obj, b: Obj, t: SsaType | undefined): void {
  for (const k in b) {
    const bv = b[k];
    if (absent(bv)) continue;
    const av = a[k];
    if (av === bv) continue; // shared immutable sub-objects are common: versions share what did not change
    path.push(fieldElement(k));
    compareAt(c, path, absent(av) ? undefined : av, bv, fieldType(t, k));
    path.pop();
  }
  for (const k in a) {
    if (absent(a[k]) || !absent(b[k])) continue;
    markAll(c.removed, path, fieldElement(k), a[k], fieldType(t, k));
  }
}

function compareAt(c: Comparison, path: string[], a: unknown, b: unknown, t: SsaType | undefined): void {
  if (a === b) return;
  if (a === undefined) {
    markAll(c.added, path, undefined, b, t);
    return;
  }
  if (isGranularMap(a, t) && isGranularMap(b, t)) {
    compareMaps(c, path, a, b, t);
    return;
  }
  if (isGranularList(a, t) && isGranularList(b, t)) {
    if (compareAligned(c, path, a, b, t!)) return;
    const before = itemsByElement(a, t!);
    const after = itemsByElement(b, t!);
    for (const [e, item] of after) {
      const was = before.get(e);
      if (was === undefined && !before.has(e)) markAll(c.added, path, e, item, t!.items);
      else if (t!.list !== 'set' && isGranularMap(item, t!.items)) {
        path.push(e);
        compareMaps(c, path, was as Obj, item as Obj, t!.items);
        path.pop();
      } else if (!deepEqual(was, item)) {
        path.push(e);
        c.modified.insert(path);
        path.pop();
      }
    }
    for (const [e, item] of before) if (!after.has(e)) markAll(c.removed, path, e, item, t!.items);
    return;
  }
  if (!deepEqual(a, b)) c.modified.insert(path);
}

// Lists longer than this take the general walk: the aligned one checks keys pairwise.
const ALIGNED_MAX = 8;

/**
 * compareAligned is compareAt's list comparison for the common case where both versions
 * list the same items in the same order (a status write's conditions, container statuses,
 * IPs): items are paired by position, their keys compared as raw scalar values, and an
 * item's path element is built only when the walk goes into it, with no Map per list.
 * It answers false, having compared nothing, when the lists are not so aligned (other
 * length, other keys at a position, a repeated key, a key that is not a scalar): then the
 * general walk by element applies. For aligned lists with distinct keys both walks visit
 * the same pairs in the same order, so they record the same paths.
 */
function compareAligned(c: Comparison, path: string[], a: readonly unknown[], b: readonly unknown[], t: SsaType): boolean {
  const n = b.length;
  if (a.length !== n || n > ALIGNED_MAX) return false;
  for (let i = 0; i < n; i++) {
    if (!sameKey(a[i], b[i], t)) return false;
    for (let j = 0; j < i; j++) if (sameKey(b[j], b[i], t)) return false;
  }
  const granularItems = t.list !== 'set';
  for (let i = 0; i < n; i++) {
    const was = a[i];
    const item = b[i];
    if (was === item) continue;
    if (granularItems && isGranularMap(item, t.items)) {
      path.push(itemElement(item, t));
      compareMaps(c, path, was as Obj, item, t.items);
      path.pop();
    } else if (!deepEqual(was, item)) {
      path.push(itemElement(item, t));
      c.modified.insert(path);
      path.pop();
    }
  }
  return true;
}

/**
 * sameKey tells whether two list items have the same path element, comparing scalar key
 * values (or set items) directly; false also when that cannot be told that way (a key
 * that is an object or array, an item that is no map in a keyed list).
 */
function sameKey(x: unknown, y: unknown, t: SsaType): boolean {
  if (t.list === 'set') return x === y && (x === null || typeof x !== 'object');
  if (!isObj(x) || !isObj(y)) return false;
  for (const k of (t.list as { keys: readonly string[] }).keys) {
    const v = x[k];
    if (v !== y[k] || (v !== null && typeof v === 'object')) return false;
  }
  return true;
}

/**
 * markAll inserts a path (path, then `last` when given) and everything below it (an added
 * or removed subtree). It walks the subtree from its node rather than inserting each path
 * from the root.
 */
function markAll(set: FieldSet, path: readonly string[], last: string | undefined, value: unknown, t: SsaType | undefined): void {
  let node = set;
  for (const e of path) node = node.child(e);
  if (last !== undefined) node = node.child(last);
  markAllAt(node, value, t);
}

function markAllAt(node: FieldSet, value: unknown, t: SsaType | undefined): void {
  node.member = true;
  if (isGranularMap(value, t)) {
    for (const [k, v] of Object.entries(value)) if (!absent(v)) markAllAt(node.child(fieldElement(k)), v, fieldType(t, k));
  } else if (isGranularList(value, t)) {
    for (const it of value) markAllAt(node.child(itemElement(it, t!)), it, t!.items);
  }
}

/**
 * shapeParts appends the pieces of a string that determines the field set of a value (its
 * shape) to out: its present paths, list items by their path elements. Creating objects of
 * one shape (every Event a kubelet records) then costs one walk, not a comparison and an
 * encoding each. Pieces joined once by the caller, because `out += ...` at every level
 * built a rope of ~150 pieces per pod that the created-set Map flattened again on every
 * lookup (a pod's spec: ~5.9 -> ~4.0 us for the shape and its lookup).
 */
export function shapeParts(value: unknown, t: SsaType | undefined, out: string[], skip?: ReadonlySet<string>): void {
  if (isGranularMap(value, t)) {
    // skip leaves out fields of this map (not below it) that the caller will not compare.
    for (const k of Object.keys(value)) {
      const v = value[k];
      if (absent(v) || skip?.has(k)) continue;
      out.push(k, '{');
      shapeParts(v, fieldType(t, k), out);
      out.push('}');
    }
  } else if (isGranularList(value, t)) {
    out.push('[');
    for (const it of value) {
      out.push(itemElement(it, t!), '{');
      shapeParts(it, t!.items, out);
      out.push('}');
    }
  }
}

/**
 * matchShapeParts walks value as shapeParts does, comparing each piece with expected from
 * index i instead of appending it: the index after value's pieces, or -1 at the first
 * difference. Equal pieces make an equal shape, so a create can reuse the previous one's
 * set without building and hashing its key.
 */
export function matchShapeParts(value: unknown, t: SsaType | undefined, expected: readonly string[], i: number, skip?: ReadonlySet<string>): number {
  if (isGranularMap(value, t)) {
    for (const k of Object.keys(value)) {
      const v = value[k];
      if (absent(v) || skip?.has(k)) continue;
      if (expected[i] !== k || expected[i + 1] !== '{') return -1;
      i = matchShapeParts(v, fieldType(t, k), expected, i + 2);
      if (i < 0 || expected[i] !== '}') return -1;
      i++;
    }
  } else if (isGranularList(value, t)) {
    if (expected[i] !== '[') return -1;
    i++;
    for (const it of value) {
      if (expected[i] !== itemElement(it, t!) || expected[i + 1] !== '{') return -1;
      i = matchShapeParts(it, t!.items, expected, i + 2);
      if (i < 0 || expected[i] !== '}') return -1;
      i++;
    }
  }
  return i;
}

/**
 * zeroValue is the kind's Go zero value as the field manager sees it on create: the
 * non-pointer structs exist, empty.
 */
export function zeroValue(t: SsaType | undefined): Obj {
  const out: Obj = {};
  for (const [k, ft] of Object.entries(t?.fields ?? {})) if (ft.zero) out[k] = ft.list ? [] : zeroValue(ft);
  return out;
}

/**
 * merge is the apply merge (merge.Updater's merge of live and config): maps merge key by
 * key, granular lists merge item by item (live order first, new items after), and
 * everything else takes the config's value.
 */
export function merge(live: unknown, config: unknown, t: SsaType | undefined): unknown {
  if (config === undefined) return live;
  if (isGranularMap(live, t) && isGranularMap(config, t)) {
    const out: Obj = { ...live };
    for (const [k, v] of Object.entries(config)) if (v !== undefined) out[k] = merge(live[k], v, fieldType(t, k));
    return out;
  }
  if (isGranularList(live, t) && isGranularList(config, t)) {
    const incoming = itemsByElement(config, t!);
    const out: unknown[] = [];
    const seen = new Set<string>();
    for (const item of live) {
      const e = itemElement(item, t!);
      seen.add(e);
      out.push(incoming.has(e) ? merge(item, incoming.get(e), t!.items) : item);
    }
    for (const [e, item] of incoming) if (!seen.has(e)) out.push(item);
    return out;
  }
  return config;
}

/**
 * prune removes what an applier stopped applying (merge.Updater.prune): everything in its
 * previous set is removed, then whatever some manager still owns, and whatever the
 * previous set never covered, comes back. A map or list emptied by pruning goes too, as
 * Go's omitempty would drop it. Returns undefined when nothing of the value remains.
 */
export function prune(value: unknown, previous: FieldSet | undefined, owned: FieldSet | undefined, t: SsaType | undefined): unknown {
  if (owned?.member || !previous) return value;
  if (isGranularMap(value, t)) {
    const out: Obj = {};
    for (const [k, v] of Object.entries(value)) {
      const e = fieldElement(k);
      const kept = prune(v, previous.children.get(e), owned?.children.get(e), fieldType(t, k));
      if (kept !== undefined) out[k] = kept;
    }
    const emptied = Object.keys(out).length === 0 && (previous.member || Object.keys(value).length > 0);
    return emptied ? undefined : out;
  }
  if (isGranularList(value, t)) {
    const out: unknown[] = [];
    for (const item of value) {
      const e = itemElement(item, t!);
      const kept = prune(item, previous.children.get(e), owned?.children.get(e), t!.items);
      if (kept !== undefined) out.push(kept);
    }
    return out.length === 0 && (previous.member || value.length > 0) ? undefined : out;
  }
  return previous.member ? undefined : value;
}
