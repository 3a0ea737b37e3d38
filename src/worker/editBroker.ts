/**
 * EditBroker lends `kubectl edit` the browser's editor: the command's text goes to the UI
 * (`edit.open`), and the command waits until the person saves or cancels (`edit.response`).
 * Live answers are journaled; during a replay the journaled answers are handed back in order,
 * at the instant they were given.
 */
import type { WorkerMessage } from '../protocol/messages.ts';
import type { TabId } from '../protocol/requests.ts';

type Answer = string | undefined;

export class EditBroker {
  private seq = 0;
  private readonly waiting = new Map<number, (text: Answer) => void>();
  private readonly replay = new Map<TabId, { queued: Answer[]; waiting?: (text: Answer) => void }>();
  /** replaying: answers come from the journal, not from the UI. */
  replaying = false;

  constructor(
    private readonly post: (msg: WorkerMessage) => void,
    private readonly journal: (tab: TabId, text: Answer) => void,
  ) {}

  /** open asks the person to edit `text` (shown as `path`) and resolves with what they saved. */
  open(tab: TabId, text: string, path: string): Promise<Answer> {
    if (this.replaying) {
      const slot = this.slot(tab);
      if (slot.queued.length > 0) return Promise.resolve(slot.queued.shift());
      return new Promise((resolve) => (slot.waiting = resolve));
    }
    const id = ++this.seq;
    this.post({ type: 'edit.open', id, path, text });
    return new Promise((resolve) =>
      this.waiting.set(id, (answer) => {
        this.journal(tab, answer);
        resolve(answer);
      }),
    );
  }

  /** answer is the UI's response to edit `id` (undefined text: closed without saving). */
  answer(id: number, text: Answer): void {
    this.waiting.get(id)?.(text);
    this.waiting.delete(id);
  }

  /** deliver replays one journaled answer for a tab. */
  deliver(tab: TabId, text: Answer): void {
    const slot = this.slot(tab);
    const w = slot.waiting;
    slot.waiting = undefined;
    if (w) w(text);
    else slot.queued.push(text);
  }

  private slot(tab: TabId) {
    let s = this.replay.get(tab);
    if (!s) this.replay.set(tab, (s = { queued: [] }));
    return s;
  }
}
