import { describe, expect, it } from 'vitest';
import { deepFreeze } from './freeze.ts';
import { shareFrozen, shareUnchanged } from './share.ts';

describe('shareUnchanged', () => {
  const stored = deepFreeze({
    metadata: { name: 'web', labels: { app: 'web' }, resourceVersion: '7' },
    status: { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'True' }, { type: 'Ready', status: 'False' }] },
  });

  it('reuses unchanged sub-objects and keeps the changed ones', () => {
    const next = {
      metadata: { name: 'web', labels: { app: 'web' }, resourceVersion: '7' },
      status: { phase: 'Running', conditions: [{ type: 'PodScheduled', status: 'True' }, { type: 'Ready', status: 'True' }] },
    };
    const out = shareUnchanged(next, stored);
    expect(out).toEqual({
      metadata: { name: 'web', labels: { app: 'web' }, resourceVersion: '7' },
      status: { phase: 'Running', conditions: [{ type: 'PodScheduled', status: 'True' }, { type: 'Ready', status: 'True' }] },
    });
    expect(out.metadata).toBe(stored.metadata);
    expect(out.status.conditions[0]).toBe(stored.status.conditions[0]);
    expect(out.status.conditions[1]).not.toBe(stored.status.conditions[1]);
    expect(out.status).not.toBe(stored.status);
  });

  it('returns the stored object when nothing changed', () => {
    const next = JSON.parse(JSON.stringify(stored)) as typeof stored;
    expect(shareUnchanged(next, stored)).toBe(stored);
  });

  it('does not share when key order or key set differs (output keeps insertion order)', () => {
    const reordered = { metadata: { labels: { app: 'web' }, name: 'web', resourceVersion: '7' }, status: stored.status };
    const out = shareUnchanged(reordered, stored);
    expect(out.metadata).not.toBe(stored.metadata);
    expect(Object.keys(out.metadata)).toEqual(['labels', 'name', 'resourceVersion']);
    expect(out.metadata.labels).toBe(stored.metadata.labels);
    const extra = { ...JSON.parse(JSON.stringify(stored)), spec: undefined } as Record<string, unknown>;
    expect(shareUnchanged(extra, stored as unknown as Record<string, unknown>)).not.toBe(stored);
  });

  it('does not share an object whose counterpart has more keys, or the same keys in another order', () => {
    const prev = Object.freeze({ m: Object.freeze({ a: 'x', b: 'y' }), n: Object.freeze({ a: 'x', b: 'y' }) });
    const out = shareUnchanged({ m: { a: 'x' }, n: { b: 'y', a: 'x' } }, prev as Record<string, Record<string, string>>);
    expect(out.m).not.toBe(prev.m);
    expect(out.n).not.toBe(prev.n);
    expect(Object.keys(out.n)).toEqual(['b', 'a']);
  });

  it('compares lists by position and length', () => {
    const next = { ...JSON.parse(JSON.stringify(stored)) } as { status: { conditions: unknown[] } };
    next.status.conditions.push({ type: 'Initialized', status: 'True' });
    const out = shareUnchanged(next, stored as unknown as typeof next);
    expect(out.status.conditions).toHaveLength(3);
    expect(out.status.conditions[0]).toBe(stored.status.conditions[0]);
    expect(out.status).not.toBe(stored.status);
  });

  it('shareFrozen shares the same parts as shareUnchanged and deep-freezes what it keeps of next', () => {
    const make = () => ({
      metadata: { name: 'web', labels: { app: 'web' }, resourceVersion: '8' },
      status: { phase: 'Running', conditions: [{ type: 'PodScheduled', status: 'True' }, { type: 'Ready', status: 'True' }, { type: 'New', status: 'x', extra: { a: [1] } }] },
      spec: { fresh: { deep: { list: [{ x: 1 }] } } },
    });
    const a = shareUnchanged(make(), stored as unknown as ReturnType<typeof make>);
    const b = shareFrozen(make(), stored as unknown as ReturnType<typeof make>);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(b.metadata.labels).toBe(stored.metadata.labels);
    expect(b.status.conditions[0]).toBe(stored.status.conditions[0]);
    const frozen = (v: unknown): boolean => v === null || typeof v !== 'object' || (Object.isFrozen(v) && Object.values(v).every(frozen));
    expect(frozen(b)).toBe(true);
    // Nothing changed: the stored object itself.
    expect(shareFrozen(JSON.parse(JSON.stringify(stored)) as typeof stored, stored)).toBe(stored);
  });
});

