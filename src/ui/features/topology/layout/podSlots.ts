/**
 * PodSlots keeps each pod in the same place inside its node's box for as long as it lives:
 * a new pod takes the lowest free slot (often the one a terminated pod just left, which is
 * what a rolling update looks like), and nobody else moves. Rows only grow, and shrink only
 * when two rows are spare, so a box does not twitch as pods come and go.
 */
import { POD_COLS } from './geometry.ts';

export class PodSlots {
  private readonly slots = new Map<string, Map<string, number>>();
  private readonly rows = new Map<string, number>();

  /** assign returns the slot of every member of a group, keeping the slots members had. */
  assign(group: string, members: readonly string[]): ReadonlyMap<string, number> {
    const prev = this.slots.get(group) ?? new Map<string, number>();
    const next = new Map<string, number>();
    const taken = new Set<number>();
    const fresh: string[] = [];
    for (const m of members) {
      const s = prev.get(m);
      if (s === undefined) fresh.push(m);
      else {
        next.set(m, s);
        taken.add(s);
      }
    }
    let free = 0;
    for (const m of fresh) {
      while (taken.has(free)) free++;
      next.set(m, free);
      taken.add(free);
    }
    this.slots.set(group, next);
    const need = Math.ceil((Math.max(-1, ...next.values()) + 1) / POD_COLS) || 1;
    const had = this.rows.get(group) ?? 1;
    this.rows.set(group, need > had || need <= had - 2 ? need : had);
    return next;
  }

  /** rowsOf is the number of pod rows a group's box reserves. */
  rowsOf(group: string): number {
    return this.rows.get(group) ?? 1;
  }

  /** retain forgets groups that no longer exist. */
  retain(groups: ReadonlySet<string>): void {
    for (const g of [...this.slots.keys()]) if (!groups.has(g)) {
      this.slots.delete(g);
      this.rows.delete(g);
    }
  }
}
