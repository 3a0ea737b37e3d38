import { describe, expect, it } from 'vitest';
import { EventCorrelatorCache, hashKey } from './eventCorrelatorCache.ts';

/** key builds the seven aggregation-key arguments, varying only what a test names. */
const key = (over: Partial<Record<'uid' | 'kind' | 'name' | 'fieldPath' | 'type' | 'reason' | 'message', string>> = {}) =>
  [over.uid ?? 'u1', over.kind ?? 'Pod', over.name ?? 'web', over.fieldPath ?? '', over.type ?? 'Normal', over.reason ?? 'Started', over.message ?? 'Started container web'] as const;

describe('EventCorrelatorCache', () => {
  it('finds an event by its whole key and nothing that differs in any part', () => {
    const c = new EventCorrelatorCache();
    c.add(...key(), 'default', 'web.1');
    expect(c.get(...key())).toMatchObject({ namespace: 'default', eventName: 'web.1' });
    for (const part of ['uid', 'kind', 'name', 'fieldPath', 'type', 'reason', 'message'] as const) {
      expect(c.get(...key({ [part]: 'other' }))).toBeUndefined();
    }
  });

  it('tells apart keys whose hashes collide', () => {
    // Same uid, reason and message: same hash, different field path and type.
    const c = new EventCorrelatorCache();
    c.add(...key({ fieldPath: 'spec.containers{a}' }), 'default', 'a');
    c.add(...key({ fieldPath: 'spec.containers{b}' }), 'default', 'b');
    c.add(...key({ fieldPath: 'spec.containers{b}', type: 'Warning' }), 'default', 'w');
    expect(c.get(...key({ fieldPath: 'spec.containers{a}' }))?.eventName).toBe('a');
    expect(c.get(...key({ fieldPath: 'spec.containers{b}' }))?.eventName).toBe('b');
    expect(c.get(...key({ fieldPath: 'spec.containers{b}', type: 'Warning' }))?.eventName).toBe('w');
    expect(c.size).toBe(3);
  });

  it('forgets the least recently used key past its limit; a hit counts as a use', () => {
    const c = new EventCorrelatorCache(3);
    for (const m of ['a', 'b', 'c']) c.add(...key({ message: m }), 'default', m);
    c.get(...key({ message: 'a' }));
    c.add(...key({ message: 'd' }), 'default', 'd');
    expect(c.size).toBe(3);
    expect(c.get(...key({ message: 'b' }))).toBeUndefined();
    expect(c.get(...key({ message: 'a' }))?.eventName).toBe('a');
    c.add(...key({ message: 'e' }), 'default', 'e');
    // Order of use now: d, a, e (c was evicted by e).
    expect(c.get(...key({ message: 'c' }))).toBeUndefined();
    expect([...'dae'].map((m) => c.get(...key({ message: m }))?.eventName)).toEqual(['d', 'a', 'e']);
  });

  it('evicts an entry from the middle of a collision chain and keeps the rest', () => {
    const c = new EventCorrelatorCache(2);
    c.add(...key({ type: 'Normal' }), 'default', 'n');
    c.add(...key({ type: 'Warning' }), 'default', 'w');
    c.get(...key({ type: 'Normal' }));
    // Warning (the chain head) is the oldest now.
    c.add(...key({ type: 'X' }), 'default', 'x');
    expect(c.get(...key({ type: 'Warning' }))).toBeUndefined();
    expect(c.get(...key({ type: 'Normal' }))?.eventName).toBe('n');
    expect(c.get(...key({ type: 'X' }))?.eventName).toBe('x');
  });

  it('finds every entry as its table grows, and keeps exactly the most recent ones at its limit', () => {
    const c = new EventCorrelatorCache(300);
    for (let i = 0; i < 1000; i++) {
      c.add(...key({ uid: `u${i % 400}`, message: `m${i}` }), 'default', `e${i}`);
      // Touch an early one now and then: it must survive the evictions.
      if (i % 10 === 0) expect(c.get(...key({ uid: 'u0', message: 'm0' }))?.eventName).toBe('e0');
    }
    expect(c.size).toBe(300);
    expect(c.get(...key({ uid: 'u0', message: 'm0' }))?.eventName).toBe('e0');
    const kept = [];
    for (let i = 0; i < 1000; i++) if (c.get(...key({ uid: `u${i % 400}`, message: `m${i}` }))) kept.push(i);
    expect(kept).toEqual([0, ...Array.from({ length: 299 }, (_, k) => 701 + k)]);
  });

  it('lets the caller repoint a remembered key at a new Event', () => {
    const c = new EventCorrelatorCache();
    c.add(...key(), 'default', 'web.1');
    const e = c.get(...key())!;
    e.eventName = 'web.2';
    expect(c.get(...key())?.eventName).toBe('web.2');
  });

  it('hashes to small integers and separates the parts', () => {
    expect(hashKey('ab', 'c', '')).not.toBe(hashKey('a', 'bc', ''));
    expect(Number.isInteger(hashKey('u', 'r', 'm'))).toBe(true);
    expect(hashKey('u', 'r', 'm')).toBeLessThan(2 ** 30);
  });
});
