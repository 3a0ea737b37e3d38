import type { ShellSignal } from './types.ts';

/**
 * SignalSource is a minimal AbortController: the shell creates one per run and
 * per `timeout`, linked to its parent so Ctrl-C reaches every nested command.
 * Hand-written so the shell needs no DOM or Node typings.
 */
export class SignalSource {
  private listeners = new Set<() => void>();
  private done = false;
  readonly signal: ShellSignal;

  constructor(parent?: ShellSignal) {
    const self = this;
    this.signal = {
      get aborted() {
        return self.done;
      },
      addEventListener: (_type, listener) => {
        this.listeners.add(listener);
      },
      removeEventListener: (_type, listener) => {
        this.listeners.delete(listener);
      },
    };
    if (parent) {
      if (parent.aborted) this.done = true;
      else parent.addEventListener('abort', () => this.abort(), { once: true });
    }
  }

  /** abort marks the signal aborted and notifies listeners once. */
  abort(): void {
    if (this.done) return;
    this.done = true;
    for (const l of [...this.listeners]) l();
    this.listeners.clear();
  }
}

/** abortableSleep waits via the host's sleep but resolves as soon as the signal aborts. */
export function abortableSleep(sleep: (ms: number, signal?: ShellSignal) => Promise<void>, ms: number, signal: ShellSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const onAbort = (): void => resolve();
    signal.addEventListener('abort', onAbort, { once: true });
    // The host gets the signal too, so a virtual clock need not run on for a sleep nobody awaits.
    void sleep(ms, signal).then(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    });
  });
}
