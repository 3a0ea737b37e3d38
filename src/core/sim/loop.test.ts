import { describe, expect, it } from 'vitest';
import { WorkQueue } from '../client/workqueue.ts';
import { Store } from '../storage/store.ts';
import { VirtualClock } from './clock.ts';
import { SimLoop, type Reconciler, type ReconcilerQueue } from './loop.ts';

/** plainQueue is a queue without onReady: the loop must ask it on every pass. */
function plainQueue(): ReconcilerQueue & { add(key: string): void } {
  const keys: string[] = [];
  return {
    add: (k) => void keys.push(k),
    get: () => keys.shift(),
    len: () => keys.length,
    addAfter: () => {},
    addRateLimited: () => {},
    forget: () => {},
  };
}

describe('SimLoop', () => {
  it('runs reconcilers in order, pass after pass, whether their queues signal new work or not', () => {
    const clock = new VirtualClock(0);
    const loop = new SimLoop(clock, new Store());
    const trace: string[] = [];
    const a = new WorkQueue('a', clock);
    const b = plainQueue();
    const c = new WorkQueue('c', clock);
    const reconciler = (name: string, queue: ReconcilerQueue, then: (key: string) => void): Reconciler => ({
      name,
      queue,
      reconcile: (key) => {
        trace.push(`${name}:${key}`);
        then(key);
      },
    });
    loop.add(reconciler('a', a, (k) => (k === 'x' ? c.add('from-a') : undefined)));
    loop.add(reconciler('b', b, () => a.add('from-b')));
    loop.add(reconciler('c', c, (k) => (k === 'from-a' ? b.add('from-c') : undefined)));
    loop.runUntilIdle(); // every queue empty: marks the signalling ones idle
    a.add('x');
    loop.runUntilIdle();
    // c's work added by a runs in the same pass; b's added by c, and a's added by b, in the next ones.
    expect(trace).toEqual(['a:x', 'c:from-a', 'b:from-c', 'a:from-b']);
    // A timer adding to an idle queue wakes it too.
    clock.after(5, () => c.add('timer'));
    loop.advance(10);
    expect(trace.at(-1)).toBe('c:timer');
  });
});
