/**
 * RealtimeDriver: virtual time follows the wall clock (times a speed factor), as in the
 * browser and the interactive CLI. A ticker advances the cluster; waiters are checked
 * after every tick. Pausing stops time; `step` runs to the next timer.
 */
import type { Cluster } from '../core/sim/cluster.ts';
import type { CancelSignal, TimeDriver } from './timeDriver.ts';
import { WaiterSet, deadlineAfter, sleepOn } from './waiterSet.ts';

export class RealtimeDriver implements TimeDriver {
  private readonly waiters: WaiterSet;
  private timer: ReturnType<typeof setInterval> | undefined;
  private lastWall = 0;
  speed = 1;
  paused = false;
  /** onTick observes each advance (the worker batches UI updates on it). */
  onTick?: () => void;

  constructor(
    private readonly cluster: Cluster,
    private readonly wallNow: () => number = () => Date.now(),
    private readonly tickMs = 50,
  ) {
    this.waiters = new WaiterSet(() => cluster.now());
  }

  start(): void {
    if (this.timer) return;
    this.lastWall = this.wallNow();
    this.timer = setInterval(() => this.tick(), this.tickMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** tick advances virtual time by the wall time elapsed since the last tick, times speed. */
  tick(): void {
    const wall = this.wallNow();
    const elapsed = wall - this.lastWall;
    this.lastWall = wall;
    if (!this.paused && elapsed > 0) this.cluster.loop.advance(elapsed * this.speed);
    else this.cluster.settle();
    this.waiters.release();
    this.onTick?.();
  }

  /** step jumps to the next pending timer (the UI's "step one event"). */
  step(): void {
    const next = this.cluster.clock.nextTimerAt();
    if (next !== undefined) this.cluster.loop.advanceTo(next);
    this.waiters.release();
    this.onTick?.();
  }

  sleep(ms: number, signal?: CancelSignal): Promise<void> {
    return sleepOn((done, timeoutMs, s) => this.waitFor(done, timeoutMs, s), () => this.cluster.now(), ms, signal);
  }

  waitFor(done: () => boolean, timeoutMs: number, signal?: CancelSignal): Promise<boolean> {
    if (done()) return Promise.resolve(true);
    return this.waiters.add(done, deadlineAfter(this.cluster.now(), timeoutMs), signal);
  }
}
