/**
 * Set questions answered on the wire form of a field set (fieldsV1) without decoding it
 * into a FieldSet: a write asks every other manager whether it owns a field the write
 * changed or removed, and almost always the answer is no, so building their sets (the
 * whole pod for its creator) would be wasted work.
 *
 * The wire form (fieldpath.SetToFields): every child under its element name; below the
 * root a node without keys is a member leaf, and `".": {}` marks a member that also has
 * children. Every node present below the root therefore holds at least one member.
 */
import type { FieldSet, FieldsV1 } from './fieldSet.ts';

/** fieldsIntersect is FieldSet.intersects for the set `fields` encodes: does it own a member of other? */
export function fieldsIntersect(fields: FieldsV1, other: FieldSet): boolean {
  return nodeIntersects(fields, own(fields, '.'), other);
}

function nodeIntersects(fields: FieldsV1, member: boolean, other: FieldSet): boolean {
  if (member && other.member) return true;
  for (const [e, o] of other.children) {
    if (!own(fields, e)) continue;
    const c = fields[e];
    if (isLeaf(c) ? o.member : nodeIntersects(c, own(c, '.'), o)) return true;
  }
  return false;
}

/**
 * fieldsTouchedBy is FieldSet.touchedBy for the set `fields` encodes: does it own a member
 * of other, or something below one (what recursiveDifference would remove)?
 */
export function fieldsTouchedBy(fields: FieldsV1, other: FieldSet): boolean {
  if (other.member && Object.keys(fields).length > 0) return true;
  return childrenTouchedBy(fields, other);
}

function childrenTouchedBy(fields: FieldsV1, other: FieldSet): boolean {
  for (const [e, o] of other.children) {
    if (!own(fields, e)) continue;
    const c = fields[e];
    // A present child holds a member: a member of other at or above it touches it.
    if (o.member) return true;
    if (!isLeaf(c) && childrenTouchedBy(c, o)) return true;
  }
  return false;
}

// Own keys only: a trie may come from a client, and elements are never prototype names anyway.
const own = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);

/** isLeaf is FieldSet.fromFieldsV1's leaf test: no keys, or not an object at all. */
function isLeaf(c: unknown): boolean {
  if (!c || typeof c !== 'object') return true;
  for (const k in c) if (own(c, k)) return false;
  return true;
}
