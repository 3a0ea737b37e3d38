/**
 * reuseUnchanged lets a status write send back the stored status's own (frozen) parts where
 * the new status has not changed them: a condition that did not transition, the host IPs, a
 * container status whose container did nothing new.
 *
 * The API server keeps frozen parts of a status write's body by reference, and its field
 * manager comparison, structural sharing and freezing then skip them by identity (see
 * apiserver/statusBody.ts). A kubelet's freshly generated status is all new objects, so the
 * server used to compare, share and freeze every condition of every pod status write again.
 * The stored result is the same: a part is reused only when it has exactly the new part's
 * content, the same fields in the same order with equal values.
 */

/**
 * reuseUnchanged returns `prev` when `next` has exactly its content and `prev` is frozen;
 * otherwise `next`, whose mutable parts are changed in place to point to `prev`'s equal
 * frozen parts (arrays compared index by index). Frozen parts of `next` are never changed.
 */
export function reuseUnchanged(next: unknown, prev: unknown): unknown {
  if (next === prev) return prev;
  if (next === null || prev === null || typeof next !== 'object' || typeof prev !== 'object') return next;
  // A frozen part of the new status is a stored object already (a condition another component
  // owns, carried over): it is not ours to change.
  if (Object.isFrozen(next)) return next;
  if (Array.isArray(next)) {
    if (!Array.isArray(prev)) return next;
    let same = next.length === prev.length;
    for (let i = 0; i < next.length; i++) {
      const part = reuseUnchanged(next[i], prev[i]);
      next[i] = part;
      if (part !== prev[i]) same = false;
    }
    return same && Object.isFrozen(prev) ? prev : next;
  }
  if (Array.isArray(prev)) return next;
  const n = next as Record<string, unknown>;
  const p = prev as Record<string, unknown>;
  const nextKeys = Object.keys(n);
  const prevKeys = Object.keys(p);
  let same = nextKeys.length === prevKeys.length;
  for (let i = 0; i < nextKeys.length; i++) {
    const k = nextKeys[i]!;
    if (prevKeys[i] !== k) same = false;
    const part = reuseUnchanged(n[k], p[k]);
    n[k] = part;
    if (part !== p[k]) same = false;
  }
  return same && Object.isFrozen(prev) ? prev : next;
}
