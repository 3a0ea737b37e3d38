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
import type { TopoKind, TopologyGraph } from './model/types.ts';

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

/** BoxData is what every custom node receives; `sig` lets toFlow reuse unchanged nodes. */
export interface BoxData extends BoxFields, Record<string, unknown> {
  sig: string;
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
  ];
  const groupOf = new Map(graph.pods.map((p) => [p.id, p.group]));
  const edges = new Set<string>();
  for (const e of graph.edges) {
    const s = groupOf.get(e.source) ?? e.source;
    const t = groupOf.get(e.target) ?? e.target;
    // Traffic flows Ingress → Service → Pod, but the picture reads workloads → nodes → Services → Ingresses.
    edges.add(e.relation === 'owns' ? `${s}\u0000${t}` : `${t}\u0000${s}`);
  }
  return { boxes, edges: [...edges].sort().map((k) => k.split('\u0000') as [string, string]) };
}

function reuse(prev: ReadonlyMap<string, Node<BoxData>>, next: Node<BoxData>): Node<BoxData> {
  const old = prev.get(next.id);
  if (old && old.data.sig === next.data.sig && old.position.x === next.position.x && old.position.y === next.position.y && old.parentId === next.parentId && old.selected === next.selected && old.height === next.height) return old;
  return next;
}

function data(d: BoxFields): BoxData {
  return { ...d, sig: `${d.kind}|${d.name}|${d.status ?? ''}|${d.summary ?? ''}|${d.tone ?? ''}|${d.ready ?? ''}|${d.ghost ?? ''}` };
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
  for (const g of graph.groups) {
    const at = positions[g.id];
    if (!at) continue;
    const height = groupHeight(slots.rowsOf(g.id));
    const summary = g.kind === 'Unscheduled' ? 'waiting for a node' : `${g.ready ? 'Ready' : 'NotReady'}${g.unschedulable ? ',SchedulingDisabled' : ''}`;
    add({ id: g.id, type: 'group', position: at, width: GROUP_W, height, selectable: g.kind === 'Node', selected: g.id === selected, data: data({ kind: g.kind, name: g.name, namespace: '', summary, ready: g.ready }) });
    const slotOf = slots.assign(g.id, g.members);
    for (const id of g.members) {
      const p = podsById.get(id);
      const slot = slotOf.get(id);
      if (!p || slot === undefined) continue;
      const common = { position: slotPosition(slot), parentId: g.id, width: POD_W, height: POD_H, selected: id === selected };
      if (p.kind === 'Pod') add({ id, type: 'pod', ...common, data: data({ kind: 'Pod', name: p.name, namespace: p.namespace, status: p.status, ready: p.ready, tone: podTone(p.status, p.ready), ...(p.ghost ? { ghost: true } : {}) }) });
      else {
        const [top] = p.statuses;
        add({ id, type: 'podgroup', ...common, selectable: false, data: data({ kind: 'PodGroup', name: p.name, namespace: p.namespace, summary: p.label, status: p.statuses.map(([s, n]) => `${n} ${s}`).join(', '), tone: podTone(top?.[0] ?? '', true) }) });
      }
    }
  }
  for (const w of [...graph.workloads, ...graph.services, ...graph.ingresses]) {
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
    let [source, target] = e.relation === 'owns' ? [e.source, e.target] : [e.target, e.source];
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
