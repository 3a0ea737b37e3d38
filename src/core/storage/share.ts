/**
 * shareUnchanged: structural sharing between an object's new version and the stored one.
 *
 * A write usually changes a few fields (a condition, a container state) and rebuilds the
 * rest equal to what was stored: every status write used to keep a full new copy of the
 * conditions, container statuses and metadata maps, and the watch window holds the old
 * versions too. Sharing the stored (frozen) sub-objects that did not change makes an old
 * version cost only what changed, lets deepFreeze stop at the shared parts, and lets readers
 * compare unchanged parts by identity.
 *
 * Objects are only shared when they are identical: same keys in the same order (JSON and
 * YAML output keep insertion order) and identical values, so nothing observable changes.
 */
import { deepFreeze } from './freeze.ts';

/**
 * shareUnchanged returns `next` with every sub-object that is identical to its counterpart in
 * `prev` replaced by `prev`'s, or `prev` itself when the whole value is identical. It writes
 * into `next`'s own (unfrozen) containers, which must belong to the caller (the API server's
 * decoded copy); frozen parts of `next` are left as they are.
 */
export function shareUnchanged<T>(next: T, prev: T): T {
  return share(next, prev, false) as T;
}

/**
 * shareFrozen is deepFreeze(shareUnchanged(next, prev)) in one walk: what is kept of `next`
 * is frozen on the way back up (what had no counterpart in `prev` is deep-frozen whole).
 * The store freezes every version it keeps, and walking a pod status write's new version a
 * second time only to freeze it was most of the freezing's cost.
 */
export function shareFrozen<T>(next: T, prev: T): T {
  return share(next, prev, true) as T;
}

// Frozen values are deep-frozen already (deepFreeze stops at them too).
function share(next: unknown, prev: unknown, freeze: boolean): unknown {
  if (next === prev) return prev;
  if (typeof next !== 'object' || next === null || Object.isFrozen(next)) return next;
  if (typeof prev !== 'object' || prev === null || Array.isArray(next) !== Array.isArray(prev)) return freeze ? deepFreeze(next) : next;
  return Array.isArray(next) ? shareArray(next, prev as unknown[], freeze) : shareObject(next as Record<string, unknown>, prev as Record<string, unknown>, freeze);
}

function shareArray(next: unknown[], prev: unknown[], freeze: boolean): unknown {
  let same = next.length === prev.length;
  for (let i = 0; i < next.length; i++) {
    if (i >= prev.length) {
      if (freeze) deepFreeze(next[i]);
      continue;
    }
    const v = share(next[i], prev[i], freeze);
    if (v !== next[i]) next[i] = v;
    if (v !== prev[i]) same = false;
  }
  if (same) return prev;
  return freeze ? Object.freeze(next) : next;
}

// The keys of the objects shareObject is walking, as a stack (each call uses the slots from
// `top` up and gives them back): for-in with no key array per object, as deepFreeze does,
// where Object.keys of both objects allocated two arrays per node on every write.
const keyStack: string[] = [];
let top = 0;

function shareObject(next: Record<string, unknown>, prev: Record<string, unknown>, freeze: boolean): unknown {
  const base = top;
  let n = 0;
  let same = true;
  // Stored values are JSON data (plain objects, no enumerable inherited properties), so for-in
  // visits exactly Object.keys' keys, in the same order.
  for (const k in next) {
    keyStack[base + n++] = k;
    top = base + n;
    if (!Object.prototype.hasOwnProperty.call(prev, k)) {
      same = false;
      if (freeze) deepFreeze(next[k]);
      continue;
    }
    const v = share(next[k], prev[k], freeze);
    if (v !== next[k]) next[k] = v;
    if (v !== prev[k]) same = false;
  }
  top = base;
  if (same) {
    // Every key of next is in prev with the same value: the same object if prev has the same keys in the same order.
    let i = 0;
    for (const k in prev) {
      if (i >= n || keyStack[base + i] !== k) {
        same = false;
        break;
      }
      i++;
    }
    if (i !== n) same = false;
  }
  if (same) return prev;
  return freeze ? Object.freeze(next) : next;
}
