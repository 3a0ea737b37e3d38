/**
 * TimeDriver: how waiting commands move the cluster's virtual time.
 *
 * Headless (CLI, tests) time moves only while something waits (`sleep`, `kubectl wait`,
 * `rollout status`, `get -w` with a timeout): the driver jumps the clock from one due
 * timer to the next, settling the cluster at each instant, until every waiter is done.
 * In the browser a ticker advances time with the wall clock instead (see RealtimeDriver).
 */
import type { Cluster } from '../core/sim/cluster.ts';
import { WaiterSet, sleepOn } from './waiterSet.ts';

/** CancelSignal is the part of AbortSignal waiters look at. */
export interface CancelSignal {
  readonly aborted: boolean;
}

/** TimeDriver is what the shell and kubectl use to wait. */
export interface TimeDriver {
  /** sleep waits ms of virtual time (returns early when the signal aborts). */
  sleep(ms: number, signal?: CancelSignal): Promise<void>;
  /** waitFor waits until done() holds, the timeout passes or the signal aborts; resolves to done(). */
  waitFor(done: () => boolean, timeoutMs: number, signal?: CancelSignal): Promise<boolean>;
}

/** HORIZON bounds an endless headless wait (e.g. `kubectl get -w` without a timeout). */
const HORIZON_MS = 24 * 3600_000;

/** HeadlessDriver advances virtual time as fast as the waiters allow. */
export class HeadlessDriver implements TimeDriver {
  private readonly waiters: WaiterSet;
  private pumping = false;

  constructor(private readonly cluster: Cluster) {
    this.waiters = new WaiterSet(() => cluster.now());
  }

  sleep(ms: number, signal?: CancelSignal): Promise<void> {
    return sleepOn((done, timeoutMs, s) => this.waitFor(done, timeoutMs, s), () => this.cluster.now(), ms, signal);
  }

  waitFor(done: () => boolean, timeoutMs: number, signal?: CancelSignal): Promise<boolean> {
    const limit = Number.isFinite(timeoutMs) ? Math.max(0, timeoutMs) : HORIZON_MS;
    const waited = this.waiters.add(done, this.cluster.now() + limit, signal);
    void this.pump();
    return waited;
  }

  /** pump settles the cluster, releases satisfied waiters, yields, then jumps to the next instant. */
  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.waiters.size > 0) {
        this.cluster.settle();
        this.waiters.release();
        // Let released waiters' continuations run: they may add waiters or abort others.
        await yieldMicrotasks();
        this.waiters.release();
        if (this.waiters.size === 0) break;
        const next = this.cluster.clock.nextTimerAt();
        const deadline = Math.min(...this.waiters.deadlines());
        const target = next === undefined ? deadline : Math.min(next, deadline);
        this.cluster.loop.advanceTo(Math.max(target, this.cluster.now()));
      }
    } finally {
      this.pumping = false;
    }
  }
}

/**
 * yieldMicrotasks lets every pending promise continuation run (a macrotask boundary), so a
 * command that finished waiting can start its next wait before time moves on.
 */
function yieldMicrotasks(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
