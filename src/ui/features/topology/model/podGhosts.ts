/**
 * PodGhosts keeps a deleted pod on the picture for a moment, fading out as Terminating, in
 * the slot it had. Why: the worker coalesces watch events per frame, so a pod whose
 * containers stop at once (nginx exits on SIGTERM) can go from Running to deleted within one
 * frame, and its Terminating state, which it did pass through (deletionTimestamp set, then
 * removed), would never be drawn. A ghost makes the end of a pod something you see.
 */
import type { PodItem, TopologyGraph } from './types.ts';

/** GHOST_MS is how long (wall-clock ms) a deleted pod stays on the picture. */
export const GHOST_MS = 1500;

/**
 * GHOSTS_MAX bounds the ghosts on the picture at once. Under mass churn (hundreds of pods
 * ending per second) ghosts would outnumber the live pods, grow the node boxes and cost
 * more to draw than everything else; past this many, a pod that ends simply goes.
 */
export const GHOSTS_MAX = 24;

export class PodGhosts {
  private last = new Map<string, PodItem>();
  private readonly ghosts = new Map<string, { pod: PodItem; until: number }>();

  /**
   * withGhosts returns the graph plus the ghosts of pods deleted since the last call (and of
   * earlier ones not yet expired). `exists` tells a deleted pod from one a filter hides.
   */
  withGhosts(graph: TopologyGraph, exists: (id: string) => boolean, now: number): TopologyGraph {
    const current = new Map<string, PodItem>();
    for (const p of graph.pods) if (p.kind === 'Pod') current.set(p.id, p);
    for (const [id, g] of this.ghosts) if (g.until <= now || current.has(id)) this.ghosts.delete(id);
    for (const [id, p] of this.last) {
      if (this.ghosts.size >= GHOSTS_MAX) break;
      if (!current.has(id) && !exists(id) && !this.ghosts.has(id)) this.ghosts.set(id, { pod: { ...p, status: 'Terminating', ready: false, ghost: true }, until: now + GHOST_MS });
    }
    this.last = current;
    if (this.ghosts.size === 0 || graph.aggregated) return graph;
    const groups = graph.groups.map((g) => ({ ...g, members: [...g.members] }));
    const byId = new Map(groups.map((g) => [g.id, g]));
    const pods = [...graph.pods];
    for (const [id, g] of this.ghosts) {
      const group = byId.get(g.pod.group);
      if (!group) continue;
      group.members.push(id);
      pods.push(g.pod);
    }
    return { ...graph, groups, pods };
  }

  /** nextExpiry is when the next ghost should go (to schedule a redraw), if any. */
  nextExpiry(): number | undefined {
    let next: number | undefined;
    for (const g of this.ghosts.values()) next = next === undefined ? g.until : Math.min(next, g.until);
    return next;
  }

  /** isGhost tells whether a pod id is a ghost. */
  isGhost(id: string): boolean {
    return this.ghosts.has(id);
  }
}
