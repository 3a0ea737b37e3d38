import { describe, expect, it } from 'vitest';
import { deepFreeze } from './freeze.ts';

describe('deepFreeze', () => {
  it('freezes every object and array reachable through own properties and elements', () => {
    const o = deepFreeze({ a: { b: [{ c: 1 }, [2, { d: null }]] }, e: 'x', f: [] as unknown[] });
    expect(Object.isFrozen(o)).toBe(true);
    expect(Object.isFrozen(o.a)).toBe(true);
    expect(Object.isFrozen(o.a.b)).toBe(true);
    expect(Object.isFrozen(o.a.b[0])).toBe(true);
    expect(Object.isFrozen(o.a.b[1])).toBe(true);
    expect(Object.isFrozen((o.a.b[1] as unknown[])[1])).toBe(true);
    expect(Object.isFrozen(o.f)).toBe(true);
  });

  it('leaves primitives alone and returns its argument', () => {
    expect(deepFreeze(3)).toBe(3);
    expect(deepFreeze(null)).toBe(null);
    const arr = [{ x: 1 }];
    expect(deepFreeze(arr)).toBe(arr);
  });
});
