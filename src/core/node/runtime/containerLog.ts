/**
 * A container's log, as the CRI log file keeps it: one entry per line with the time it was
 * written and its stream. `kubectl logs` reads the lines, `--timestamps` prefixes RFC 3339
 * timestamps with nanoseconds. Partial writes are buffered until their newline, like the
 * runtime's log driver; whatever is left when the process exits is flushed as a last line.
 */
import type { LogStream } from './types.ts';

/** LogEntry is one line of a container's log. */
export interface LogEntry {
  /** time is virtual milliseconds since the epoch. */
  time: number;
  stream: LogStream;
  line: string;
}

/** ContainerLog collects a container's output lines, with an optional cap on kept lines. */
export class ContainerLog {
  private readonly entries: LogEntry[] = [];
  private readonly pending: Record<LogStream, string> = { stdout: '', stderr: '' };
  private readonly listeners = new Set<(e: LogEntry) => void>();

  constructor(
    private readonly now: () => number,
    private readonly maxLines = 10_000,
  ) {}

  /** write appends raw text; each completed line becomes an entry. */
  write(text: string, stream: LogStream): void {
    const all = this.pending[stream] + text;
    const parts = all.split('\n');
    this.pending[stream] = parts.pop()!;
    for (const line of parts) this.push({ time: this.now(), stream, line });
  }

  /** flush turns unterminated output into final lines (called when the process exits). */
  flush(): void {
    for (const stream of ['stdout', 'stderr'] as const) {
      if (this.pending[stream] !== '') {
        this.push({ time: this.now(), stream, line: this.pending[stream] });
        this.pending[stream] = '';
      }
    }
  }

  /** lines returns the kept entries, oldest first. */
  lines(): readonly LogEntry[] {
    return this.entries;
  }

  /** text returns the log as `kubectl logs` prints it (every line newline-terminated). */
  text(opts: { timestamps?: boolean } = {}): string {
    return this.entries.map((e) => (opts.timestamps ? `${rfc3339Nano(e.time)} ${e.line}\n` : `${e.line}\n`)).join('');
  }

  /** subscribe calls fn for every new entry (for `kubectl logs -f`); returns the unsubscribe function. */
  subscribe(fn: (e: LogEntry) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private push(e: LogEntry): void {
    this.entries.push(e);
    if (this.entries.length > this.maxLines) this.entries.shift();
    for (const fn of this.listeners) fn(e);
  }
}

/**
 * rfc3339Nano formats a time as the CRI log timestamps are written: UTC, 9 fractional digits
 * (`2024-12-10T10:00:00.123000000Z`). Our clock has millisecond resolution.
 */
export function rfc3339Nano(ms: number): string {
  const iso = new Date(ms).toISOString(); // 2024-12-10T10:00:00.123Z
  return `${iso.slice(0, 19)}.${iso.slice(20, 23)}000000Z`;
}
