import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../../storage/freeze.ts';
import { FieldSet } from './fieldSet.ts';
import { decodeManagers, encodeManagers, type Manager } from './managedFields.ts';

const set = (wire: object) => FieldSet.fromFieldsV1(wire);
const manager = (name: string, time: string, wire: object): Manager => ({ manager: name, operation: 'Update', apiVersion: 'v1', subresource: '', time, set: set(wire) });

describe('managedFields encoding', () => {
  it('keeps the stored entry of a manager that did not change, and re-encodes the others', () => {
    const stored = deepFreeze(encodeManagers([manager('a', '2026-01-01T00:00:00Z', { 'f:spec': { 'f:x': {} } }), manager('b', '2026-01-01T00:00:01Z', { 'f:status': { 'f:y': {} } })]));
    const [a, b] = decodeManagers(stored);
    const next = encodeManagers([a!, { ...b!, time: '2026-01-01T00:00:02Z', entry: b!.entry }]);
    expect(next[0]).toBe(stored[0]);
    expect(next[1]).not.toBe(stored[1]);
    expect(JSON.parse(JSON.stringify(next))).toEqual([
      { manager: 'a', operation: 'Update', apiVersion: 'v1', time: '2026-01-01T00:00:00Z', fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:x': {} } } },
      { manager: 'b', operation: 'Update', apiVersion: 'v1', time: '2026-01-01T00:00:02Z', fieldsType: 'FieldsV1', fieldsV1: { 'f:status': { 'f:y': {} } } },
    ]);
  });

  it('re-encodes entries a client wrote (not frozen, or not in the canonical form)', () => {
    const client = [{ manager: 'a', operation: 'Update', apiVersion: 'v1', time: '2026-01-01T00:00:00Z', fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:x': {} } }, extra: 1 }];
    const [a] = decodeManagers(deepFreeze(client));
    expect(a!.entry).toBeUndefined();
    const next = encodeManagers([a!]);
    expect(next[0]).not.toBe(client[0]);
    expect(next[0]).not.toHaveProperty('extra');
  });

  it('decodes a manager\'s set only when it is read, and skips managers whose trie is empty', () => {
    const [a, empty] = decodeManagers([
      { manager: 'a', operation: 'Update', apiVersion: 'v1', time: 't', fieldsType: 'FieldsV1', fieldsV1: { 'f:data': {} } },
      { manager: 'b', operation: 'Update', apiVersion: 'v1', time: 't', fieldsType: 'FieldsV1', fieldsV1: {} },
    ]);
    expect(a!.set.has(['f:data'])).toBe(true);
    expect(encodeManagers([a!, empty!]).map((e) => e.manager)).toEqual(['a']);
  });
});
