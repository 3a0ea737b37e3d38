/**
 * WorkQueue: the de-duplicating queue of keys between event handlers and reconcile.
 *
 * Like client-go's workqueue: a key is queued at most once however many events name it;
 * `addAfter` schedules a key on the virtual clock; `addRateLimited` backs off
 * exponentially per key (5 ms doubling, capped at 1000 s) until `forget`.
 */
import type { Clock, TimerHandle } from '../sim/clock.ts';

/** WorkQueue holds keys ("namespace/name") waiting for reconcile. */
export class WorkQueue {
  private readonly order: string[] = [];
  private readonly queued = new Set<string>();
  private readonly delayed = new Map<string, { at: number; handle: TimerHandle }>();
  private readonly failures = new Map<string, number>();
  private head = 0;
  private readyListener?: () => void;

  constructor(
    readonly name: string,
    private readonly clock: Clock,
    private readonly baseDelayMs = 5,
    private readonly maxDelayMs = 1000_000,
  ) {}

  add(key: string): void {
    if (this.queued.has(key)) return;
    this.queued.add(key);
    this.order.push(key);
    // Only the first key after empty is news: a listener that saw the queue empty learns of it then.
    if (this.readyListener !== undefined && this.order.length - this.head === 1) this.readyListener();
  }

  /** onReady registers a listener called when a key is queued into an empty queue (the loop's ReconcilerQueue.onReady). */
  onReady(listener: () => void): void {
    const prev = this.readyListener;
    this.readyListener = prev
      ? () => {
          prev();
          listener();
        }
      : listener;
  }

  /** addAfter queues the key once `ms` have passed (keeping the earliest request). */
  addAfter(key: string, ms: number): void {
    if (ms <= 0) return this.add(key);
    const at = this.clock.now() + ms;
    const existing = this.delayed.get(key);
    if (existing && existing.at <= at) return;
    if (existing) this.clock.cancel(existing.handle);
    const handle = this.clock.at(at, () => {
      this.delayed.delete(key);
      this.add(key);
    });
    this.delayed.set(key, { at, handle });
  }

  /** addRateLimited requeues a failed key with per-key exponential backoff. */
  addRateLimited(key: string): void {
    const n = this.failures.get(key) ?? 0;
    this.failures.set(key, n + 1);
    this.addAfter(key, Math.min(this.baseDelayMs * 2 ** n, this.maxDelayMs));
  }

  /** forget clears a key's failure count after a successful reconcile. */
  forget(key: string): void {
    this.failures.delete(key);
  }

  /** get pops the next key, or undefined when none is ready. */
  get(): string | undefined {
    if (this.head >= this.order.length) return undefined;
    const key = this.order[this.head++];
    if (this.head > 1024 && this.head * 2 > this.order.length) {
      this.order.splice(0, this.head);
      this.head = 0;
    }
    this.queued.delete(key);
    return key;
  }

  len(): number {
    return this.order.length - this.head;
  }
}
