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

/**
 * ContainerLog collects a container's output lines, with an optional cap on kept lines.
 * Lines are kept column-wise (times, streams, texts) rather than as one object per line:
 * a pod's log is written once and read rarely, and per-line objects were most of its heap.
 */
export class ContainerLog {
  private times: number[] = [];
  private streams: LogStream[] = [];
  private texts: string[] = [];
  private readonly pending: Record<LogStream, string> = { stdout: '', stderr: '' };
  private readonly listeners = new Set<(e: LogEntry) => void>();

  constructor(
    private readonly now: () => number,
    private readonly maxLines = 10_000,
  ) {}

  /** write appends raw text; each completed line becomes an entry. */
  write(text: string, stream: LogStream): void {
    // Fast path for the common write, one whole line (ctx.log): no split, no array.
    const nl = text.indexOf('\n');
    if (nl === text.length - 1 && this.pending[stream] === '') {
      this.push(this.now(), stream, text.slice(0, nl));
      return;
    }
    const all = this.pending[stream] + text;
    const parts = all.split('\n');
    this.pending[stream] = parts.pop()!;
    for (const line of parts) this.push(this.now(), stream, line);
  }

  /** flush turns unterminated output into final lines (called when the process exits). */
  flush(): void {
    for (const stream of ['stdout', 'stderr'] as const) {
      if (this.pending[stream] !== '') {
        this.push(this.now(), stream, this.pending[stream]);
        this.pending[stream] = '';
      }
    }
  }

  /** lines returns the kept entries, oldest first (built on each call). */
  lines(): readonly LogEntry[] {
    const out: LogEntry[] = [];
    for (let i = this.first(); i < this.texts.length; i++) out.push({ time: this.times[i]!, stream: this.streams[i]!, line: this.texts[i]! });
    return out;
  }

  /** text returns the log as `kubectl logs` prints it (every line newline-terminated). */
  text(opts: { timestamps?: boolean } = {}): string {
    const out: string[] = [];
    for (let i = this.first(); i < this.texts.length; i++) out.push(opts.timestamps ? `${rfc3339Nano(this.times[i]!)} ${this.texts[i]!}\n` : `${this.texts[i]!}\n`);
    return out.join('');
  }

  /** subscribe calls fn for every new entry (for `kubectl logs -f`); returns the unsubscribe function. */
  subscribe(fn: (e: LogEntry) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private push(time: number, stream: LogStream, line: string): void {
    this.times.push(time);
    this.streams.push(stream);
    this.texts.push(shared(line));
    // Drop the oldest lines in batches, so a chatty container does not shift the arrays per line.
    if (this.texts.length > this.maxLines + Math.max(1, this.maxLines >> 4)) this.trim();
    if (this.listeners.size > 0) {
      const e: LogEntry = { time, stream, line };
      for (const fn of this.listeners) fn(e);
    }
  }

  /** first is the index of the oldest kept line (the arrays may hold a few more, until the next trim). */
  private first(): number {
    return Math.max(0, this.texts.length - this.maxLines);
  }

  private trim(): void {
    const drop = this.texts.length - this.maxLines;
    this.times = this.times.slice(drop);
    this.streams = this.streams.slice(drop);
    this.texts = this.texts.slice(drop);
  }
}

/**
 * recentLines interns log lines: replicas started in the same second write the same lines
 * (nginx's start-up notices, one per CPU), so they keep one string instead of a copy each.
 * Bounded: cleared when full, which only costs later duplicates their sharing.
 */
const recentLines = new Map<string, string>();
const RECENT_LINES_MAX = 4096;

function shared(line: string): string {
  const known = recentLines.get(line);
  if (known !== undefined) return known;
  if (recentLines.size >= RECENT_LINES_MAX) recentLines.clear();
  recentLines.set(line, line);
  return line;
}

/**
 * rfc3339Nano formats a time as the CRI log timestamps are written: UTC, 9 fractional digits
 * (`2024-12-10T10:00:00.123000000Z`). Our clock has millisecond resolution.
 */
export function rfc3339Nano(ms: number): string {
  const iso = new Date(ms).toISOString(); // 2024-12-10T10:00:00.123Z
  return `${iso.slice(0, 19)}.${iso.slice(20, 23)}000000Z`;
}
