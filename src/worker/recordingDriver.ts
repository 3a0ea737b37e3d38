/**
 * RecordingDriver is one terminal tab's view of time. Live, it notes the virtual instant at
 * which each of the tab's waits ended (`sleep 5` ends at the first tick after 5 s, a
 * `rollout status` when the rollout is done); the journal keeps these "wakes". In replay it
 * ends each wait at its recorded wake instead of re-deciding, so a command that waits and
 * then writes writes at the very instant it did live, and the replayed cluster is identical.
 */
import type { Cluster } from '../core/sim/cluster.ts';
import type { CancelSignal, TimeDriver } from '../session/timeDriver.ts';

export class RecordingDriver implements TimeDriver {
  /** onWake receives each live wait's end (the host appends it to the running journal entry). */
  onWake?: (at: number) => void;
  /** wakes, when set, are the recorded ends of the next waits (replay). */
  wakes: number[] | undefined;

  constructor(
    private readonly inner: TimeDriver,
    private readonly cluster: Cluster,
  ) {}

  sleep(ms: number, signal?: CancelSignal): Promise<void> {
    const until = this.cluster.now() + Math.max(0, ms);
    return this.waitFor(() => this.cluster.now() >= until, ms, signal).then(() => undefined);
  }

  async waitFor(done: () => boolean, timeoutMs: number, signal?: CancelSignal): Promise<boolean> {
    const wake = this.wakes?.shift();
    if (wake !== undefined) {
      // The replay driver stops time at waiter deadlines: make the recorded wake one.
      await this.inner.waitFor(() => this.cluster.now() >= wake, Math.max(0, wake - this.cluster.now()), signal);
      return done();
    }
    const ok = await this.inner.waitFor(done, timeoutMs, signal);
    this.onWake?.(this.cluster.now());
    return ok;
  }
}
