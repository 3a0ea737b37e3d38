import { describe, expect, it } from 'vitest';
import { differenceFields, fieldsContainsAll, recursiveDifferenceFields, unionFields } from './encodedSetOps.ts';
import { FieldSet } from './fieldSet.ts';
import { EMPTY, encodeSet } from './internedTries.ts';

// A small alphabet of paths, so random sets overlap, nest (a member with children) and
// reach each other's members from above (what recursiveDifference removes).
const ELEMENTS = ['f:a', 'f:b', 'k:{"type":"Ready"}', 'f:c', '.x'];

/** lcg is a seeded generator (tests stay deterministic). */
function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s >>> 8;
  };
}

function randomSet(next: () => number): FieldSet {
  const set = new FieldSet();
  const n = next() % 6;
  for (let i = 0; i < n; i++) {
    const depth = 1 + (next() % 3);
    const path: string[] = [];
    for (let d = 0; d < depth; d++) path.push(ELEMENTS[next() % (ELEMENTS.length - 1)]!);
    set.insert(path);
  }
  return set;
}

// A copy built from scratch (no encodings cached): the FieldSet operations' result is
// then encoded as the code before encodedSetOps did it.
const fresh = (s: FieldSet) => FieldSet.fromFieldsV1(s.toFieldsV1());
const trieOf = (s: FieldSet) => encodeSet(fresh(s)) ?? EMPTY;
const encoded = (s: FieldSet) => encodeSet(s) ?? EMPTY;

describe('set operations on interned tries', () => {
  it('give the trie the FieldSet operation encodes to: same members, same order, same interned object', () => {
    const next = lcg(7);
    for (let i = 0; i < 2000; i++) {
      const a = randomSet(next);
      const b = randomSet(next);
      const trie = trieOf(a);
      // Sets as decode builds them: member leaves, children in insertion order.
      const set = FieldSet.fromFieldsV1(trie);
      expect(unionFields(trie, fresh(b))).toBe(encoded(set.union(fresh(b))));
      expect(differenceFields(trie, fresh(b))).toBe(encoded(set.difference(fresh(b))));
      expect(recursiveDifferenceFields(trie, fresh(b))).toBe(encoded(set.recursiveDifference(fresh(b))));
      expect(fieldsContainsAll(trie, fresh(b))).toBe(set.containsAll(fresh(b)));
    }
  });

  it('return the trie itself when the operation changes nothing', () => {
    const trie = trieOf(FieldSet.fromFieldsV1({ 'f:status': { 'f:phase': {}, 'f:conditions': { '.': {}, 'k:{"type":"Ready"}': {} } } }));
    const owned = FieldSet.fromFieldsV1({ 'f:status': { 'f:phase': {} } });
    expect(unionFields(trie, owned)).toBe(trie);
    expect(differenceFields(trie, FieldSet.fromFieldsV1({ 'f:spec': { 'f:x': {} } }))).toBe(trie);
    expect(recursiveDifferenceFields(trie, new FieldSet())).toBe(trie);
    expect(fieldsContainsAll(trie, owned)).toBe(true);
  });

  it('add new members after the kept ones, and drop what is emptied (EMPTY for nothing left)', () => {
    const trie = trieOf(FieldSet.fromFieldsV1({ 'f:status': { 'f:phase': {}, 'f:qosClass': {} } }));
    const grown = unionFields(trie, FieldSet.fromFieldsV1({ 'f:status': { 'f:podIP': {}, 'f:phase': {} } }));
    expect(Object.keys(grown['f:status']!)).toEqual(['f:phase', 'f:qosClass', 'f:podIP']);
    expect(differenceFields(trie, FieldSet.fromFieldsV1({ 'f:status': { 'f:phase': {} } }))).toEqual({ 'f:status': { 'f:qosClass': {} } });
    expect(recursiveDifferenceFields(trie, FieldSet.fromFieldsV1({ 'f:status': {} }))).toBe(EMPTY);
    expect(unionFields(EMPTY, FieldSet.fromFieldsV1({ 'f:a': {} }))).toEqual({ 'f:a': {} });
  });
});
