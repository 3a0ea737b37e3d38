import { describe, expect, it } from 'vitest';
import { computeHash, fnv32a, safeEncodeString } from './podTemplateHash.ts';

describe('pod-template-hash', () => {
  it('fnv32a matches the reference FNV-1a values', () => {
    expect(fnv32a([])).toBe(0x811c9dc5);
    expect(fnv32a([...'a'].map((c) => c.charCodeAt(0)))).toBe(0xe40c292c);
    expect(fnv32a([...'foobar'].map((c) => c.charCodeAt(0)))).toBe(0xbf9cf968);
  });

  it('safeEncodeString maps digits as rand.SafeEncodeString does', () => {
    // '0'..'9' are bytes 48..57, which land on "456789bcdf" in the 27-letter alphabet.
    expect(safeEncodeString('0123456789')).toBe('456789bcdf');
  });

  it('is stable, ignores key order and changes with the collision count', () => {
    const t = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } };
    const reordered = { spec: { containers: [{ image: 'nginx', name: 'nginx' }] }, metadata: { labels: { app: 'web' } } };
    expect(computeHash(t)).toBe(computeHash(reordered));
    expect(computeHash(t)).toMatch(/^[456789bcdf]{9,10}$/);
    expect(computeHash(t, 1)).not.toBe(computeHash(t));
    expect(computeHash(t, 0)).not.toBe(computeHash(t));
  });
});
