import { describe, expect, it } from 'vitest';
import { visibleRange } from './virtualRange.ts';

describe('visibleRange', () => {
  it('draws the rows in view plus the overscan, and spacers for the rest', () => {
    expect(visibleRange(5000, 20, 0, 200, 5)).toEqual({ start: 0, end: 16, padTop: 0, padBottom: (5000 - 16) * 20 });
    const mid = visibleRange(5000, 20, 20_000, 200, 5);
    expect(mid).toEqual({ start: 995, end: 1016, padTop: 995 * 20, padBottom: (5000 - 1016) * 20 });
    expect(mid.padTop + (mid.end - mid.start) * 20 + mid.padBottom).toBe(5000 * 20);
  });

  it('clamps at the end and for short lists', () => {
    expect(visibleRange(5000, 20, 10_000_000, 200, 5)).toMatchObject({ start: 4994, end: 5000, padBottom: 0 });
    expect(visibleRange(3, 20, 0, 400)).toEqual({ start: 0, end: 3, padTop: 0, padBottom: 0 });
    expect(visibleRange(0, 20, 0, 400)).toEqual({ start: 0, end: 0, padTop: 0, padBottom: 0 });
  });

  it('accounts for content above the first row (a table header)', () => {
    expect(visibleRange(100, 20, 30, 100, 0, 30).start).toBe(0);
    expect(visibleRange(100, 20, 230, 100, 0, 30).start).toBe(10);
  });
});
