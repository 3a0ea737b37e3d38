/**
 * toFlow turns the derived graph, the pods' slots and the layout's positions into the nodes
 * and edges @xyflow/react draws. Pure: unchanged boxes come back as the very same objects
 * (so React skips them), which is what keeps a busy cluster cheap to draw.
 */
import type { Edge, Node } from '@xyflow/react';
import { BOX_H, BOX_W, GROUP_W, groupHeight, POD_H, POD_W, slotPosition } from './layout/geometry.ts';
import type { LayoutInput, Point } from './layout/layoutEngine.ts';
import type { PodSlots } from './layout/podSlots.ts';
import { podTone, type Tone } from './model/tone.ts';
import { flowsRight, type TopoKind, type TopologyGraph } from './model/types.ts';

/** EDGE_PODS_MAX is the number of pods up to which each pod gets its own edges. */
export const EDGE_PODS_MAX = 80;

/** BoxFields is what a box shows. */
export interface BoxFields {
  kind: TopoKind;
  name: string;
  namespace: string;
  /** status is a pod's kubectl STATUS; summary a workload's figure or a node's condition. */
  status?: string;
  summary?: string;
  tone?: Tone;
  ready?: boolean;
  /** ghost: a deleted pod fading out. */
  ghost?: boolean;
}

/**
 * InlinePod is a pod (or pod group) drawn as plain DOM inside its node box rather than as an
 * xyflow node of its own: past EDGE_PODS_MAX pods, one xyflow node per pod costs a store
 * subscriber, a wrapper, a ResizeObserver entry and a measurement pass each, which is what
 * made a churning cluster freeze the page. `x`/`y` are the pod's slot inside the box.
 */
export interface InlinePod extends BoxFields {
  id: string;
  x: number;
  y: number;
}

/** BoxData is what every custom node receives; `sig` lets toFlow reuse unchanged nodes. */
export interface BoxData extends BoxFields, Record<string, unknown> {
  sig: string;
  /** pods are a node box's pods when they are drawn inline (past EDGE_PODS_MAX). */
  pods?: InlinePod[];
  /** selectedPod is the selected inline pod's id, so the box can outline it. */
  selectedPod?: string;
}

/** FlowPicture is what the panel hands to ReactFlow. */
export interface FlowPicture {
  nodes: Node<BoxData>[];
  edges: Edge[];
}

/** layoutInputOf is the coarse graph the layout worker places: everything but the pods. */
export function layoutInputOf(graph: TopologyGraph, slots: PodSlots): LayoutInput {
  const boxes = [
    ...graph.workloads.map((w) => ({ id: w.id, width: BOX_W, height: BOX_H })),
    ...graph.groups.map((g) => ({ id: g.id, width: GROUP_W, height: groupHeight(slots.rowsOf(g.id)) })),
    ...graph.services.map((s) => ({ id: s.id, width: BOX_W, height: BOX_H })),
    ...graph.ingresses.map((i) => ({ id: i.id, width: BOX_W, height: BOX_H })),
    ...graph.related.map((r) => ({ id: r.id, width: BOX_W, height: BOX_H })),
  ];
  const groupOf = new Map(graph.pods.map((p) => [p.id, p.group]));
  const edges = new Set<string>();
  for (const e of graph.edges) {
    const s = groupOf.get(e.source) ?? e.source;
    const t = groupOf.get(e.target) ?? e.target;
    // Traffic flows Ingress → Service → Pod, but the picture reads workloads → nodes → Services → Ingresses.
    edges.add(flowsRight(e.relation) ? `${s}\u0000${t}` : `${t}\u0000${s}`);
  }
  return { boxes, edges: [...edges].sort().map((k) => k.split('\u0000') as [string, string]) };
}

function reuse(prev: ReadonlyMap<string, Node<BoxData>>, next: Node<BoxData>): Node<BoxData> {
  const old = prev.get(next.id);
  if (old && old.data.sig === next.data.sig && old.position.x === next.position.x && old.position.y === next.position.y && old.parentId === next.parentId && old.selected === next.selected && old.height === next.height) return old;
  return next;
}

function sigOf(d: BoxFields): string {
  return `${d.kind}|${d.name}|${d.status ?? ''}|${d.summary ?? ''}|${d.tone ?? ''}|${d.ready ?? ''}|${d.ghost ?? ''}`;
}

function data(d: BoxFields): BoxData {
  return { ...d, sig: sigOf(d) };
}

/** podFields is what a pod or pod group box shows. */
function podFields(p: TopologyGraph['pods'][number]): BoxFields {
  if (p.kind === 'Pod') return { kind: 'Pod', name: p.name, namespace: p.namespace, status: p.status, ready: p.ready, tone: podTone(p.status, p.ready), ...(p.ghost ? { ghost: true } : {}) };
  const [top] = p.statuses;
  return { kind: 'PodGroup', name: p.name, namespace: p.namespace, summary: p.label, status: p.statuses.map(([s, n]) => `${n} ${s}`).join(', '), tone: podTone(top?.[0] ?? '', true) };
}

/** toFlow builds the picture; boxes without a position yet (layout pending) are left out. */
export function toFlow(
  graph: TopologyGraph,
  slots: PodSlots,
  positions: Readonly<Record<string, Point>>,
  selected: string | undefined,
  prev: ReadonlyMap<string, Node<BoxData>>,
  prevEdges: ReadonlyMap<string, Edge> = new Map(),
): FlowPicture {
  const nodes: Node<BoxData>[] = [];
  const shown = new Set<string>();
  const add = (n: Node<BoxData>) => {
    nodes.push(reuse(prev, n));
    shown.add(n.id);
  };
  const podsById = new Map(graph.pods.map((p) => [p.id, p]));
  const drawInline = graph.pods.length > EDGE_PODS_MAX;
  for (const g of graph.groups) {
    const at = positions[g.id];
    if (!at) continue;
    const height = groupHeight(slots.rowsOf(g.id));
    const summary = g.kind === 'Unscheduled' ? 'waiting for a node' : `${g.ready ? 'Ready' : 'NotReady'}${g.unschedulable ? ',SchedulingDisabled' : ''}`;
    const slotOf = slots.assign(g.id, g.members);
    const inline: InlinePod[] | undefined = drawInline ? [] : undefined;
    const podNodes: Node<BoxData>[] = [];
    for (const id of g.members) {
      const p = podsById.get(id);
      const slot = slotOf.get(id);
      if (!p || slot === undefined) continue;
      const slotAt = slotPosition(slot);
      const fields = podFields(p);
      if (inline) inline.push({ id, ...fields, ...slotAt });
      else podNodes.push({ id, type: p.kind === 'Pod' ? 'pod' : 'podgroup', position: slotAt, parentId: g.id, width: POD_W, height: POD_H, selected: id === selected, data: data(fields) });
    }
    const box = data({ kind: g.kind, name: g.name, namespace: '', summary, ready: g.ready });
    if (inline) {
      const selectedPod = inline.some((p) => p.id === selected) ? selected : undefined;
      box.pods = inline;
      if (selectedPod) box.selectedPod = selectedPod;
      box.sig += `|${selectedPod ?? ''}|${inline.map((p) => `${p.id}@${p.x},${p.y}:${sigOf(p)}`).join(';')}`;
    }
    add({ id: g.id, type: 'group', position: at, width: GROUP_W, height, selectable: g.kind === 'Node', selected: g.id === selected, data: box });
    for (const n of podNodes) add(n);
  }
  for (const w of [...graph.workloads, ...graph.services, ...graph.ingresses, ...graph.related]) {
    const at = positions[w.id];
    if (!at) continue;
    const summary = w.kind === 'Service' ? w.type : w.kind === 'Ingress' ? '' : w.summary;
    add({ id: w.id, type: 'object', position: at, width: BOX_W, height: BOX_H, selected: w.id === selected, data: data({ kind: w.kind, name: w.name, namespace: w.namespace, summary }) });
  }
  const edges: Edge[] = [];
  // Past EDGE_PODS_MAX pods, one edge per pod is a hairball that also costs xyflow one
  // subscriber per edge: edges then end at the node box holding the pods instead.
  const toBox = graph.pods.length > EDGE_PODS_MAX ? new Map(graph.pods.map((p) => [p.id, p.group])) : undefined;
  const seen = new Set<string>();
  for (const e of graph.edges) {
    let [source, target] = flowsRight(e.relation) ? [e.source, e.target] : [e.target, e.source];
    let id = e.id;
    let ready = e.ready;
    if (toBox) {
      source = toBox.get(source) ?? source;
      target = toBox.get(target) ?? target;
      id = `${e.relation}:${source}>${target}`;
      ready = undefined;
      if (seen.has(id)) continue;
      seen.add(id);
    }
    if (!shown.has(source) || !shown.has(target)) continue;
    const className = `edge-${e.relation}${ready === false ? ' edge-unready' : ''}`;
    const old = prevEdges.get(id);
    edges.push(old && old.className === className && old.source === source && old.target === target ? old : { id, source, target, className, focusable: false, selectable: false });
  }
  return { nodes, edges };
}
