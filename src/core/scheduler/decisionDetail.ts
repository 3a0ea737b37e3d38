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

/** PluginScores is one score plugin's raw and normalised scores over the feasible nodes. */
interface PluginScores {
  plugin: string;
  weight: number;
  raw: number[];
  normalized: number[];
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
  private readonly nodes: string[] = [];
  private readonly rejections: Array<Rejection | undefined> = [];
  /** feasible[j] is the position (in `nodes`) of the j-th feasible node, the order scores use. */
  private readonly feasible: number[] = [];
  private readonly scores: PluginScores[] = [];
  private totals?: number[];

  constructor(private readonly filterNames: readonly string[]) {}

  /** filtered records the filter pass's result for the next node it looked at. */
  filtered(node: string, rejection: Rejection | undefined): void {
    if (!rejection) this.feasible.push(this.nodes.length);
    this.nodes.push(node);
    this.rejections.push(rejection);
  }

  /** scored records one plugin's scores over the feasible nodes, in their order. */
  scored(plugin: string, weight: number, raw: number[], normalized: number[]): void {
    this.scores.push({ plugin, weight, raw, normalized });
  }

  /** totaled records the weighted totals of the feasible nodes (set only when scoring ran). */
  totaled(totals: number[]): void {
    this.totals = totals;
  }

  /** materialize builds the NodeDecision list the decision record shows. */
  materialize(): NodeDecision[] {
    const out = this.nodes.map((node, i) => nodeDecision(this.filterNames, node, this.rejections[i]));
    for (const s of this.scores) {
      this.feasible.forEach((pos, j) => {
        const normalized = s.normalized[j];
        out[pos].scores.push({ plugin: s.plugin, raw: s.raw[j], normalized, weight: s.weight, weighted: normalized * s.weight });
      });
    }
    if (this.totals) {
      const totals = this.totals;
      this.feasible.forEach((pos, j) => (out[pos].total = totals[j]));
    }
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
