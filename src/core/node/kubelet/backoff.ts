/**
 * Backoff is client-go's flowcontrol.Backoff as the kubelet uses it for CrashLoopBackOff and
 * ImagePullBackOff: per key, 10 s doubling up to 5 min. An entry untouched for twice the
 * maximum (10 min) is forgotten, which is why a container that ran 10 minutes starts over at 10 s.
 */

/** BACKOFF_INITIAL_MS and BACKOFF_MAX_MS are the kubelet's defaults (pkg/kubelet/kubelet.go). */
export const BACKOFF_INITIAL_MS = 10_000;
export const BACKOFF_MAX_MS = 300_000;

interface Entry {
  delayMs: number;
  lastUpdate: number;
}

/** Backoff tracks per-key delays on virtual time. */
export class Backoff {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly initialMs = BACKOFF_INITIAL_MS,
    private readonly maxMs = BACKOFF_MAX_MS,
  ) {}

  /** next records an attempt at `now`: the first sets the initial delay, later ones double it. */
  next(key: string, now: number): void {
    const e = this.entries.get(key);
    if (!e || now - e.lastUpdate > 2 * this.maxMs) {
      this.entries.set(key, { delayMs: this.initialMs, lastUpdate: now });
      return;
    }
    e.delayMs = Math.min(e.delayMs * 2, this.maxMs);
    e.lastUpdate = now;
  }

  /** delay is the current delay for key (0 when none). */
  delay(key: string): number {
    return this.entries.get(key)?.delayMs ?? 0;
  }

  /**
   * remainingSince is how long is left of the back-off measured from `eventTime` (a container's
   * finishedAt), or 0 when not in back-off — IsInBackOffSince.
   */
  remainingSince(key: string, eventTime: number, now: number): number {
    const e = this.entries.get(key);
    if (!e || now - e.lastUpdate > 2 * this.maxMs) return 0;
    return Math.max(0, eventTime + e.delayMs - now);
  }

  /** reset forgets a key. */
  reset(key: string): void {
    this.entries.delete(key);
  }

  save(): [string, Entry][] {
    return [...this.entries].map(([k, v]) => [k, { ...v }]);
  }

  load(data: [string, Entry][]): void {
    this.entries.clear();
    for (const [k, v] of data) this.entries.set(k, { ...v });
  }
}
