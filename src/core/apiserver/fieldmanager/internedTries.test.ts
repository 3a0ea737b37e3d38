import { describe, expect, it } from 'vitest';
import { FieldSet } from './fieldSet.ts';
import { decodeInterned, EMPTY, encodeSet, internedId } from './internedTries.ts';

const build = (wire: object) => FieldSet.fromFieldsV1(wire);

describe('interned fieldsV1 tries', () => {
  it('encodes equal sets (same members, same order) to one frozen trie, and others to their own', () => {
    const wires: object[] = [];
    for (let i = 0; i < 300; i++) {
      wires.push({ 'f:status': { 'f:podIP': {}, 'f:podIPs': { [`k:{"ip":"10.0.0.${i}"}`]: { '.': {}, 'f:ip': {} } } } });
      wires.push({ [`f:k${i % 7}`]: { '.': {}, [`f:v${i % 5}`]: {} } });
    }
    const byJson = new Map<string, object>();
    for (const w of wires) {
      const f = encodeSet(build(w))!;
      expect(Object.isFrozen(f)).toBe(true);
      expect(f).toEqual(w);
      const json = JSON.stringify(w);
      if (byJson.has(json)) expect(f).toBe(byJson.get(json));
      else {
        for (const other of byJson.values()) expect(f).not.toBe(other);
        byJson.set(json, f);
      }
      expect(internedId(f)).toBeDefined();
    }
    // Same members in another order: another trie (keys keep the set's order).
    const ab = encodeSet(build({ 'f:a': {}, 'f:b': {} }))!;
    const ba = encodeSet(build({ 'f:b': {}, 'f:a': {} }))!;
    expect(ab).not.toBe(ba);
    expect(Object.keys(ba)).toEqual(['f:b', 'f:a']);
    // A member with children keeps ".", a member leaf is EMPTY, the empty set has no trie.
    expect(encodeSet(build({ 'f:a': { '.': {}, 'f:b': {} } }))!['f:a']!['.']).toBe(EMPTY);
    expect(encodeSet(new FieldSet())).toBeUndefined();
  });

  it('decodes an interned trie to sets that remember it, sharing nodes decoded before', () => {
    const f = encodeSet(build({ 'f:spec': { 'f:x': {} }, 'f:status': { 'f:y': {} } }))!;
    const set = decodeInterned(f);
    expect(set.encoded).toBe(f);
    expect(set.has(['f:spec', 'f:x'])).toBe(true);
    expect(decodeInterned(f)).toBe(set);
    expect(set.children.get('f:spec')!.encoded).toBe(f['f:spec']);
  });

  it('keeps the number of a trie out of sight: JSON, keys, copies and clones show only its elements, and copies are not interned', () => {
    const f = encodeSet(build({ 'f:spec': { 'f:x': {} } }))!;
    expect(internedId(f)).toBeDefined();
    expect(JSON.stringify(f)).toBe('{"f:spec":{"f:x":{}}}');
    expect(Object.keys(f)).toEqual(['f:spec']);
    const copies = [{ ...f }, structuredClone(f), JSON.parse(JSON.stringify(f)) as object];
    for (const copy of copies) {
      expect(copy).toStrictEqual({ 'f:spec': { 'f:x': {} } });
      expect(internedId(copy as typeof f)).toBeUndefined();
    }
    expect(internedId(EMPTY)).toBe(0);
    expect(internedId(undefined as unknown as typeof f)).toBeUndefined();
  });
});

