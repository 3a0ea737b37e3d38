/**
 * BinaryHeap: a min-heap under a caller's order, shared by the virtual clock's timers and the
 * scheduler's activeQ. Neither removes from the middle: both leave cancelled or stale entries
 * in place and drop them when they reach the top, so push, peek and pop are all it offers.
 */
export class BinaryHeap<T> {
  private items: T[] = [];

  /** `before(a, b)` says whether a comes out before b; it must be a strict total order. */
  constructor(private readonly before: (a: T, b: T) => boolean) {}

  /** size is the number of entries, stale ones included. */
  get size(): number {
    return this.items.length;
  }

  /** peek returns the first entry without removing it. */
  peek(): T | undefined {
    return this.items[0];
  }

  /** push adds an entry. */
  push(item: T): void {
    const h = this.items;
    h.push(item);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(h[i], h[parent])) break;
      const t = h[i];
      h[i] = h[parent];
      h[parent] = t;
      i = parent;
    }
  }

  /** pop removes and returns the first entry. */
  pop(): T | undefined {
    const h = this.items;
    const top = h[0];
    const last = h.pop();
    if (h.length === 0) return top;
    h[0] = last!;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && this.before(h[l], h[m])) m = l;
      if (r < h.length && this.before(h[r], h[m])) m = r;
      if (m === i) break;
      const t = h[i];
      h[i] = h[m];
      h[m] = t;
      i = m;
    }
    return top;
  }

  /** retain keeps only the entries for which keep holds (a rebuild, for dropping stale entries in bulk). */
  retain(keep: (item: T) => boolean): void {
    const kept = this.items.filter(keep);
    this.items = [];
    for (const item of kept) this.push(item);
  }
}
