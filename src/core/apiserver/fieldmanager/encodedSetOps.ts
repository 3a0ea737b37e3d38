/**
 * FieldSet's set operations done on interned fieldsV1 tries (internedTries.ts), giving
 * interned tries: what `encodeSet(decodeInterned(fields).op(other))` gives, without
 * decoding the stored trie into a FieldSet or encoding the result from it.
 *
 * A status write changes a few paths of a manager's set: the kubelet's set grows by a pod
 * IP, the creator loses `f:status.f:phase` to the kubelet. Decoding the stored tries for
 * that (the creator's is the whole pod spec) and encoding the result again was about a
 * third of the field manager's work on a pod status write; here only the nodes on the path
 * to what changed are visited and interned, every other subtree is the stored trie itself.
 *
 * Only for tries this module family interned (`internedId` known): their children are
 * interned too, a member leaf below the root is EMPTY, and `.` marks a member with
 * children. Children keep their order, as FieldSet's operations keep insertion order: what
 * survives stays in place, what is added comes after, in the other set's order.
 */
import type { FieldSet, FieldsV1 } from './fieldSet.ts';
import { EMPTY, encodeSet, internNode } from './internedTries.ts';

// Own keys only, as fieldsV1.ts reads tries.
const own = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);

/** isMember tells whether a trie node is a member: `.` marks one, and below the root so does a leaf. */
function isMember(fields: FieldsV1, root: boolean): boolean {
  return own(fields, '.') || (!root && fields === EMPTY);
}

/**
 * unionFields is FieldSet.union for the set `fields` encodes (the root of an interned trie,
 * EMPTY for the empty set): the trie itself when other adds nothing, otherwise the interned
 * trie of the union (EMPTY when it is empty).
 */
export function unionFields(fields: FieldsV1, other: FieldSet): FieldsV1 {
  return union(fields, other, true) ?? EMPTY;
}

function union(fields: FieldsV1, other: FieldSet, root: boolean): FieldsV1 | undefined {
  const member = isMember(fields, root);
  let changed = other.member && !member;
  const elements: string[] = [];
  const children: FieldsV1[] = [];
  for (const e in fields) {
    if (e === '.' || !own(fields, e)) continue;
    const c = fields[e]!;
    const o = other.children.get(e);
    const u = o ? union(c, o, false)! : c;
    if (u !== c) changed = true;
    elements.push(e);
    children.push(u);
  }
  for (const [e, o] of other.children) {
    if (own(fields, e)) continue;
    const encoded = encodeSet(o); // undefined for an empty set, which union skips
    if (!encoded) continue;
    changed = true;
    elements.push(e);
    children.push(encoded);
  }
  return changed ? internNode(member || other.member, elements, children) : fields;
}

/** differenceFields is FieldSet.difference on an interned trie's root (EMPTY when nothing remains). */
export function differenceFields(fields: FieldsV1, other: FieldSet): FieldsV1 {
  return difference(fields, other, true, false) ?? EMPTY;
}

/** recursiveDifferenceFields is FieldSet.recursiveDifference on an interned trie's root (EMPTY when nothing remains). */
export function recursiveDifferenceFields(fields: FieldsV1, other: FieldSet): FieldsV1 {
  return difference(fields, other, true, true) ?? EMPTY;
}

/**
 * difference removes other's members from the node (and with `recursive`, everything below
 * a member of other too): the node itself when nothing goes, undefined when nothing remains.
 */
function difference(fields: FieldsV1, other: FieldSet, root: boolean, recursive: boolean): FieldsV1 | undefined {
  if (recursive && other.member) return undefined;
  if (other.children.size === 0 && (recursive || !other.member)) return fields;
  const was = isMember(fields, root);
  const member = was && !other.member; // (recursive: other is no member here)
  let changed = member !== was;
  const elements: string[] = [];
  const children: FieldsV1[] = [];
  for (const e in fields) {
    if (e === '.' || !own(fields, e)) continue;
    const c = fields[e]!;
    const o = other.children.get(e);
    const d = o ? difference(c, o, false, recursive) : c;
    if (d !== c) changed = true;
    if (d === undefined) continue;
    elements.push(e);
    children.push(d);
  }
  return changed ? internNode(member, elements, children) : fields;
}

/** fieldsContainsAll is FieldSet.containsAll for the set an interned trie's root encodes. */
export function fieldsContainsAll(fields: FieldsV1, other: FieldSet): boolean {
  return containsAll(fields, other, true);
}

function containsAll(fields: FieldsV1, other: FieldSet, root: boolean): boolean {
  if (other.member && !isMember(fields, root)) return false;
  for (const [e, o] of other.children) {
    if (own(fields, e) ? !containsAll(fields[e]!, o, false) : !o.empty()) return false;
  }
  return true;
}
