/** ProcessAbort is the "process died" signal handed to shell scripts so they stop with their process. */
import type { AbortLike } from './types.ts';

/** ProcessAbort is a minimal AbortSignal-like flag (core has no DOM AbortController). */
export class ProcessAbort implements AbortLike {
  private fired = false;
  private readonly listeners = new Set<() => void>();

  get aborted(): boolean {
    return this.fired;
  }

  addEventListener(_type: 'abort', listener: () => void): void {
    this.listeners.add(listener);
  }

  removeEventListener(_type: 'abort', listener: () => void): void {
    this.listeners.delete(listener);
  }

  /** abort fires once; later calls do nothing. */
  abort(): void {
    if (this.fired) return;
    this.fired = true;
    for (const fn of [...this.listeners]) fn();
    this.listeners.clear();
  }
}
