/**
 * virtualRange is the arithmetic of a virtualised list of fixed-height rows: which rows a
 * viewport scrolled to `scrollTop` shows (plus `overscan` rows either side, so a fast scroll
 * does not flash blank space), and the spacer heights that keep the scrollbar true to the
 * whole list. Pure, so it is tested in Node; useVirtualRows.ts is its React binding.
 */

/** VirtualRange is the slice [start, end) to draw and the space above and below it. */
export interface VirtualRange {
  start: number;
  end: number;
  padTop: number;
  padBottom: number;
}

/** visibleRange computes the rows to draw; `offset` is where row 0 starts inside the scrolled content. */
export function visibleRange(count: number, rowHeight: number, scrollTop: number, viewport: number, overscan = 8, offset = 0): VirtualRange {
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0, padTop: 0, padBottom: 0 };
  const top = Math.max(0, scrollTop - offset);
  const first = Math.min(count - 1, Math.floor(top / rowHeight));
  const shown = Math.ceil(Math.max(viewport, rowHeight) / rowHeight) + 1;
  const start = Math.max(0, first - overscan);
  const end = Math.min(count, first + shown + overscan);
  return { start, end, padTop: start * rowHeight, padBottom: (count - end) * rowHeight };
}
