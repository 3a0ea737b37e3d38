/**
 * WaiterSet: the bookkeeping every TimeDriver shares. A waiting command registers a
 * `done` predicate with a virtual-time deadline; whenever its driver moves time (or
 * settles the cluster), `release` resolves the waiters that are done, aborted or due.
 * Drivers differ only in *how* they move time (headless jumps, realtime ticks, replay
 * follows a journal), so that part stays in each driver.
 */
import type { CancelSignal } from './timeDriver.ts';

interface Waiter {
  done: () => boolean;
  deadline: number;
  signal?: CancelSignal;
  resolve: (ok: boolean) => void;
}

/** WaiterSet holds pending waits against one cluster's virtual clock. */
export class WaiterSet {
  private readonly waiters = new Set<Waiter>();

  constructor(private readonly now: () => number) {}

  /** size is the number of pending waiters. */
  get size(): number {
    return this.waiters.size;
  }

  /** add registers a wait until `deadline` (virtual ms); the promise resolves to done() at release. */
  add(done: () => boolean, deadline: number, signal?: CancelSignal): Promise<boolean> {
    return new Promise((resolve) => this.waiters.add({ done, deadline, signal, resolve }));
  }

  /** deadlines lists the pending waiters' deadlines. */
  deadlines(): number[] {
    return [...this.waiters].map((w) => w.deadline);
  }

  /** release resolves every waiter that is done, aborted or past its deadline. */
  release(): void {
    const now = this.now();
    for (const w of [...this.waiters]) {
      const ok = w.done();
      if (ok || w.signal?.aborted || now >= w.deadline) {
        this.waiters.delete(w);
        w.resolve(ok);
      }
    }
  }

  /** releaseAll resolves every waiter with its current done() (their commands are being interrupted). */
  releaseAll(): void {
    for (const w of this.waiters) w.resolve(w.done());
    this.waiters.clear();
  }
}

/** deadlineAfter is `now + timeoutMs`, or no deadline at all for an infinite timeout. */
export function deadlineAfter(now: number, timeoutMs: number): number {
  return Number.isFinite(timeoutMs) ? now + timeoutMs : Number.POSITIVE_INFINITY;
}

/** sleepOn is TimeDriver.sleep in terms of waitFor: wait until the clock reaches now + ms. */
export function sleepOn(
  waitFor: (done: () => boolean, timeoutMs: number, signal?: CancelSignal) => Promise<boolean>,
  now: () => number,
  ms: number,
  signal?: CancelSignal,
): Promise<void> {
  const until = now() + Math.max(0, ms);
  return waitFor(() => now() >= until, ms, signal).then(() => undefined);
}
