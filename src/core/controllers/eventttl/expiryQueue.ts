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

/**
 * ExpiryQueue calls `due(namespace, name)` for each entry once its time has come, earliest
 * first. An entry is the two strings of the object's own metadata (shared, not copied): a
 * joined key string per entry would be most of the queue's memory.
 */
export class ExpiryQueue {
  private readonly times: number[] = [];
  private readonly namespaces: string[] = [];
  private readonly names: string[] = [];
  // Entries before head have fired; the arrays are compacted when half of them are dead.
  private head = 0;
  private timer: { at: number; handle: TimerHandle } | undefined;

  constructor(
    private readonly clock: Clock,
    private readonly due: (namespace: string, name: string) => void,
  ) {}

  /** size is the number of entries waiting. */
  get size(): number {
    return this.times.length - this.head;
  }

  /** add schedules an entry at virtual time `at` (entries due at the same time fire in insertion order). */
  add(namespace: string, name: string, at: number): void {
    let i = this.times.length;
    while (i > this.head && this.times[i - 1] > at) i--;
    if (i === this.times.length) {
      this.times.push(at);
      this.namespaces.push(namespace);
      this.names.push(name);
    } else {
      this.times.splice(i, 0, at);
      this.namespaces.splice(i, 0, namespace);
      this.names.splice(i, 0, name);
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
      const i = this.head++;
      this.due(this.namespaces[i], this.names[i]);
    }
    if (this.head > 1024 && this.head * 2 > this.times.length) {
      this.times.splice(0, this.head);
      this.namespaces.splice(0, this.head);
      this.names.splice(0, this.head);
      this.head = 0;
    }
    this.arm();
  }
}
