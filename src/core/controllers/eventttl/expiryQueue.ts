/**
 * ExpiryQueue: keys due at virtual times, kept in one sorted array with a single clock
 * timer for the earliest, instead of one timer per key.
 *
 * A busy cluster writes a handful of Events per pod and every one of them expires an hour
 * later (etcd's lease in upstream). A timer per Event (closure, handle, heap slot, delayed
 * map entry) cost ~1.4 KB per pod; expiries are written in time order, so insertion is
 * nearly always an append and one timer at a time is enough.
 */
import type { Clock, TimerHandle } from '../../sim/clock.ts';

/** ExpiryQueue calls `due(key)` for each key once its time has come, earliest first. */
export class ExpiryQueue {
  private readonly times: number[] = [];
  private readonly keys: string[] = [];
  // Entries before head have fired; the arrays are compacted when half of them are dead.
  private head = 0;
  private timer: { at: number; handle: TimerHandle } | undefined;

  constructor(
    private readonly clock: Clock,
    private readonly due: (key: string) => void,
  ) {}

  /** size is the number of keys waiting. */
  get size(): number {
    return this.times.length - this.head;
  }

  /** add schedules key at virtual time `at` (keys due at the same time fire in insertion order). */
  add(key: string, at: number): void {
    let i = this.times.length;
    while (i > this.head && this.times[i - 1] > at) i--;
    if (i === this.times.length) {
      this.times.push(at);
      this.keys.push(key);
    } else {
      this.times.splice(i, 0, at);
      this.keys.splice(i, 0, key);
    }
    this.arm();
  }

  private arm(): void {
    if (this.size === 0) return;
    const at = this.times[this.head];
    if (this.timer && this.timer.at <= at) return;
    if (this.timer) this.clock.cancel(this.timer.handle);
    this.timer = { at, handle: this.clock.at(at, () => this.fire()) };
  }

  private fire(): void {
    this.timer = undefined;
    const now = this.clock.now();
    while (this.head < this.times.length && this.times[this.head] <= now) {
      const key = this.keys[this.head];
      this.head++;
      this.due(key);
    }
    if (this.head > 1024 && this.head * 2 > this.times.length) {
      this.times.splice(0, this.head);
      this.keys.splice(0, this.head);
      this.head = 0;
    }
    this.arm();
  }
}
