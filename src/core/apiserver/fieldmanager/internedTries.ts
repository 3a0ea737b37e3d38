/**
 * Interned fieldsV1 tries (hash-consing): identical tries (pods of one ReplicaSet written by
 * the same managers, the conditions of every pod) are one frozen object, subtree by subtree,
 * so a thousand replicas do not hold a thousand copies of the same fieldsV1, and a decoded
 * FieldSet node remembers the trie it encodes to (FieldSet.encoded).
 *
 * Tries keep their children in the set's insertion order (printers sort keys anyway), so two
 * sets with the same members in another order are two tries.
 */
import { FieldSet, type FieldsV1 } from './fieldSet.ts';

// Every interned trie has a number (EMPTY is 0): a node is looked up by a hash of its
// children's element and trie numbers, then confirmed against the candidates' own keys and
// children. Numbers are never reused, so a cleared table (bounded) only loses sharing with
// the tries interned before.
//
// The number is kept on the trie itself, under a symbol and not enumerable: JSON, for-in,
// Object.keys, structured clones and thaw's copies never see it (a copy is then not
// interned, as a client's trie is not). A WeakMap from trie to number did the same, but
// setting and reading it cost more than building the trie (~0.7 us per trie set, measured;
// ~12 new tries per pod), and its entries are ephemerons every GC has to trace.
const ID: unique symbol = Symbol('internedTrieId');

/** withId numbers a new trie, before it is frozen. */
function withId(fields: FieldsV1, id: number): FieldsV1 {
  Object.defineProperty(fields, ID, { value: id });
  return fields;
}

/** EMPTY is the interned empty trie: a member leaf below the root, the empty set at the root. */
export const EMPTY: FieldsV1 = Object.freeze(withId({}, 0));

let nextId = 1;
const byHash = new Map<number, FieldsV1 | FieldsV1[]>();
let internedCount = 0;
const INTERN_LIMIT = 8192;

/** internedId is the number of an interned trie; undefined for a trie that is not ours (a client's, or restored). */
export function internedId(fields: FieldsV1): number | undefined {
  return fields !== null && typeof fields === 'object' ? idOf(fields) : undefined;
}

/** idOf reads the number of a trie (undefined when it has none). */
function idOf(fields: FieldsV1): number | undefined {
  return (fields as unknown as { [ID]?: number })[ID];
}

// Element numbers for the hash, by element text (bounded like the table).
const elementIds = new Map<string, number>();
let nextElementId = 1;
const ELEMENT_IDS_LIMIT = 16384;

function elementId(e: string): number {
  let id = elementIds.get(e);
  if (id === undefined) {
    if (elementIds.size >= ELEMENT_IDS_LIMIT) elementIds.clear();
    id = nextElementId++;
    elementIds.set(e, id);
  }
  return id;
}

// A 32-bit mix of the hash so far and one more number (murmur3's finaliser steps).
function mix(h: number, x: number): number {
  h = Math.imul(h ^ x, 0x9e3779b1);
  return h ^ (h >>> 15);
}

/**
 * encodeSet is FieldSet.toFieldsV1 with interning; undefined for an empty set. Every node
 * keeps its encoding (FieldSet.encoded): built sets are never changed and set operations
 * share unchanged subtrees, so re-encoding a manager's grown set costs only the path to
 * what changed.
 */
export function encodeSet(set: FieldSet): FieldsV1 | undefined {
  const known = set.encoded;
  if (known !== undefined) return known ?? undefined;
  const fields = encodeNode(set);
  set.encoded = fields ?? null;
  if (fields) set.encodedId = idOf(fields)!;
  return fields;
}

function encodeNode(set: FieldSet): FieldsV1 | undefined {
  let h = set.member ? 1 : 2;
  let count = 0;
  for (const [e, c] of set.children) {
    const child = encodeSet(c);
    if (!child) continue;
    count++;
    h = mix(mix(h, elementId(e)), c.encodedId);
  }
  if (count === 0) return set.member ? EMPTY : undefined;
  const bucket = byHash.get(h);
  if (bucket !== undefined) {
    if (!Array.isArray(bucket)) {
      if (encodes(bucket, set, count)) return bucket;
    } else {
      for (const f of bucket) if (encodes(f, set, count)) return f;
    }
  }
  const out: FieldsV1 = {};
  if (set.member) out['.'] = EMPTY;
  for (const [e, c] of set.children) if (c.encoded) out[e] = c.encoded;
  return store(h, bucket, out);
}

/** store freezes a new trie and files it under its hash (bucket: what the table held there). */
function store(h: number, bucket: FieldsV1 | FieldsV1[] | undefined, out: FieldsV1): FieldsV1 {
  Object.freeze(withId(out, nextId++));
  if (internedCount >= INTERN_LIMIT) {
    byHash.clear();
    internedCount = 0;
  }
  if (bucket === undefined || internedCount === 0) byHash.set(h, out);
  else if (Array.isArray(bucket)) bucket.push(out);
  else byHash.set(h, [bucket, out]);
  internedCount++;
  return out;
}

/**
 * internNode is the interned trie of a node given by its member flag and its children's
 * elements and interned tries, in order (what encodeSet would return for a set with those
 * members; undefined for the empty set). The set operations on tries (encodedSetOps.ts)
 * build their results with it, sharing the table with encodeSet: the same members give the
 * same trie either way.
 */
export function internNode(member: boolean, elements: readonly string[], children: readonly FieldsV1[]): FieldsV1 | undefined {
  const count = children.length;
  if (count === 0) return member ? EMPTY : undefined;
  let h = member ? 1 : 2;
  for (let i = 0; i < count; i++) h = mix(mix(h, elementId(elements[i]!)), idOf(children[i]!)!);
  const bucket = byHash.get(h);
  if (bucket !== undefined) {
    if (!Array.isArray(bucket)) {
      if (holds(bucket, member, elements, children)) return bucket;
    } else {
      for (const f of bucket) if (holds(f, member, elements, children)) return f;
    }
  }
  const out: FieldsV1 = {};
  if (member) out['.'] = EMPTY;
  for (let i = 0; i < count; i++) out[elements[i]!] = children[i]!;
  return store(h, bucket, out);
}

/** holds tells whether an interned trie is exactly the node internNode is asked for. */
function holds(fields: FieldsV1, member: boolean, elements: readonly string[], children: readonly FieldsV1[]): boolean {
  let i = member ? -1 : 0;
  for (const k in fields) {
    if (i === -1) {
      if (k !== '.') return false;
    } else if (i >= children.length || k !== elements[i] || fields[k] !== children[i]) return false;
    i++;
  }
  return i === children.length;
}

/** encodes tells whether an interned trie is the encoding of a set whose children are encoded (count of them non-empty). */
function encodes(fields: FieldsV1, set: FieldSet, count: number): boolean {
  const keys = Object.keys(fields);
  let i = 0;
  if (set.member) {
    if (keys[0] !== '.') return false;
    i = 1;
  }
  if (keys.length !== i + count) return false;
  for (const [e, c] of set.children) {
    if (!c.encoded) continue;
    if (keys[i] !== e || fields[e] !== c.encoded) return false;
    i++;
  }
  return true;
}

// Decoded interned tries, node by node (bounded): pods of one template share most of their
// tries, so most nodes decode to a FieldSet already built, and the decoded nodes remember
// their encoding, so a write that keeps them encodes only what changed. Small: only a
// writer's own set is decoded (see decodeManagers), the nodes worth keeping are the ones
// shared by many objects, and a full table is a few hundred KB of sets and maps.
const decodedNodes = new Map<FieldsV1, FieldSet>();
const DECODED_NODES_LIMIT = 1024;
const LEAF = new FieldSet();
LEAF.member = true;
LEAF.encoded = EMPTY;
LEAF.encodedId = 0;

/**
 * decodeInterned is FieldSet.fromFieldsV1 for a trie encodeSet produced (canonical: its
 * children are interned too), sharing the sets of nodes decoded before. Built sets are
 * never changed (FieldSet), so sharing them is safe.
 */
export function decodeInterned(fields: FieldsV1): FieldSet {
  let set = decodedNodes.get(fields);
  if (set) return set;
  set = new FieldSet();
  for (const e of Object.keys(fields)) {
    if (e === '.') {
      set.member = true;
      continue;
    }
    const child = fields[e]!;
    set.setChild(e, child === EMPTY || !hasKeys(child) ? LEAF : decodeInterned(child));
  }
  if (fields !== EMPTY) {
    set.encoded = fields;
    set.encodedId = idOf(fields)!;
  }
  if (decodedNodes.size >= DECODED_NODES_LIMIT) decodedNodes.clear();
  decodedNodes.set(fields, set);
  return set;
}

function hasKeys(o: object): boolean {
  for (const k in o) if (Object.prototype.hasOwnProperty.call(o, k)) return true;
  return false;
}
