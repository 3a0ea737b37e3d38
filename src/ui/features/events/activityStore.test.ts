import { describe, expect, it } from 'vitest';
import { appendCapped } from './activityStore.ts';

const rec = (summary: string) => ({ at: 0, component: 'replicaset-controller', verb: 'reconcile', summary });

describe('appendCapped', () => {
  it('keeps the newest records up to the cap', () => {
    const a = appendCapped([], [rec('a'), rec('b')], 3);
    const b = appendCapped(a, [rec('c'), rec('d')], 3);
    expect(b.map((r) => r.summary)).toEqual(['b', 'c', 'd']);
    expect(appendCapped(b, [rec('e'), rec('f'), rec('g'), rec('h')], 3).map((r) => r.summary)).toEqual(['f', 'g', 'h']);
  });
});
