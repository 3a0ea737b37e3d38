/** ProcessAbort is the "process died" signal handed to shell scripts so they stop with their process. */
import type { AbortLike } from './types.ts';

/** ProcessAbort is a minimal AbortSignal-like flag (core has no DOM AbortController). */
export class ProcessAbort implements AbortLike {
  private fired = false;
  /** listeners is created by the first listener: most processes never run a script that listens. */
  private listeners: Set<() => void> | undefined;

  get aborted(): boolean {
    return this.fired;
  }

  addEventListener(_type: 'abort', listener: () => void): void {
    (this.listeners ??= new Set()).add(listener);
  }

  removeEventListener(_type: 'abort', listener: () => void): void {
    this.listeners?.delete(listener);
  }

  /** abort fires once; later calls do nothing. */
  abort(): void {
    if (this.fired) return;
    this.fired = true;
    const listeners = this.listeners;
    this.listeners = undefined;
    for (const fn of [...(listeners ?? [])]) fn();
  }
}
