/**
 * Journal is the record of what changed the playground, in order and at its virtual instant:
 * terminal entries (with the instants their waits ended), file writes, cluster controls and
 * `kubectl edit` answers. The saved state is the seed plus this journal (replay.ts rebuilds
 * it; docs/adr/0003-persist-by-journal-replay.md says why). Nothing is recorded while a
 * replay re-runs the journal itself.
 */
import type { JournalEntry } from '../protocol/persisted.ts';
import type { TabId } from '../protocol/requests.ts';

type RunEntry = Extract<JournalEntry, { kind: 'run' }>;

export class Journal {
  private entries: JournalEntry[] = [];
  private readonly running = new Map<TabId, RunEntry>();
  /** replaying: entries come from the saved journal, so nothing new is recorded. */
  replaying = false;

  /** `changed` is told of every new entry or finished run (the autosave listens). */
  constructor(private readonly changed: () => void) {}

  /** record appends an entry (not during a replay). */
  record(entry: JournalEntry): void {
    if (this.replaying) return;
    this.entries.push(entry);
    this.changed();
  }

  /**
   * runStarted journals a terminal entry as it starts, with an open end; the returned
   * function closes it at `now()` when the entry finishes (or was interrupted).
   */
  runStarted(tab: TabId, input: string, now: () => number): (interrupted: boolean) => void {
    if (this.replaying) return () => undefined;
    const entry: RunEntry = { at: now(), kind: 'run', tab, input, endAt: Number.NaN };
    this.record(entry);
    this.running.set(tab, entry);
    return (interrupted) => {
      this.running.delete(tab);
      entry.endAt = now();
      if (interrupted) entry.interrupted = true;
      this.changed();
    };
  }

  /** wake notes the instant a wait of the tab's running entry ended (RecordingDriver). */
  wake(tab: TabId, at: number): void {
    const entry = this.running.get(tab);
    if (entry && !this.replaying) (entry.wakes ??= []).push(at);
  }

  /** snapshot is the journal as saved now: a run still going ends now, marked interrupted. */
  snapshot(now: number): JournalEntry[] {
    return this.entries.map((e) => (e.kind === 'run' && !Number.isFinite(e.endAt) ? { ...e, endAt: now, interrupted: true } : e));
  }

  /** replace starts over from `entries` (after a restore) or from nothing (after a reset). */
  replace(entries: readonly JournalEntry[] = []): void {
    this.entries = [...entries];
    this.running.clear();
  }
}
