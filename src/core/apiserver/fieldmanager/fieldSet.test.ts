import { describe, expect, it } from 'vitest';
import { FieldSet } from './fieldSet.ts';
import { printPath } from './pathElement.ts';

describe('FieldSet', () => {
  it('round-trips fieldsV1 with "." where a member has children', () => {
    const wire = { 'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } }, 'f:spec': { 'f:replicas': {} } };
    const set = FieldSet.fromFieldsV1(wire);
    expect(set.has(['f:metadata', 'f:labels'])).toBe(true);
    expect(set.has(['f:metadata'])).toBe(false);
    expect(set.toFieldsV1()).toEqual(wire);
  });

  it('difference keeps children of a removed member; recursiveDifference drops them', () => {
    const a = FieldSet.fromFieldsV1({ 'f:data': { '.': {}, 'f:a': {}, 'f:b': {} } });
    const b = FieldSet.fromFieldsV1({ 'f:data': {} });
    expect(a.difference(b).toFieldsV1()).toEqual({ 'f:data': { 'f:a': {}, 'f:b': {} } });
    expect(a.recursiveDifference(b).empty()).toBe(true);
  });

  it('set operations share unchanged subtrees with their inputs and leave the inputs as they were', () => {
    const a = FieldSet.fromFieldsV1({ 'f:status': { 'f:phase': {}, 'f:conditions': { 'k:{"type":"Ready"}': { 'f:status': {} } } } });
    const b = FieldSet.fromFieldsV1({ 'f:status': { 'f:podIP': {} } });
    const u = a.union(b);
    const conditions = a.children.get('f:status')!.children.get('f:conditions');
    expect(u.children.get('f:status')!.children.get('f:conditions')).toBe(conditions);
    expect(u.children.get('f:status')!.children.get('f:podIP')).toBe(b.children.get('f:status')!.children.get('f:podIP'));
    expect(u.difference(b).children.get('f:status')!.children.get('f:conditions')).toBe(conditions);
    expect(a.toFieldsV1()).toEqual({ 'f:status': { 'f:conditions': { 'k:{"type":"Ready"}': { 'f:status': {} } }, 'f:phase': {} } });
    expect(b.toFieldsV1()).toEqual({ 'f:status': { 'f:podIP': {} } });
  });

  it('prints paths the way conflict messages show them', () => {
    expect(printPath(['f:spec', 'f:template', 'f:spec', 'f:containers', 'k:{"name":"nginx"}', 'f:image'])).toBe(
      '.spec.template.spec.containers[name="nginx"].image',
    );
    expect(printPath(['f:metadata', 'f:finalizers', 'v:"x"'])).toBe('.metadata.finalizers[="x"]');
  });

  it('union, difference and recursiveDifference return the set itself when the other changes nothing', () => {
    const a = FieldSet.fromFieldsV1({ 'f:status': { 'f:phase': {}, 'f:conditions': { 'k:{"type":"Ready"}': { '.': {}, 'f:status': {} } } } });
    const sub = FieldSet.fromFieldsV1({ 'f:status': { 'f:conditions': { 'k:{"type":"Ready"}': { 'f:status': {} } } } });
    const none = new FieldSet();
    expect(a.union(sub)).toBe(a);
    expect(a.union(none)).toBe(a);
    expect(a.difference(none)).toBe(a);
    expect(a.recursiveDifference(none)).toBe(a);
    // A union that adds a field copies only the path to it, sharing untouched subtrees.
    const grown = a.union(FieldSet.fromFieldsV1({ 'f:status': { 'f:podIP': {} } }));
    expect(grown).not.toBe(a);
    expect(grown.children.get('f:status')!.children.get('f:conditions')).toBe(a.children.get('f:status')!.children.get('f:conditions'));
    expect(grown.toFieldsV1()).toEqual({ 'f:status': { 'f:conditions': { 'k:{"type":"Ready"}': { '.': {}, 'f:status': {} } }, 'f:phase': {}, 'f:podIP': {} } });
    expect(a.has(['f:status', 'f:podIP'])).toBe(false);
  });

  it('union keeps element order: the first set\'s children, then the other\'s new ones', () => {
    const a = FieldSet.fromFieldsV1({ 'f:b': {}, 'f:a': { 'f:x': {} } });
    const u = a.union(FieldSet.fromFieldsV1({ 'f:c': {}, 'f:a': { 'f:y': {} } }));
    expect([...u.children.keys()]).toEqual(['f:b', 'f:a', 'f:c']);
    expect([...u.children.get('f:a')!.children.keys()]).toEqual(['f:x', 'f:y']);
    const m = a.union(FieldSet.fromFieldsV1({ 'f:a': {} }));
    expect(m.children.get('f:a')!.member).toBe(true);
    expect(a.children.get('f:a')!.member).toBe(false);
  });

  it('difference and recursiveDifference keep the subtrees other does not reach', () => {
    const a = FieldSet.fromFieldsV1({ 'f:spec': { 'f:containers': { 'k:{"name":"web"}': { '.': {}, 'f:image': {} } } }, 'f:status': { 'f:phase': {}, 'f:qosClass': {} } });
    const phase = FieldSet.fromFieldsV1({ 'f:status': { 'f:phase': {} } });
    for (const d of [a.difference(phase), a.recursiveDifference(phase)]) {
      expect(d.children.get('f:spec')).toBe(a.children.get('f:spec'));
      expect(d.toFieldsV1()).toEqual({ 'f:spec': { 'f:containers': { 'k:{"name":"web"}': { '.': {}, 'f:image': {} } } }, 'f:status': { 'f:qosClass': {} } });
    }
    // Emptied subtrees go; the input is unchanged.
    const status = FieldSet.fromFieldsV1({ 'f:status': { 'f:phase': {}, 'f:qosClass': {} } });
    expect([...a.difference(status).children.keys()]).toEqual(['f:spec']);
    expect(a.has(['f:status', 'f:phase'])).toBe(true);
  });
});

