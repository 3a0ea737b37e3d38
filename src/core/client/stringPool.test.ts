import { describe, expect, it } from 'vitest';
import { StringPool } from './stringPool.ts';

describe('StringPool', () => {
  it('returns equal strings for equal input, whatever pieces they were built from', () => {
    const pool = new StringPool();
    const name = 'web';
    const a = pool.get(`Started container ${name}`);
    const b = pool.get(['Started', 'container', name].join(' '));
    expect(a).toBe('Started container web');
    expect(b).toBe(a);
  });

  it('starts over when full and still answers with equal content', () => {
    const pool = new StringPool(2);
    for (const s of ['aaaaaaaaaaaaaaa1', 'aaaaaaaaaaaaaaa2', 'aaaaaaaaaaaaaaa3', 'aaaaaaaaaaaaaaa1']) expect(pool.get(s)).toBe(s);
    expect((pool as unknown as { strings: Map<string, string> }).strings.size).toBeLessThanOrEqual(2);
  });
});
