/**
 * A port of Go's text/tabwriter as kubectl's describers configure it:
 * `tabwriter.NewWriter(out, 0, 8, 2, ' ', 0)` (minwidth 0, tabwidth 8, padding 2,
 * pad with spaces, no flags) — see `tabbedString` in
 * staging/src/k8s.io/kubectl/pkg/describe/describe.go.
 *
 * Why a port and not padEnd: tabwriter aligns a column across a *block* of
 * consecutive lines that all have a cell in that column. A line with no tab ends
 * every block, so `Name:` lines align with each other but not with the lines after
 * `Containers:`. Nested columns form their own blocks (recursively). Reproducing
 * that exactly is what makes `kubectl describe` output line up like the real one.
 */

const MIN_WIDTH = 0;
const PADDING = 2;

/** cellWidth counts runes, as Go's tabwriter does with utf8.RuneCountInString. */
function cellWidth(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/**
 * formatTabbed aligns tab-separated cells in `text` exactly as a Go tabwriter
 * (minwidth 0, tabwidth 8, padding 2, padchar ' ') would, and returns the result.
 * Every tab-terminated cell is a column cell; the text after a line's last tab is
 * printed as is.
 */
export function formatTabbed(text: string): string {
  const lines = text.split('\n').map((line) => line.split('\t'));
  const out: string[] = [];
  const widths: number[] = [];

  const writeLines = (line0: number, line1: number): void => {
    for (let i = line0; i < line1; i++) {
      const cells = lines[i]!;
      let s = '';
      for (let j = 0; j < cells.length; j++) {
        const cell = cells[j]!;
        s += cell;
        if (j < widths.length) s += ' '.repeat(Math.max(0, widths[j]! - cellWidth(cell)));
      }
      out.push(s);
    }
  };

  // format mirrors (*Writer).format: find the blocks of lines that have a cell in
  // the next column, size that column per block, and recurse into it.
  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    for (let current = line0; current < line1; current++) {
      if (column >= lines[current]!.length - 1) continue;
      writeLines(line0, current);
      line0 = current;
      let width = MIN_WIDTH;
      for (; current < line1; current++) {
        const cells = lines[current]!;
        if (column >= cells.length - 1) break;
        const w = cellWidth(cells[column]!) + PADDING;
        if (w > width) width = w;
      }
      widths.push(width);
      format(line0, current);
      widths.pop();
      // like Go, the loop increment skips the line that ended the block: it has
      // no cell in this column, so it cannot start a new block anyway
      line0 = current;
    }
    writeLines(line0, line1);
  };

  format(0, lines.length);
  return out.join('\n');
}
