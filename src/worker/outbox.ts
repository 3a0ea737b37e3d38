/**
 * Outbox paces what the worker sends: terminal output is gathered per tab, watch events are
 * coalesced by the DeltaBatcher, and both leave together at most once per frame. A delta is
 * not followed by another until the UI acknowledges it (after painting), so a cluster that
 * churns thousands of pods per second costs the main thread one update per frame at most.
 * The clock is sent a few times a second, or at once when the person changed it.
 */
import type { ClockState, WorkerMessage } from '../protocol/messages.ts';
import type { TabId } from '../protocol/requests.ts';
import { DeltaBatcher, type WatchedEvent } from './deltaBatcher.ts';

const CLOCK_POST_MS = 250;

export class Outbox {
  private readonly batcher = new DeltaBatcher();
  private readonly outputs = new Map<TabId, string>();
  private awaitingAck = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastClockPost = -Infinity;
  /** held: nothing is scheduled (during a replay, whose output nobody sees). */
  held = false;

  constructor(
    private readonly post: (msg: WorkerMessage) => void,
    private readonly clock: () => ClockState,
    private readonly wallNow: () => number,
    private readonly frameMs = 16,
    /** flushExtra sends what other taps gathered for the same frame (e.g. activity records). */
    private readonly flushExtra: () => void = () => undefined,
  ) {}

  /** output queues terminal text for a tab. */
  output(tab: TabId, data: string): void {
    if (this.held) return;
    this.outputs.set(tab, (this.outputs.get(tab) ?? '') + data);
    this.schedule();
  }

  /** flushOutput sends a tab's pending text now (before its prompt, so they arrive in order). */
  flushOutput(tab: TabId): void {
    const data = this.outputs.get(tab);
    if (data) this.post({ type: 'terminal.output', tab, data });
    this.outputs.delete(tab);
  }

  /** event records a watch event for the next delta. */
  event(ev: WatchedEvent): void {
    this.batcher.push(ev);
    this.schedule();
  }

  /** ack is the UI saying it painted the last delta. */
  ack(): void {
    this.awaitingAck = false;
    if (this.batcher.size > 0) this.schedule();
  }

  /** reset forgets the UI's picture (it cleared its store). */
  reset(): void {
    this.batcher.reset();
    this.awaitingAck = false;
  }

  /** schedule arranges a flush within a frame. */
  schedule(): void {
    if (this.timer !== undefined || this.held) return;
    this.timer = setTimeout(() => this.flush(), this.frameMs);
  }

  /** flush sends everything that may go now. */
  flush(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    for (const tab of [...this.outputs.keys()]) this.flushOutput(tab);
    this.flushExtra();
    if (!this.awaitingAck) {
      const delta = this.batcher.flush();
      if (delta) {
        this.awaitingAck = true;
        this.post({ type: 'objects.delta', delta });
      }
    }
    this.postClock(false);
  }

  /** postClock sends the clock if it is due (or at once when `force`). */
  postClock(force: boolean): void {
    const wall = this.wallNow();
    if (!force && wall - this.lastClockPost < CLOCK_POST_MS) return;
    this.lastClockPost = wall;
    this.post({ type: 'clock', clock: this.clock() });
  }

  /** dispose cancels the pending flush. */
  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
