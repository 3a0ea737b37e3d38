import { describe, expect, it } from 'vitest';
import { applyMergePatch, createMergePatch } from './jsonMergePatch.ts';

describe('JSON merge patch (RFC 7386)', () => {
  // Examples from RFC 7386 appendix A.
  it.each([
    [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
    [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
    [{ a: 'b' }, { a: null }, {}],
    [{ a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
    [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
    [{ a: 'c' }, { a: ['b'] }, { a: ['b'] }],
    [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
    [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
    [['a', 'b'], ['c', 'd'], ['c', 'd']],
    [{ a: 'b' }, ['c'], ['c']],
    [{ a: 'foo' }, null, null],
    [{ e: null }, { a: 1 }, { e: null, a: 1 }],
    [[1, 2], { a: 'b', c: null }, { a: 'b' }],
    [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
  ])('%j + %j = %j', (target, patch, want) => {
    expect(applyMergePatch(target, patch)).toEqual(want);
  });

  it('creates patches that round-trip', () => {
    const a = { metadata: { labels: { x: '1', y: '2' } }, spec: { replicas: 1, ports: [80] } };
    const b = { metadata: { labels: { x: '1', z: '3' } }, spec: { replicas: 2, ports: [80, 443] } };
    const patch = createMergePatch(a, b);
    expect(patch).toEqual({ metadata: { labels: { y: null, z: '3' } }, spec: { replicas: 2, ports: [80, 443] } });
    expect(applyMergePatch(a, patch)).toEqual(b);
  });
});
