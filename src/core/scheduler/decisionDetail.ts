/**
 * DecisionDetail: the per-node part of a SchedulingDecision, recorded compactly during the
 * cycle and turned into NodeDecision objects only when someone reads `decision.nodes`.
 *
 * A cycle on a big cluster looks at hundreds of nodes and scores each with five plugins;
 * building a NodeDecision, its verdict list and five ScoreEntry objects per node on every
 * cycle was a third of the scheduler's CPU (mostly garbage collection), although the UI only
 * ever opens the record of a pod someone inspects. Here a cycle records one name and at most
 * one rejection per node and one number pair per (plugin, feasible node); `attachDetail`
 * exposes the same `nodes` array, built on first read, with the same contents and key order.
 */
import type { FilterVerdict, NodeDecision, SchedulingDecision } from './decision.ts';
import type { Status } from './types.ts';

/** Rejection is the filter that rejected a node: its position in the profile and its status. */
export interface Rejection {
  index: number;
  status: Status;
}

/** PluginScores is one score plugin's raw and normalised scores: where they start in the cycle's score buffer. */
interface PluginScores {
  plugin: string;
  weight: number;
  rawAt: number;
  normalizedAt: number;
}

const passedVerdicts = new Map<string, FilterVerdict>();

/** passedVerdict is the shared, frozen 'Success' verdict of a plugin (one per node per cycle adds up). */
export function passedVerdict(plugin: string): FilterVerdict {
  let v = passedVerdicts.get(plugin);
  if (!v) passedVerdicts.set(plugin, (v = Object.freeze({ plugin, code: 'Success', reasons: Object.freeze([]) as unknown as string[] }) as FilterVerdict));
  return v;
}

/** nodeDecision builds one node's record: a pass verdict per filter up to the rejection, if any. */
export function nodeDecision(filterNames: readonly string[], node: string, rejection: Rejection | undefined): NodeDecision {
  const decision: NodeDecision = { node, filters: [], feasible: true, scores: [] };
  const passedCount = rejection ? rejection.index : filterNames.length;
  for (let i = 0; i < passedCount; i++) decision.filters.push(passedVerdict(filterNames[i]));
  if (rejection) {
    decision.filters.push({ plugin: filterNames[rejection.index], code: rejection.status.code, reasons: rejection.status.reasons });
    decision.feasible = false;
  }
  return decision;
}

/** DecisionDetail collects one cycle's per-node results. */
export class DecisionDetail {
  /** nodes are the names of the nodes the filter pass looked at, in order (the first `count` entries). */
  private readonly nodes: string[];
  private count = 0;
  /**
   * rejections maps a position in `nodes` to its rejection, made on the first one: on most
   * cycles every node passes, and then the j-th feasible node (the order scores use) is the
   * j-th node.
   */
  private rejections?: Map<number, Rejection>;
  private readonly scores: PluginScores[] = [];
  /** buffer holds the scores (see keepScores): the feasible nodes' totals first, then each plugin's. */
  private buffer?: Int32Array | Float64Array;

  /** `expectedNodes` sizes the name list for the nodes the filter pass is expected to look at. */
  constructor(
    private readonly filterNames: readonly string[],
    expectedNodes = 0,
  ) {
    this.nodes = expectedNodes > 0 ? new Array<string>(expectedNodes) : [];
  }

  /** filtered records the filter pass's result for the next node it looked at. */
  filtered(node: string, rejection: Rejection | undefined): void {
    if (rejection) (this.rejections ??= new Map()).set(this.count, rejection);
    this.nodes[this.count++] = node;
  }

  /** scored records where one plugin's raw and normalised scores over the feasible nodes lie in the score buffer. */
  scored(plugin: string, weight: number, rawAt: number, normalizedAt: number): void {
    this.scores.push({ plugin, weight, rawAt, normalizedAt });
  }

  /**
   * keepScores keeps the first `length` numbers of the cycle's score buffer (totals at 0, then
   * the offsets given to `scored`) and returns the kept copy. Scores are nearly always small
   * integers: they are then kept as an Int32Array, half the bytes of the doubles; any other
   * number (a fraction, -0, beyond 32 bits) keeps them all as doubles, so each reads back as
   * it was computed.
   */
  keepScores(scratch: Float64Array, length: number): Int32Array | Float64Array {
    let ints = true;
    for (let i = 0; i < length; i++) {
      const v = scratch[i];
      if ((v | 0) !== v || (v === 0 && 1 / v < 0)) {
        ints = false;
        break;
      }
    }
    let kept: Int32Array | Float64Array;
    if (ints) {
      kept = new Int32Array(length);
      for (let i = 0; i < length; i++) kept[i] = scratch[i];
    } else {
      kept = scratch.slice(0, length);
    }
    this.buffer = kept;
    return kept;
  }

  /** materialize builds the NodeDecision list the decision record shows. */
  materialize(): NodeDecision[] {
    const out: NodeDecision[] = [];
    const feasible: number[] = [];
    for (let i = 0; i < this.count; i++) {
      const rejection = this.rejections?.get(i);
      if (!rejection) feasible.push(i);
      out.push(nodeDecision(this.filterNames, this.nodes[i], rejection));
    }
    const buffer = this.buffer;
    if (!buffer) return out;
    for (const s of this.scores) {
      feasible.forEach((pos, j) => {
        const normalized = buffer[s.normalizedAt + j];
        out[pos].scores.push({ plugin: s.plugin, raw: buffer[s.rawAt + j], normalized, weight: s.weight, weighted: normalized * s.weight });
      });
    }
    feasible.forEach((pos, j) => (out[pos].total = buffer[j]));
    return out;
  }
}

/** nodesOf holds each decision's `nodes`: its DecisionDetail until first read, then the built list. */
const nodesOf = new WeakMap<SchedulingDecision, DecisionDetail | NodeDecision[]>();

/**
 * NO_NODES is `nodes` when there is no detail (trimmed records): one shared frozen list rather
 * than an empty array and a WeakMap entry per pod. Readers get copies across the worker
 * boundary (structured clone), and nothing in the engine adds to a record's list.
 */
const NO_NODES: NodeDecision[] = Object.freeze([]) as unknown as NodeDecision[];

/**
 * NODES_PROPERTY is the `nodes` accessor every decision shares. One getter/setter pair for
 * all of them (state in nodesOf) keeps decisions on one hidden class: per-decision closures,
 * or redefining the property as data on first read, gave every decision its own hidden
 * class and descriptor arrays (~0.8 KB per pod).
 */
const NODES_PROPERTY: PropertyDescriptor = {
  get(this: SchedulingDecision): NodeDecision[] {
    const value = nodesOf.get(this);
    if (!(value instanceof DecisionDetail)) return value ?? NO_NODES;
    const nodes = value.materialize();
    nodesOf.set(this, nodes);
    return nodes;
  },
  set(this: SchedulingDecision, value: NodeDecision[]) {
    if (value.length === 0) nodesOf.delete(this);
    else nodesOf.set(this, value);
  },
  enumerable: true,
  configurable: true,
};

/**
 * attachDetail makes `decision.nodes` an enumerable property built from `detail` on first
 * read (JSON, structured clone and test matchers all read it like a plain field) and kept
 * after. Assigning `nodes` (trimming old records) replaces it and drops the detail.
 */
export function attachDetail(decision: SchedulingDecision, detail: DecisionDetail): void {
  nodesOf.set(decision, detail);
  Object.defineProperty(decision, 'nodes', NODES_PROPERTY);
}
