import { describe, expect, it } from 'vitest';
import { Random } from '../sim/random.ts';
import { newUID } from './objectMeta.ts';

describe('newUID', () => {
  it('draws 32 hex digits as an RFC 4122 v4 UID, the same for the same seed', () => {
    // Pinned: saved clusters and the bench fingerprint depend on the exact sequence.
    expect(newUID(new Random(5))).toBe('bc3919b7-e3cb-4074-a4cb-40c3417f31d5');
    const r = new Random(7);
    const uids = Array.from({ length: 50 }, () => newUID(r));
    for (const u of uids) expect(u).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(uids).size).toBe(50);
    // Exactly 32 draws per UID.
    const a = new Random(9);
    const b = new Random(9);
    newUID(a);
    for (let i = 0; i < 32; i++) b.int(16);
    expect(a.getState()).toBe(b.getState());
  });
});
