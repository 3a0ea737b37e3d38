/**
 * A port of the text/tabwriter algorithm with kubectl's settings (minwidth 6, padding 3,
 * pad character ' ', RememberWidths) from cli-runtime printers.GetNewTabWriter.
 *
 * Cells are tab-terminated; the last cell of a line is never padded, so rows carry no
 * trailing spaces. Column widths are computed per "column block" (consecutive lines that
 * have a cell in that column), exactly as Go does.
 */

const MIN_WIDTH = 6;
const PADDING = 3;

function width(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** TabWriter buffers tab-separated lines and aligns them on flush. */
export class TabWriter {
  private lines: string[][] = [];
  private partial = '';
  private remembered: number[] = [];

  /** write appends text; lines end at "\n", cells at "\t". */
  write(text: string): void {
    const parts = (this.partial + text).split('\n');
    this.partial = parts.pop() ?? '';
    for (const line of parts) this.lines.push(line.split('\t'));
  }

  /** setRememberedWidths resets (or seeds) the widths kept across flushes, as kubectl get does per resource type. */
  setRememberedWidths(widths: number[] | null): void {
    this.remembered = widths ? [...widths] : [];
  }

  /** flush returns the aligned text of everything written so far. */
  flush(): string {
    if (this.partial !== '') {
      this.lines.push(this.partial.split('\t'));
      this.partial = '';
    }
    const lines = this.lines;
    this.lines = [];
    const out: string[] = [];
    const widths: number[] = [];
    const writeLines = (from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const line = lines[i];
        let text = '';
        line.forEach((cell, j) => {
          text += cell;
          if (j < widths.length && j < line.length - 1) text += ' '.repeat(Math.max(0, widths[j] - width(cell)));
        });
        out.push(text);
      }
    };
    const format = (line0: number, line1: number) => {
      const column = widths.length;
      for (let self = line0; self < line1; self++) {
        if (column >= lines[self].length - 1) continue;
        writeLines(line0, self);
        line0 = self;
        let w = MIN_WIDTH;
        for (; self < line1; self++) {
          const line = lines[self];
          if (column >= line.length - 1) break;
          w = Math.max(w, width(line[column]) + PADDING);
        }
        // RememberWidths: a column never shrinks below what an earlier flush printed.
        if (this.remembered.length > column) w = Math.max(w, this.remembered[column]);
        else this.remembered.push(w);
        this.remembered[column] = w;
        widths.push(w);
        format(line0, self);
        widths.pop();
        line0 = self;
        self--;
      }
      writeLines(line0, line1);
    };
    format(0, lines.length);
    return out.map((l) => `${l}\n`).join('');
  }
}
