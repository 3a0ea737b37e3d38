/**
 * SchedulingQueue: the three queues of kube-scheduler (pkg/scheduler/backend/queue/scheduling_queue.go).
 *
 * - activeQ holds pods ready to be tried, highest priority first, then oldest (PrioritySort).
 * - backoffQ holds pods that failed recently: they wait 1s doubling per attempt up to 10s.
 * - unschedulablePods holds pods no node fits. They leave it when a cluster event could
 *   help (a node added, a pod deleted...; only events the rejecting plugins care about),
 *   or after 5 minutes, checked every 30 seconds (flushUnschedulablePodsLeftover).
 *
 * It is also the scheduler reconciler's queue: the loop calls get() for one pod key at a time.
 */
import type { Clock, TimerHandle } from '../sim/clock.ts';
import { ActiveQueue } from './activeQueue.ts';

/** INITIAL_BACKOFF_MS and MAX_BACKOFF_MS are podInitialBackoffDuration and podMaxBackoffDuration. */
export const INITIAL_BACKOFF_MS = 1_000;
export const MAX_BACKOFF_MS = 10_000;
/** MAX_IN_UNSCHEDULABLE_MS is podMaxInUnschedulablePodsDuration. */
export const MAX_IN_UNSCHEDULABLE_MS = 5 * 60_000;
/** FLUSH_UNSCHEDULABLE_EVERY_MS is how often leftover unschedulable pods are checked. */
export const FLUSH_UNSCHEDULABLE_EVERY_MS = 30_000;

/** backoffDuration is calculateBackoffDuration: 1s, 2s, 4s, 8s, 10s, 10s... by attempt. */
export function backoffDuration(attempts: number): number {
  let d = INITIAL_BACKOFF_MS;
  for (let i = 1; i < attempts; i++) {
    d *= 2;
    if (d > MAX_BACKOFF_MS) return MAX_BACKOFF_MS;
  }
  return d;
}

interface QueuedPodInfo {
  /** key is the pod's key, as the pods map holds it. */
  key: string;
  priority: number;
  /** timestamp orders pods of equal priority (when the pod last entered the queue). */
  timestamp: number;
  seq: number;
  attempts: number;
  lastAttempt: number;
  rejectors: Set<string>;
  unschedulableSince?: number;
  backoffTimer?: TimerHandle;
  /** where is the queue the pod is in; 'done' once it left the queue (its heap entries are then stale). */
  where: Where;
}

type Where = 'active' | 'backoff' | 'unschedulable' | 'in-flight' | 'done';

/** ClusterEventInterest says which rejecting plugins an event may help; undefined means all. */
export type PluginInterest = (plugin: string) => boolean;

/** SchedulingQueue orders pending pods for the scheduler. */
export class SchedulingQueue {
  private readonly pods = new Map<string, QueuedPodInfo>();
  /** active orders the pods in activeQ; activeCount and unschedulableCount count pods by queue. */
  private readonly active = new ActiveQueue<QueuedPodInfo>();
  private activeCount = 0;
  private unschedulableCount = 0;
  private readyListener?: () => void;
  private seq = 0;
  private flushTimer?: TimerHandle;

  constructor(
    private readonly clock: Clock,
    private readonly startedAt: number = clock.now(),
  ) {}

  /** add puts a new (or newly seen) pending pod into activeQ; known pods keep their place. */
  add(key: string, priority = 0): void {
    const existing = this.pods.get(key);
    if (existing) {
      if (existing.priority === priority) return;
      existing.priority = priority;
      if (existing.where === 'active') this.active.push(existing);
      return;
    }
    const p: QueuedPodInfo = { key, priority, timestamp: this.clock.now(), seq: this.seq++, attempts: 0, lastAttempt: 0, rejectors: new Set(), where: 'done' };
    this.pods.set(key, p);
    this.moveTo(p, 'active');
    this.active.push(p);
  }

  /** get pops the next pod to schedule: highest priority, then earliest timestamp. */
  get(): string | undefined {
    const best = this.active.pop();
    if (!best) return undefined;
    this.moveTo(best, 'in-flight');
    best.attempts++;
    best.lastAttempt = this.clock.now();
    return best.key;
  }

  /** len counts pods in activeQ. */
  len(): number {
    return this.activeCount;
  }

  /** attempts is how many times the pod has been tried (including the one in flight). */
  attempts(key: string): number {
    return this.pods.get(key)?.attempts ?? 0;
  }

  /** done forgets a pod: it was bound, deleted, or is no longer ours. */
  done(key: string): void {
    const p = this.pods.get(key);
    if (!p) return;
    if (p.backoffTimer !== undefined) this.clock.cancel(p.backoffTimer);
    this.moveTo(p, 'done');
    this.pods.delete(key);
    this.active.compact(this.activeCount);
  }

  /** has reports whether the queue tracks the pod in any of its queues. */
  has(key: string): boolean {
    return this.pods.has(key);
  }

  /** markUnschedulable parks a pod that fit no node, remembering which plugins rejected it. */
  markUnschedulable(key: string, rejectors: readonly string[]): void {
    const p = this.pods.get(key);
    if (!p) return;
    this.moveTo(p, 'unschedulable');
    p.rejectors = new Set(rejectors);
    p.unschedulableSince = this.clock.now();
    this.ensureFlushTimer();
  }

  /** addRateLimited is the error path (bind failed, API error): straight to backoffQ. */
  addRateLimited(key: string): void {
    const p = this.pods.get(key);
    if (!p) return;
    this.toBackoffOrActive(key, p);
  }

  /** addAfter retries a pod after ms (used when reconcile asks to be called again). */
  addAfter(key: string, ms: number): void {
    const p = this.pods.get(key);
    if (!p) return;
    this.moveTo(p, 'backoff');
    p.backoffTimer = this.clock.after(ms, () => this.activate(key));
  }

  /** onReady registers a listener called when a pod enters an empty activeQ (the loop's ReconcilerQueue.onReady). */
  onReady(listener: () => void): void {
    const prev = this.readyListener;
    this.readyListener = prev
      ? () => {
          prev();
          listener();
        }
      : listener;
  }

  /** forget is part of the loop's queue contract; attempts are kept until the pod is done. */
  forget(_key: string): void {}

  /**
   * moveOnEvent is MoveAllToActiveOrBackoffQueue: unschedulable pods rejected by a plugin
   * interested in the event go back to activeQ, or to backoffQ while their backoff lasts.
   */
  moveOnEvent(interested: PluginInterest): void {
    // Most events (every bound pod) find no unschedulable pod: skip the walk over the queue.
    if (this.unschedulableCount === 0) return;
    for (const [key, p] of this.pods) {
      if (p.where !== 'unschedulable') continue;
      if (p.rejectors.size > 0 && ![...p.rejectors].some(interested)) continue;
      this.toBackoffOrActive(key, p);
    }
  }

  /** podUpdated moves an unschedulable pod whose spec or labels changed (it may fit now). */
  podUpdated(key: string, priority: number): void {
    const p = this.pods.get(key);
    if (!p) return;
    if (p.priority !== priority) {
      p.priority = priority;
      if (p.where === 'active') this.active.push(p);
    }
    if (p.where === 'unschedulable') this.toBackoffOrActive(key, p);
  }

  /** save lists the tracked pods (for snapshots; the queue is rebuilt from informers). */
  keys(): string[] {
    return [...this.pods.keys()];
  }

  private toBackoffOrActive(key: string, p: QueuedPodInfo): void {
    const expiry = p.lastAttempt + backoffDuration(p.attempts);
    if (p.attempts > 0 && expiry > this.clock.now()) {
      this.moveTo(p, 'backoff');
      if (p.backoffTimer !== undefined) this.clock.cancel(p.backoffTimer);
      p.backoffTimer = this.clock.at(expiry, () => this.activate(key));
      return;
    }
    this.activate(key);
  }

  private activate(key: string): void {
    const p = this.pods.get(key);
    if (!p) return;
    p.backoffTimer = undefined;
    this.moveTo(p, 'active');
    p.timestamp = this.clock.now();
    p.seq = this.seq++;
    p.unschedulableSince = undefined;
    this.active.push(p);
  }

  /** moveTo sets the queue a pod is in, keeping the per-queue counts. */
  private moveTo(p: QueuedPodInfo, where: Where): void {
    if (p.where === 'active') this.activeCount--;
    else if (p.where === 'unschedulable') this.unschedulableCount--;
    if (where === 'active') {
      // Only the first pod after none is news: a listener that saw activeQ empty learns of it then.
      if (++this.activeCount === 1) this.readyListener?.();
    } else if (where === 'unschedulable') this.unschedulableCount++;
    p.where = where;
  }

  private ensureFlushTimer(): void {
    if (this.flushTimer !== undefined) return;
    // Tick on the scheduler's own 30 s grid, as a wait.Until ticker started with it would.
    const now = this.clock.now();
    const next = this.startedAt + (Math.floor((now - this.startedAt) / FLUSH_UNSCHEDULABLE_EVERY_MS) + 1) * FLUSH_UNSCHEDULABLE_EVERY_MS;
    this.flushTimer = this.clock.at(next, () => {
      this.flushTimer = undefined;
      this.flushUnschedulableLeftover();
    });
  }

  private flushUnschedulableLeftover(): void {
    const now = this.clock.now();
    let remaining = false;
    for (const [key, p] of this.pods) {
      if (p.where !== 'unschedulable') continue;
      if (p.unschedulableSince !== undefined && now - p.unschedulableSince > MAX_IN_UNSCHEDULABLE_MS) this.toBackoffOrActive(key, p);
      else remaining = true;
    }
    if (remaining) this.ensureFlushTimer();
  }
}
