/**
 * A container's log, as the CRI log file keeps it: one entry per line with the time it was
 * written and its stream. `kubectl logs` reads the lines, `--timestamps` prefixes RFC 3339
 * timestamps with nanoseconds. Partial writes are buffered until their newline, like the
 * runtime's log driver; whatever is left when the process exits is flushed as a last line.
 */
import { internString } from './intern.ts';
import type { LogStream } from './types.ts';

/** LogEntry is one line of a container's log. */
export interface LogEntry {
  /** time is virtual milliseconds since the epoch. */
  time: number;
  stream: LogStream;
  line: string;
}

/** LogClock is where a log reads the time of each line (the cluster Clock). */
export interface LogClock {
  now(): number;
}

const STDERR_BIT = 1;

/**
 * ContainerLog collects a container's output lines, with an optional cap on kept lines.
 *
 * Lines are kept as compact data: their texts (interned: replicas write the same lines) in one array, and
 * their times and streams as runs (`[time, count * 2 + stderr bit, ...]`): a program prints
 * its start-up lines in one instant, so an idle server's log is its texts plus one or two
 * runs. Per-line objects are built only when the log is read.
 */
export class ContainerLog {
  private texts: string[] = [];
  /** textsShared is set while `texts` is a shared array (see compact): copied before the next push. */
  private textsShared = false;
  /** runs are consecutive lines with the same time and stream: time, then count * 2 + stream bit. */
  private runs: number[] = [];
  private pendingOut = '';
  private pendingErr = '';
  /** listeners exist while `kubectl logs -f` follows (created on first subscribe). */
  private listeners: Set<(e: LogEntry) => void> | undefined;

  constructor(
    private readonly clock: LogClock,
    private readonly maxLines = 10_000,
  ) {}

  /** write appends raw text; each completed line becomes an entry. */
  write(text: string, stream: LogStream): void {
    const pending = stream === 'stdout' ? this.pendingOut : this.pendingErr;
    // Fast path for the common write, one whole line (ctx.log): no split, no array.
    const nl = text.indexOf('\n');
    if (nl === text.length - 1 && pending === '') {
      this.push(this.clock.now(), stream, text.slice(0, nl));
      return;
    }
    const parts = (pending + text).split('\n');
    this.setPending(stream, parts.pop()!);
    for (const line of parts) this.push(this.clock.now(), stream, line);
  }

  /**
   * writeLine is `write(line + '\n')` without building that text and slicing it apart again
   * (what ctx.log does for every line a program prints).
   */
  writeLine(line: string, stream: LogStream): void {
    const pending = stream === 'stdout' ? this.pendingOut : this.pendingErr;
    if (pending === '' && line.indexOf('\n') < 0) this.push(this.clock.now(), stream, line);
    else this.write(line + '\n', stream);
  }

  /** flush turns unterminated output into final lines (called when the process exits). */
  flush(): void {
    for (const stream of ['stdout', 'stderr'] as const) {
      const pending = stream === 'stdout' ? this.pendingOut : this.pendingErr;
      if (pending !== '') {
        this.push(this.clock.now(), stream, pending);
        this.setPending(stream, '');
      }
    }
  }

  /** lines returns the kept entries, oldest first (built on each call). */
  lines(): readonly LogEntry[] {
    const out: LogEntry[] = [];
    this.each((time, stream, line) => out.push({ time, stream, line }));
    return out;
  }

  /** text returns the log as `kubectl logs` prints it (every line newline-terminated). */
  text(opts: { timestamps?: boolean } = {}): string {
    const out: string[] = [];
    this.each((time, _stream, line) => out.push(opts.timestamps ? `${rfc3339Nano(time)} ${line}\n` : `${line}\n`));
    return out.join('');
  }

  /** subscribe calls fn for every new entry (for `kubectl logs -f`); returns the unsubscribe function. */
  subscribe(fn: (e: LogEntry) => void): () => void {
    const listeners = (this.listeners ??= new Set());
    listeners.add(fn);
    return () => listeners.delete(fn);
  }

  /**
   * compact is called when the process has written what it writes on start (its program went
   * idle): the texts array is replaced by an exactly sized one shared with every log that holds
   * the same lines (replicas started in the same second), and copied again on the next line.
   */
  compact(): void {
    if (this.textsShared || this.texts.length === 0) return;
    this.texts = sharedTexts(this.texts);
    this.textsShared = true;
    this.runs = this.runs.slice();
  }

  private setPending(stream: LogStream, text: string): void {
    if (stream === 'stdout') this.pendingOut = text;
    else this.pendingErr = text;
  }

  /** each visits the kept lines (from `first()`), oldest first. */
  private each(fn: (time: number, stream: LogStream, line: string) => void): void {
    const first = this.first();
    const { runs, texts } = this;
    let i = 0;
    for (let r = 0; r < runs.length; r += 2) {
      const time = runs[r]!;
      const stream: LogStream = runs[r + 1]! & STDERR_BIT ? 'stderr' : 'stdout';
      const end = i + (runs[r + 1]! >> 1);
      for (; i < end; i++) if (i >= first) fn(time, stream, texts[i]!);
    }
  }

  private push(time: number, stream: LogStream, line: string): void {
    const bit = stream === 'stderr' ? STDERR_BIT : 0;
    const runs = this.runs;
    const last = runs.length - 2;
    if (last >= 0 && runs[last] === time && (runs[last + 1]! & STDERR_BIT) === bit) runs[last + 1]! += 2;
    else runs.push(time, 2 + bit);
    if (this.textsShared) {
      this.texts = this.texts.slice();
      this.textsShared = false;
    }
    this.texts.push(internString(line));
    // Drop the oldest lines in batches, so a chatty container does not shift the arrays per line.
    if (this.texts.length > this.maxLines + Math.max(1, this.maxLines >> 4)) this.trim();
    if (this.listeners && this.listeners.size > 0) {
      const e: LogEntry = { time, stream, line };
      for (const fn of this.listeners) fn(e);
    }
  }

  /** first is the index of the oldest kept line (the arrays may hold a few more, until the next trim). */
  private first(): number {
    return Math.max(0, this.texts.length - this.maxLines);
  }

  private trim(): void {
    let drop = this.texts.length - this.maxLines;
    this.texts = this.texts.slice(drop);
    this.textsShared = false;
    let r = 0;
    while (drop > 0) {
      const count = this.runs[r + 1]! >> 1;
      if (count <= drop) {
        drop -= count;
        r += 2;
      } else {
        this.runs[r + 1]! -= drop * 2;
        drop = 0;
      }
    }
    this.runs = this.runs.slice(r);
  }
}

/**
 * recentTexts are the last start-up line arrays shared, newest last. Replicas start one after
 * another, so a log's lines are usually those of a log compacted just before it; lines are
 * interned, so comparing two arrays is comparing pointers (no key to build or hash).
 */
const recentTexts: string[][] = [];
const RECENT_TEXTS_MAX = 8;

function sharedTexts(texts: string[]): string[] {
  for (let i = recentTexts.length - 1; i >= 0; i--) {
    const known = recentTexts[i]!;
    if (sameLines(known, texts)) return known;
  }
  const exact = texts.slice();
  if (recentTexts.length >= RECENT_TEXTS_MAX) recentTexts.shift();
  recentTexts.push(exact);
  return exact;
}

function sameLines(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * rfc3339Nano formats a time as the CRI log timestamps are written: UTC, 9 fractional digits
 * (`2024-12-10T10:00:00.123000000Z`). Our clock has millisecond resolution.
 */
export function rfc3339Nano(ms: number): string {
  const iso = new Date(ms).toISOString(); // 2024-12-10T10:00:00.123Z
  return `${iso.slice(0, 19)}.${iso.slice(20, 23)}000000Z`;
}
