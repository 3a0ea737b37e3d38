/**
 * The deterministic simulation loop (DESIGN §4).
 *
 * One instant: deliver watch events → drain every reconciler's queue in a fixed order →
 * fire timers due now; repeat until nothing is left at this instant. Only then may time
 * move to the next timer. A bound on passes per instant turns a hot loop (two
 * controllers fighting) into a visible warning instead of a frozen tab.
 */
import type { Store } from '../storage/store.ts';
import type { VirtualClock } from './clock.ts';

/** Result is what reconcile returns: only requeueAfter (see controller-runtime's lesson). */
export interface Result {
  requeueAfter?: number;
}

/** ReconcilerQueue is what the loop needs of a reconciler's queue. */
export interface ReconcilerQueue {
  get(): string | undefined;
  len(): number;
  addAfter(key: string, ms: number): void;
  addRateLimited(key: string): void;
  forget(key: string): void;
  /**
   * onReady, when the queue offers it, registers a listener called whenever the queue goes from
   * empty (len() 0) to not empty. The loop then asks len() only of queues that gained work since
   * it last found them empty, instead of every queue (a kubelet's among them) on every pass.
   */
  onReady?(listener: () => void): void;
}

/** Reconciler is a level-based worker fed by a WorkQueue. */
export interface Reconciler {
  readonly name: string;
  readonly queue: ReconcilerQueue;
  reconcile(key: string): Result | void;
}

/** LoopWarning reports a reconciler that threw or a runaway instant. */
export interface LoopWarning {
  time: number;
  source: string;
  message: string;
}

/** SimLoop drives the cluster. */
export class SimLoop {
  private readonly reconcilers: Reconciler[] = [];
  /**
   * idle[i] is 1 when reconciler i's queue was found empty and has not signalled new work
   * since (only queues with onReady are ever marked): its len() is then 0 without asking.
   */
  private idle = new Uint8Array(16);
  readonly warnings: LoopWarning[] = [];
  /** onError lets the cluster record a Warning event when a reconciler throws. */
  onError?: (reconciler: string, key: string, err: unknown) => void;
  /** onActivity observes each reconcile (the UI's activity timeline). */
  onActivity?: (reconciler: string, key: string) => void;
  /** onActivityDone follows onActivity once the reconcile's writes were delivered to watchers. */
  onActivityDone?: (reconciler: string, key: string) => void;

  constructor(
    readonly clock: VirtualClock,
    private readonly store: Store,
    private readonly maxPassesPerInstant = 10_000,
  ) {}

  /** add registers a reconciler; reconcilers run in registration order. */
  add(r: Reconciler): void {
    const i = this.reconcilers.length;
    this.reconcilers.push(r);
    if (i >= this.idle.length) {
      const grown = new Uint8Array(this.idle.length * 2);
      grown.set(this.idle);
      this.idle = grown;
    }
    r.queue.onReady?.(() => {
      this.idle[i] = 0;
    });
  }

  /** runUntilIdle settles the current instant; returns how many units of work ran. */
  runUntilIdle(): number {
    let work = 0;
    for (let pass = 0; ; pass++) {
      if (pass >= this.maxPassesPerInstant) {
        this.warn('loop', `more than ${this.maxPassesPerInstant} passes at one instant; pausing this instant's work (a controller may be fighting another)`);
        break;
      }
      let progressed = this.store.deliverPending();
      const reconcilers = this.reconcilers;
      for (let ri = 0; ri < reconcilers.length; ri++) {
        if (this.idle[ri] === 1) continue;
        const r = reconcilers[ri];
        const n = r.queue.len();
        if (n === 0) {
          if (r.queue.onReady) this.idle[ri] = 1;
          continue;
        }
        for (let i = 0; i < n; i++) {
          const key = r.queue.get();
          if (key === undefined) break;
          progressed++;
          this.runOne(r, key);
          progressed += this.store.deliverPending();
          this.onActivityDone?.(r.name, key);
        }
      }
      progressed += this.clock.fireDue();
      if (progressed === 0) break;
      work += progressed;
    }
    return work;
  }

  /** advance moves virtual time forward by ms, running everything due on the way. */
  advance(ms: number): void {
    this.advanceTo(this.clock.now() + ms);
  }

  /** advanceTo moves virtual time to `target`, stopping at each timer on the way. */
  advanceTo(target: number): void {
    this.runUntilIdle();
    for (;;) {
      const next = this.clock.nextTimerAt();
      if (next === undefined || next > target) break;
      this.clock.setTime(next);
      this.runUntilIdle();
    }
    this.clock.setTime(target);
    this.runUntilIdle();
  }

  /**
   * advanceUntil moves time forward until `done()` holds or `maxMs` pass, checking after
   * every instant. Returns whether the condition held. This is how headless commands wait.
   */
  advanceUntil(done: () => boolean, maxMs: number): boolean {
    const deadline = this.clock.now() + maxMs;
    this.runUntilIdle();
    for (;;) {
      if (done()) return true;
      const next = this.clock.nextTimerAt();
      if (next === undefined || next > deadline) {
        this.clock.setTime(deadline);
        this.runUntilIdle();
        return done();
      }
      this.clock.setTime(next);
      this.runUntilIdle();
    }
  }

  private runOne(r: Reconciler, key: string): void {
    this.onActivity?.(r.name, key);
    try {
      const result = r.reconcile(key);
      r.queue.forget(key);
      if (result && result.requeueAfter !== undefined) r.queue.addAfter(key, result.requeueAfter);
    } catch (err) {
      r.queue.addRateLimited(key);
      this.warn(r.name, `reconcile ${key}: ${(err as Error)?.message ?? String(err)}`);
      this.onError?.(r.name, key, err);
    }
  }

  private warn(source: string, message: string): void {
    this.warnings.push({ time: this.clock.now(), source, message });
    if (this.warnings.length > 1000) this.warnings.splice(0, this.warnings.length - 1000);
  }
}
