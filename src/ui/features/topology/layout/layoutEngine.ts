/**
 * IncrementalLayout places the topology's top-level boxes (workloads, node boxes, Services,
 * Ingresses) with dagre, left to right along the edges, and then keeps them where they are.
 * A box already placed never moves because something else appeared; a new box takes the
 * place dagre suggests near its neighbours, pushed down until it overlaps nothing. A box
 * that grows (a node gaining a row of pods) pushes down only what it now overlaps.
 *
 * It runs in the layout worker (layout.worker.ts), off the main thread; tests call it
 * directly. Pods are not laid out here: they sit in their node's grid (podSlots.ts).
 */
import dagre from '@dagrejs/dagre';

/** LayoutBox is one box to place, with its size. */
export interface LayoutBox {
  id: string;
  width: number;
  height: number;
}

/** LayoutInput is the graph to place: boxes and the edges that relate them (source left of target). */
export interface LayoutInput {
  boxes: LayoutBox[];
  edges: Array<[string, string]>;
}

/** Point is a box's top-left corner. */
export interface Point {
  x: number;
  y: number;
}

const GAP = 18;

interface Placed extends LayoutBox, Point {}

function overlaps(a: Placed, b: Placed): boolean {
  return a.x < b.x + b.width + GAP && b.x < a.x + a.width + GAP && a.y < b.y + b.height + GAP && b.y < a.y + a.height + GAP;
}

/** suggest runs dagre on the whole graph and returns every box's top-left. */
export function suggest(input: LayoutInput): Map<string, Point> {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 18, ranksep: 56, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  const ids = new Set<string>();
  for (const b of input.boxes) {
    g.setNode(b.id, { width: b.width, height: b.height });
    ids.add(b.id);
  }
  for (const [s, t] of input.edges) if (ids.has(s) && ids.has(t) && s !== t) g.setEdge(s, t);
  dagre.layout(g);
  const out = new Map<string, Point>();
  for (const b of input.boxes) {
    const n = g.node(b.id) as { x: number; y: number };
    out.set(b.id, { x: Math.round(n.x - b.width / 2), y: Math.round(n.y - b.height / 2) });
  }
  return out;
}

/** IncrementalLayout remembers where boxes are between calls. */
export class IncrementalLayout {
  private readonly placed = new Map<string, Placed>();

  /** layout returns the top-left of every box, moving none that was placed before unless a grown neighbour pushes it. */
  layout(input: LayoutInput): Record<string, Point> {
    const live = new Set(input.boxes.map((b) => b.id));
    for (const id of [...this.placed.keys()]) if (!live.has(id)) this.placed.delete(id);
    const fresh = input.boxes.filter((b) => !this.placed.has(b.id));
    const grown: Placed[] = [];
    for (const b of input.boxes) {
      const p = this.placed.get(b.id);
      if (p && (p.width !== b.width || p.height !== b.height)) {
        if (b.height > p.height || b.width > p.width) grown.push(p);
        p.width = b.width;
        p.height = b.height;
      }
    }
    if (fresh.length > 0) {
      const hint = suggest(input);
      const neighbours = new Map<string, string[]>();
      for (const [s, t] of input.edges) {
        neighbours.set(s, [...(neighbours.get(s) ?? []), t]);
        neighbours.set(t, [...(neighbours.get(t) ?? []), s]);
      }
      // dagre's picture of the whole graph may sit elsewhere than the boxes already placed:
      // a new box keeps its offset from a placed neighbour (or from the placed boxes on average).
      const shift = (id: string): Point => {
        for (const n of neighbours.get(id) ?? []) {
          const p = this.placed.get(n);
          const h = hint.get(n);
          if (p && h) return { x: p.x - h.x, y: p.y - h.y };
        }
        let dx = 0;
        let dy = 0;
        let k = 0;
        for (const [pid, p] of this.placed) {
          const h = hint.get(pid);
          if (!h) continue;
          dx += p.x - h.x;
          dy += p.y - h.y;
          k++;
        }
        return k ? { x: Math.round(dx / k), y: Math.round(dy / k) } : { x: 0, y: 0 };
      };
      // Place boxes next to placed neighbours first, so chains (Deployment → ReplicaSet) follow their anchor.
      const order = [...fresh].sort((a, b) => Number(this.anchored(b.id, neighbours)) - Number(this.anchored(a.id, neighbours)));
      for (const b of order) {
        const at = hint.get(b.id) ?? { x: 0, y: 0 };
        const d = shift(b.id);
        const box: Placed = { ...b, x: at.x + d.x, y: at.y + d.y };
        this.settle(box);
        this.placed.set(b.id, box);
      }
    }
    for (const g of grown) this.pushBelow(g);
    const out: Record<string, Point> = {};
    for (const [id, p] of this.placed) out[id] = { x: p.x, y: p.y };
    return out;
  }

  private anchored(id: string, neighbours: ReadonlyMap<string, string[]>): boolean {
    return (neighbours.get(id) ?? []).some((n) => this.placed.has(n));
  }

  /** reset forgets every position (a new cluster). */
  reset(): void {
    this.placed.clear();
  }

  /** settle moves a new box down until it overlaps no placed box. */
  private settle(box: Placed): void {
    for (let guard = 0; guard < 10_000; guard++) {
      let hit: Placed | undefined;
      for (const p of this.placed.values()) if (p.id !== box.id && overlaps(box, p)) {
        hit = p;
        break;
      }
      if (!hit) return;
      box.y = hit.y + hit.height + GAP;
    }
  }

  /** pushBelow moves boxes a grown box now overlaps down, and whatever they then overlap. */
  private pushBelow(grown: Placed): void {
    const queue = [grown];
    for (let guard = 0; queue.length > 0 && guard < 10_000; guard++) {
      const top = queue.shift() as Placed;
      for (const p of this.placed.values()) {
        if (p === top || p.y < top.y || !overlaps(top, p)) continue;
        p.y = top.y + top.height + GAP;
        queue.push(p);
      }
    }
  }
}
