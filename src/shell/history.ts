/**
 * History keeps the lines typed at the prompt: up/down navigation, reverse
 * search (Ctrl-R) and the `history` builtin's listing, numbered like bash.
 */
export class History {
  readonly entries: string[] = [];
  private cursor = 0;

  constructor(private readonly limit = 1000) {}

  /** add records a line (blank lines and immediate repeats are skipped) and resets navigation. */
  add(line: string): void {
    const trimmed = line.replace(/\n+$/, '');
    if (trimmed.trim() !== '' && this.entries[this.entries.length - 1] !== trimmed) {
      this.entries.push(trimmed);
      if (this.entries.length > this.limit) this.entries.shift();
    }
    this.cursor = this.entries.length;
  }

  /** up returns the previous entry (older), or undefined at the top. */
  up(): string | undefined {
    if (this.cursor === 0) return undefined;
    this.cursor--;
    return this.entries[this.cursor];
  }

  /** down returns the next entry (newer); past the newest it returns '' (the empty prompt). */
  down(): string | undefined {
    if (this.cursor >= this.entries.length) return undefined;
    this.cursor++;
    return this.cursor === this.entries.length ? '' : this.entries[this.cursor];
  }

  /** resetNavigation puts the cursor after the newest entry. */
  resetNavigation(): void {
    this.cursor = this.entries.length;
  }

  /**
   * search finds the newest entry containing `query` strictly before index
   * `before` (Ctrl-R pressed again continues from the last hit).
   */
  search(query: string, before = this.entries.length): { index: number; line: string } | undefined {
    for (let i = Math.min(before, this.entries.length) - 1; i >= 0; i--) {
      if (this.entries[i].includes(query)) return { index: i, line: this.entries[i] };
    }
    return undefined;
  }

  /** format renders `history [N]` output: numbers right-aligned in 5 columns, two spaces, the line. */
  format(last?: number): string {
    const start = last === undefined ? 0 : Math.max(0, this.entries.length - last);
    return this.entries
      .slice(start)
      .map((line, k) => `${String(start + k + 1).padStart(5)}  ${line}\n`)
      .join('');
  }

  /** clear empties the list (`history -c`). */
  clear(): void {
    this.entries.length = 0;
    this.cursor = 0;
  }
}
