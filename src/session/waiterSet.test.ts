import { describe, expect, it } from 'vitest';
import { WaiterSet, deadlineAfter, sleepOn } from './waiterSet.ts';

describe('WaiterSet', () => {
  it('resolves waiters that are done, aborted or due, and keeps the rest', async () => {
    let now = 0;
    let ready = false;
    const signal = { aborted: false };
    const set = new WaiterSet(() => now);
    const byDone = set.add(() => ready, 1000);
    const byDeadline = set.add(() => false, 500);
    const byAbort = set.add(() => false, Number.POSITIVE_INFINITY, signal);
    expect(set.deadlines()).toEqual([1000, 500, Number.POSITIVE_INFINITY]);
    now = 500;
    set.release();
    expect(set.size).toBe(2);
    ready = true;
    signal.aborted = true;
    set.release();
    expect(set.size).toBe(0);
    expect(await Promise.all([byDone, byDeadline, byAbort])).toEqual([true, false, false]);
  });

  it('releaseAll resolves everything with its current done()', async () => {
    const set = new WaiterSet(() => 0);
    const w = set.add(() => true, 10);
    set.releaseAll();
    expect(await w).toBe(true);
    expect(set.size).toBe(0);
  });

  it('deadlineAfter has no deadline for an infinite timeout', () => {
    expect(deadlineAfter(100, 50)).toBe(150);
    expect(deadlineAfter(100, Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
  });

  it('sleepOn waits until the clock reaches now + ms', async () => {
    let now = 10;
    const calls: Array<[boolean, number]> = [];
    const waitFor = (done: () => boolean, timeoutMs: number) => {
      calls.push([done(), timeoutMs]);
      now = 40;
      calls.push([done(), timeoutMs]);
      return Promise.resolve(done());
    };
    await sleepOn(waitFor, () => now, 30);
    expect(calls).toEqual([[false, 30], [true, 30]]);
  });
});
