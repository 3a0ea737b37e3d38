import { describe, expect, it } from 'vitest';
import { deepEqual } from './equality.ts';

describe('deepEqual', () => {
  it('ignores key order and treats undefined fields as missing', () => {
    expect(deepEqual({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).toBe(true);
    expect(deepEqual({ a: 1, x: undefined }, { a: 1 })).toBe(true);
    expect(deepEqual({ a: 1 }, { a: 1, x: undefined, y: undefined })).toBe(true);
  });

  it('tells apart extra, missing and different fields, null and arrays', () => {
    expect(deepEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(deepEqual({ a: 1, b: 2 }, { a: 1 })).toBe(false);
    expect(deepEqual({ a: 1, b: undefined }, { a: 1, c: 2 })).toBe(false);
    expect(deepEqual({ a: null }, { a: undefined })).toBe(false);
    expect(deepEqual({ a: null }, {})).toBe(false);
    expect(deepEqual([1, 2], { 0: 1, 1: 2 })).toBe(false);
    expect(deepEqual([1, [2]], [1, [3]])).toBe(false);
    expect(deepEqual({ a: '1' }, { a: 1 })).toBe(false);
  });

  it('looks only at own fields', () => {
    const inherited = Object.create({ a: 1 }) as Record<string, unknown>;
    expect(deepEqual(inherited, {})).toBe(true);
  });
});
