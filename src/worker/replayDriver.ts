/**
 * ReplayDriver and SwitchDriver: time while a saved journal replays.
 *
 * During replay nothing follows the wall clock: the replay loop alone moves time, entry by
 * entry, and waiting commands (`sleep`, `rollout status`, `get -w`) are released as it passes
 * their deadlines. Sessions keep one driver for their lifetime, so they get a SwitchDriver
 * that delegates to the replay driver first and to the RealtimeDriver once the replay is done.
 */
import type { Cluster } from '../core/sim/cluster.ts';
import type { CancelSignal, TimeDriver } from '../session/timeDriver.ts';
import { WaiterSet, deadlineAfter, sleepOn } from '../session/waiterSet.ts';

/** ReplayDriver releases waiters only when advanceTo moves time past them. */
export class ReplayDriver implements TimeDriver {
  private readonly waiters: WaiterSet;

  constructor(private readonly cluster: Cluster) {
    this.waiters = new WaiterSet(() => cluster.now());
  }

  sleep(ms: number, signal?: CancelSignal): Promise<void> {
    return sleepOn((done, timeoutMs, s) => this.waitFor(done, timeoutMs, s), () => this.cluster.now(), ms, signal);
  }

  waitFor(done: () => boolean, timeoutMs: number, signal?: CancelSignal): Promise<boolean> {
    if (done()) return Promise.resolve(true);
    return this.waiters.add(done, deadlineAfter(this.cluster.now(), timeoutMs), signal);
  }

  /**
   * advanceTo moves time to `target`, stopping at each waiter deadline on the way so a
   * command that sleeps and then writes does so at (nearly) the instant it did live.
   */
  async advanceTo(target: number): Promise<void> {
    for (;;) {
      this.waiters.release();
      await macrotask();
      const deadlines = this.waiters.deadlines().filter((d) => d > this.cluster.now() && d <= target);
      const next = deadlines.length ? Math.min(...deadlines) : target;
      if (next > this.cluster.now()) this.cluster.loop.advanceTo(next);
      else this.cluster.settle();
      this.waiters.release();
      await macrotask();
      if (this.cluster.now() >= target) return;
    }
  }

  /** settle lets running commands take their next steps at the current instant. */
  async settle(): Promise<void> {
    this.cluster.settle();
    this.waiters.release();
    await macrotask();
  }

  /** releaseAll resolves every waiter (the replay is over; their commands were interrupted). */
  releaseAll(): void {
    this.waiters.releaseAll();
  }
}

/** SwitchDriver delegates to whichever driver is current. */
export class SwitchDriver implements TimeDriver {
  constructor(public current: TimeDriver) {}

  sleep(ms: number, signal?: CancelSignal): Promise<void> {
    return this.current.sleep(ms, signal);
  }

  waitFor(done: () => boolean, timeoutMs: number, signal?: CancelSignal): Promise<boolean> {
    return this.current.waitFor(done, timeoutMs, signal);
  }
}

/**
 * macrotask resolves after every pending promise continuation has run. NOTE: nested
 * setTimeout(0) is clamped to 4 ms by browsers, which would make a long replay slow, so
 * a MessageChannel (browser) or setImmediate (Node) is used when there is one.
 */
export function macrotask(): Promise<void> {
  const g = globalThis as { setImmediate?: (fn: () => void) => void; MessageChannel?: new () => { port1: { onmessage: (() => void) | null; close(): void }; port2: { postMessage(m: unknown): void; close(): void } } };
  return new Promise((resolve) => {
    if (g.setImmediate) return g.setImmediate(resolve);
    if (g.MessageChannel) {
      const ch = new g.MessageChannel();
      ch.port1.onmessage = () => {
        ch.port1.close();
        ch.port2.close();
        resolve();
      };
      return ch.port2.postMessage(null);
    }
    setTimeout(resolve, 0);
  });
}
