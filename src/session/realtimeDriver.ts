/**
 * RealtimeDriver: virtual time follows the wall clock (times a speed factor), as in the
 * browser and the interactive CLI. A ticker advances the cluster; waiters are checked
 * after every tick. Pausing stops time; `step` runs to the next timer.
 */
import type { Cluster } from '../core/sim/cluster.ts';
import type { CancelSignal, TimeDriver } from './timeDriver.ts';

interface Waiter {
  done: () => boolean;
  deadline: number;
  signal?: CancelSignal;
  resolve: (ok: boolean) => void;
}

export class RealtimeDriver implements TimeDriver {
  private readonly waiters = new Set<Waiter>();
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
  ) {}

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
    this.release();
    this.onTick?.();
  }

  /** step jumps to the next pending timer (the UI's "step one event"). */
  step(): void {
    const next = this.cluster.clock.nextTimerAt();
    if (next !== undefined) this.cluster.loop.advanceTo(next);
    this.release();
    this.onTick?.();
  }

  sleep(ms: number, signal?: CancelSignal): Promise<void> {
    const until = this.cluster.now() + Math.max(0, ms);
    return this.waitFor(() => this.cluster.now() >= until, ms, signal).then(() => undefined);
  }

  waitFor(done: () => boolean, timeoutMs: number, signal?: CancelSignal): Promise<boolean> {
    if (done()) return Promise.resolve(true);
    return new Promise((resolve) => {
      const deadline = Number.isFinite(timeoutMs) ? this.cluster.now() + timeoutMs : Number.POSITIVE_INFINITY;
      this.waiters.add({ done, deadline, signal, resolve });
    });
  }

  private release(): void {
    const now = this.cluster.now();
    for (const w of [...this.waiters]) {
      const ok = w.done();
      if (ok || w.signal?.aborted || now >= w.deadline) {
        this.waiters.delete(w);
        w.resolve(ok);
      }
    }
  }
}
