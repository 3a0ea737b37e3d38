/**
 * LineEditor is readline for the browser terminal: it turns xterm's input bytes into an edited
 * line (cursor keys, Home/End, Backspace/Delete, Ctrl-A/E/U/K/W), history (Up/Down, Ctrl-R
 * reverse search as bash shows it), tab completion (one candidate completes, several list
 * below the prompt like bash's second Tab), Ctrl-C and Ctrl-L, and multi-line pastes.
 * It writes ANSI sequences through `io.write`; it has no DOM, so it is tested in Node.
 */

/** CompletionReply is the worker's answer to a completion request. */
export interface CompletionReply {
  start: number;
  candidates: string[];
}

/** LineEditorIO is what the editor drives. */
export interface LineEditorIO {
  write(data: string): void;
  submit(line: string): void;
  interrupt(): void;
  complete(line: string, cursor: number): Promise<CompletionReply>;
}

const CSI = '\x1b[';

export class LineEditor {
  private buffer = '';
  private cursor = 0;
  private prompt = '';
  /** busy: a command runs; typed lines still go to the worker, which queues them like a tty. */
  private busy = true;
  readonly history: string[] = [];
  private historyIndex = 0;
  private draft = '';
  private search: { query: string; index: number } | undefined;

  constructor(private readonly io: LineEditorIO) {}

  /**
   * showPrompt prints the prompt (the worker finished the last entry). Text typed ahead while
   * the command ran stays on the new line, as bash keeps it.
   */
  showPrompt(prompt: string): void {
    this.prompt = prompt;
    this.busy = false;
    this.historyIndex = this.history.length;
    if (this.buffer === '') return this.io.write(prompt);
    this.io.write('\r\x1b[K');
    this.redraw();
  }

  /** setHistory seeds the history (restored from the saved playground). */
  setHistory(lines: string[]): void {
    this.history.splice(0, this.history.length, ...lines);
    this.historyIndex = this.history.length;
  }

  /** feed handles one chunk of terminal input (a key, an escape sequence or a paste). */
  feed(data: string): void {
    if (this.search) return this.feedSearch(data);
    for (const token of tokenize(data)) this.key(token);
  }

  private key(k: string): void {
    switch (k) {
      case '\r':
      case '\n':
        return this.enter();
      case '\x7f':
      case '\b':
        if (this.cursor > 0) this.edit(this.buffer.slice(0, this.cursor - 1) + this.buffer.slice(this.cursor), this.cursor - 1);
        return;
      case `${CSI}3~`:
        if (this.cursor < this.buffer.length) this.edit(this.buffer.slice(0, this.cursor) + this.buffer.slice(this.cursor + 1), this.cursor);
        return;
      case `${CSI}D`:
      case '\x02':
        return this.edit(this.buffer, Math.max(0, this.cursor - 1));
      case `${CSI}C`:
      case '\x06':
        return this.edit(this.buffer, Math.min(this.buffer.length, this.cursor + 1));
      case `${CSI}H`:
      case `${CSI}1~`:
      case '\x1bOH':
      case '\x01':
        return this.edit(this.buffer, 0);
      case `${CSI}F`:
      case `${CSI}4~`:
      case '\x1bOF':
      case '\x05':
        return this.edit(this.buffer, this.buffer.length);
      case `${CSI}A`:
      case '\x10':
        return this.historyMove(-1);
      case `${CSI}B`:
      case '\x0e':
        return this.historyMove(1);
      case '\x15':
        return this.edit(this.buffer.slice(this.cursor), 0);
      case '\x0b':
        return this.edit(this.buffer.slice(0, this.cursor), this.cursor);
      case '\x17': {
        const before = this.buffer.slice(0, this.cursor).replace(/\S*\s*$/, '');
        return this.edit(before + this.buffer.slice(this.cursor), before.length);
      }
      case '\x03':
        this.io.write('^C\r\n');
        this.buffer = '';
        this.cursor = 0;
        this.io.interrupt();
        return;
      case '\x0c':
        this.io.write(`${CSI}H${CSI}2J${CSI}3J`);
        this.redraw();
        return;
      case '\x12':
        if (this.busy) return;
        this.search = { query: '', index: this.history.length };
        this.drawSearch(this.history.length);
        return;
      case '\t':
        void this.completeWord();
        return;
      default:
        if (k.startsWith('\x1b') || (k.length === 1 && k < ' ')) return;
        this.edit(this.buffer.slice(0, this.cursor) + k + this.buffer.slice(this.cursor), this.cursor + k.length);
    }
  }

  private enter(): void {
    const line = this.buffer;
    this.edit(line, line.length);
    this.io.write('\r\n');
    if (line.trim() !== '' && this.history.at(-1) !== line) this.history.push(line);
    this.historyIndex = this.history.length;
    this.buffer = '';
    this.cursor = 0;
    this.busy = true;
    this.prompt = '';
    this.io.submit(line);
  }

  private historyMove(step: number): void {
    const next = this.historyIndex + step;
    if (next < 0 || next > this.history.length) return;
    if (this.historyIndex === this.history.length) this.draft = this.buffer;
    this.historyIndex = next;
    const text = next === this.history.length ? this.draft : this.history[next];
    this.edit(text, text.length);
  }

  private async completeWord(): Promise<void> {
    const line = this.buffer;
    const cursor = this.cursor;
    const reply = await this.io.complete(line, cursor);
    if (this.buffer !== line || this.cursor !== cursor) return;
    const word = line.slice(reply.start, cursor);
    const c = reply.candidates;
    if (c.length === 0) return;
    if (c.length === 1) {
      const insert = c[0] + (c[0].endsWith('/') ? '' : ' ');
      this.edit(line.slice(0, reply.start) + insert + line.slice(cursor), reply.start + insert.length);
      return;
    }
    const common = commonPrefix(c);
    if (common.length > word.length) {
      this.edit(line.slice(0, reply.start) + common + line.slice(cursor), reply.start + common.length);
      return;
    }
    this.io.write(`\r\n${formatColumns(c)}\r\n`);
    this.redraw();
  }

  private feedSearch(data: string): void {
    const s = this.search!;
    if (data === '\x12') return this.drawSearch(s.index);
    if (data === '\x7f') s.query = s.query.slice(0, -1);
    else if (data === '\x03' || data === '\x07') {
      this.search = undefined;
      return this.edit(this.buffer, this.cursor, true);
    } else if (data === '\r' || data.startsWith('\x1b')) {
      const hit = this.findHistory(s.query, s.index + 1);
      this.search = undefined;
      const text = hit?.line ?? this.buffer;
      this.edit(text, text.length, true);
      if (data === '\r') this.enter();
      return;
    } else if (data >= ' ') s.query += data;
    this.drawSearch(this.history.length);
  }

  private drawSearch(before: number): void {
    const s = this.search!;
    const hit = this.findHistory(s.query, before);
    if (hit) s.index = hit.index;
    this.io.write(`\r${CSI}K(reverse-i-search)\`${s.query}': ${hit?.line ?? ''}`);
  }

  private findHistory(query: string, before: number): { index: number; line: string } | undefined {
    for (let i = Math.min(before, this.history.length) - 1; i >= 0; i--) if (this.history[i].includes(query)) return { index: i, line: this.history[i] };
    return undefined;
  }

  /** edit replaces the line and cursor, then redraws the prompt line. */
  private edit(buffer: string, cursor: number, force = false): void {
    if (!force && buffer === this.buffer && cursor === this.cursor) return;
    this.buffer = buffer;
    this.cursor = cursor;
    this.redraw();
  }

  private redraw(): void {
    const back = this.buffer.length - this.cursor;
    this.io.write(`\r${CSI}K${this.prompt}${this.buffer}${back > 0 ? `${CSI}${back}D` : ''}`);
  }
}

/** tokenize splits input into keys: escape sequences, control bytes, and runs of text (a paste). */
export function tokenize(data: string): string[] {
  const out: string[] = [];
  // Control bytes are exactly what this regex is about.
  // eslint-disable-next-line no-control-regex
  const re = /\x1b\[[0-9;]*[~A-Za-z]|\x1bO[A-Z]|\x1b.?|\r\n|[\x00-\x1f\x7f]|[^\x00-\x1f\x7f\x1b]+/g;
  for (const m of data.matchAll(re)) out.push(m[0] === '\r\n' ? '\r' : m[0]);
  return out;
}

function commonPrefix(xs: string[]): string {
  let p = xs[0];
  for (const x of xs) while (!x.startsWith(p)) p = p.slice(0, -1);
  return p;
}

/** formatColumns lays candidates out in columns, as bash lists completions. */
export function formatColumns(items: string[], width = 80): string {
  const col = Math.max(...items.map((i) => i.length)) + 2;
  const perRow = Math.max(1, Math.floor(width / col));
  const rows: string[] = [];
  for (let i = 0; i < items.length; i += perRow) rows.push(items.slice(i, i + perRow).map((x) => x.padEnd(col)).join('').trimEnd());
  return rows.join('\r\n');
}
