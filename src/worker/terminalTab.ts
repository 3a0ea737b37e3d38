/**
 * TerminalTab is one terminal of the playground: a TerminalSession plus what a terminal
 * adds around a shell. The UI edits the line and sends it whole; lines that leave a quote,
 * a here-document or a compound command open are gathered (the prompt becomes `> `, as
 * bash's PS2) until the entry is complete. Lines typed while a command runs wait their turn,
 * as a real tty buffers them.
 */
import type { TerminalSession } from '../session/session.ts';

/** TerminalEvents are what a tab tells its host. */
export interface TerminalEvents {
  output(data: string): void;
  prompt(prompt: string, continuation: boolean): void;
  /** runStarted is called before an entry runs (the host journals it); returns a finish callback. */
  runStarted(input: string): (interrupted: boolean) => void;
}

/** CONTINUATION_PROMPT is bash's default PS2. */
export const CONTINUATION_PROMPT = '> ';

export class TerminalTab {
  private pending = '';
  private readonly queue: string[] = [];
  private running: AbortController | undefined;
  private interrupted = false;

  constructor(
    readonly session: TerminalSession,
    private readonly events: TerminalEvents,
  ) {}

  /** busy says whether a command is running. */
  get busy(): boolean {
    return this.running !== undefined;
  }

  /** showPrompt prints the prompt the tab is at. */
  showPrompt(): void {
    if (this.pending) this.events.prompt(CONTINUATION_PROMPT, true);
    else this.events.prompt(this.session.prompt(), false);
  }

  /** input takes one line the person entered. */
  input(line: string): void {
    this.queue.push(line);
    if (!this.running) void this.drain();
  }

  /** interrupt is Ctrl-C: abort the running command, or drop the half-typed entry. */
  interrupt(): void {
    this.queue.length = 0;
    if (this.running) {
      this.interrupted = true;
      this.running.abort();
      return;
    }
    this.pending = '';
    this.showPrompt();
  }

  /** run executes one complete entry and resolves to its status (replay and the editor's apply use it). */
  async run(input: string, output: (data: string) => void = (d) => this.events.output(d)): Promise<number> {
    const finish = this.events.runStarted(input);
    this.running = new AbortController();
    this.interrupted = false;
    try {
      return await this.session.run(input, { stdout: output, stderr: output }, this.running.signal);
    } finally {
      this.running = undefined;
      finish(this.interrupted);
    }
  }

  /** abortRunning stops the running command without a prompt (replay reached the moment it was stopped). */
  abortRunning(): void {
    this.running?.abort();
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0 && !this.running) {
      const line = this.queue.shift()!;
      this.pending = this.pending ? `${this.pending}\n${line}` : line;
      if (this.session.needsMoreInput(this.pending)) {
        this.showPrompt();
        continue;
      }
      const entry = this.pending;
      this.pending = '';
      if (entry.trim() !== '') {
        this.session.shell.history.add(entry);
        await this.run(entry);
      }
      this.showPrompt();
    }
  }
}
