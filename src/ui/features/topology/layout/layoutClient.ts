/**
 * LayoutClient asks the layout worker for positions without ever queueing more than one
 * request: while one is out, only the newest graph is kept, and it is sent when the answer
 * arrives. A burst of changes therefore costs one layout after the burst, not one per change.
 */
import type { LayoutInput, Point } from './layoutEngine.ts';
import type { LayoutReply, LayoutRequest } from './layoutMessages.ts';

/** LayoutPort is the part of a Worker the client uses (tests pass a fake). */
export interface LayoutPort {
  postMessage(req: LayoutRequest): void;
  addEventListener(type: 'message', fn: (e: MessageEvent<LayoutReply>) => void): void;
  terminate?(): void;
}

export class LayoutClient {
  private seq = 0;
  private inFlight = false;
  private next: LayoutInput | undefined;
  /** onPositions receives every answer. */
  onPositions: (positions: Record<string, Point>) => void = () => undefined;

  constructor(private readonly port: LayoutPort) {
    port.addEventListener('message', (e) => {
      if (e.data.type !== 'positions') return;
      this.inFlight = false;
      this.onPositions(e.data.positions);
      this.pump();
    });
  }

  /** request asks for positions of a graph (replacing any graph not yet sent). */
  request(input: LayoutInput): void {
    this.next = input;
    this.pump();
  }

  /** reset makes the worker forget every position. */
  reset(): void {
    this.port.postMessage({ type: 'reset' });
  }

  private pump(): void {
    if (this.inFlight || !this.next) return;
    const input = this.next;
    this.next = undefined;
    this.inFlight = true;
    this.port.postMessage({ type: 'layout', seq: ++this.seq, input });
  }
}
