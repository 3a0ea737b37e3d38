/**
 * The virtual clock: the only source of time inside the simulated cluster.
 *
 * Core code never reads the wall clock. Timers fire in (time, insertion) order so the
 * same script produces the same interleaving on every run (DESIGN §4).
 */
import { BinaryHeap } from '../api/binaryHeap.ts';

/** TimerHandle identifies a scheduled timer so it can be cancelled. */
export type TimerHandle = number;

/** Clock is what core components receive: read the time, schedule work at a future instant. */
export interface Clock {
  /** now is milliseconds since the Unix epoch, in virtual time. */
  now(): number;
  /** at schedules fn at absolute virtual time `when` (clamped to now). */
  at(when: number, fn: () => void): TimerHandle;
  /** after schedules fn `ms` milliseconds from now. */
  after(ms: number, fn: () => void): TimerHandle;
  /** cancel forgets a timer; cancelling a fired or unknown timer is a no-op. */
  cancel(handle: TimerHandle): void;
}

interface Timer {
  when: number;
  seq: number;
  fn: () => void;
}

/** VirtualClock is a Clock whose time moves only when the simulation loop moves it. */
export class VirtualClock implements Clock {
  private current: number;
  private seq = 0;
  private readonly heap = new BinaryHeap<Timer>((a, b) => a.when < b.when || (a.when === b.when && a.seq < b.seq));
  private readonly live = new Set<number>();

  constructor(start: number) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  at(when: number, fn: () => void): TimerHandle {
    const seq = ++this.seq;
    this.heap.push({ when: Math.max(when, this.current), seq, fn });
    this.live.add(seq);
    return seq;
  }

  after(ms: number, fn: () => void): TimerHandle {
    return this.at(this.current + Math.max(0, ms), fn);
  }

  cancel(handle: TimerHandle): void {
    this.live.delete(handle);
  }

  /** nextTimerAt is the time of the earliest pending timer, or undefined when none is pending. */
  nextTimerAt(): number | undefined {
    this.dropCancelled();
    return this.heap.peek()?.when;
  }

  /** pendingTimers counts timers that have not fired or been cancelled. */
  pendingTimers(): number {
    return this.live.size;
  }

  /** fireDue runs every timer due at or before now, in order; returns how many ran. */
  fireDue(limit = Number.POSITIVE_INFINITY): number {
    let fired = 0;
    while (fired < limit) {
      this.dropCancelled();
      const top = this.heap.peek();
      if (!top || top.when > this.current) break;
      this.heap.pop();
      this.live.delete(top.seq);
      fired++;
      top.fn();
    }
    return fired;
  }

  /** setTime moves the clock forward; time never goes back. */
  setTime(t: number): void {
    if (t > this.current) this.current = t;
  }

  private dropCancelled(): void {
    while (this.heap.size > 0 && !this.live.has(this.heap.peek()!.seq)) this.heap.pop();
  }
}
