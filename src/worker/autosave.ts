/**
 * Autosave keeps the saved playground close behind the live one: a change is saved 0.5 s
 * later (changes in between share the save), and while time runs a save happens at least
 * every 5 s, since the cluster keeps moving without anyone typing. A state that cannot be
 * opened is set aside under its own key, with a notice saying where.
 */
import type { WorkerMessage } from '../protocol/messages.ts';
import type { PersistedState } from '../protocol/persisted.ts';
import type { StateStore } from './stateStore.ts';

/** PERIODIC_SAVE_MS is the longest a running playground goes unsaved. */
export const PERIODIC_SAVE_MS = 5000;

/** AutosaveOptions connect the autosave to the host. */
export interface AutosaveOptions {
  store: StateStore;
  wallNow(): number;
  post(msg: WorkerMessage): void;
  exportState(): PersistedState;
  /** paused: no save is scheduled (during a replay, whose states are not the person's). */
  paused(): boolean;
  delayMs?: number;
}

export class Autosave {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastSave = 0;

  constructor(private readonly opts: AutosaveOptions) {}

  /** markDirty schedules a save, unless one is already scheduled. */
  markDirty(): void {
    if (this.timer !== undefined || this.opts.paused()) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.lastSave = this.opts.wallNow();
      void this.opts.store.save(this.opts.exportState()).catch((e: unknown) => {
        this.opts.post({ type: 'notice', notice: { level: 'warning', text: `Could not save the playground: ${String(e)}` } });
      });
    }, this.opts.delayMs ?? 500);
  }

  /** tick is called on every clock tick: a running clock is saved every PERIODIC_SAVE_MS. */
  tick(clockPaused: boolean): void {
    if (this.opts.wallNow() - this.lastSave > PERIODIC_SAVE_MS && !clockPaused) this.markDirty();
  }

  /** setAside keeps a state that cannot be opened and tells the person where it went. */
  async setAside(blob: unknown, reason: string): Promise<void> {
    const key = await this.opts.store.setAside(blob, reason).catch(() => 'nowhere (saving failed)');
    this.opts.post({
      type: 'notice',
      notice: { level: 'warning', text: `Your saved playground could not be opened: ${reason}. It was kept in this browser's storage under "${key}", and a fresh cluster was started.` },
    });
  }

  /** dispose cancels a pending save. */
  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
