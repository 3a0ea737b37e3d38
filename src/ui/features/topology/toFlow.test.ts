import { describe, expect, it } from 'vitest';
import { PodSlots } from './layout/podSlots.ts';
import { IncrementalLayout } from './layout/layoutEngine.ts';
import { defaultFilter, deriveTopology } from './model/deriveTopology.ts';
import { node, owned, pod, store } from './model/fixtures.test-util.ts';
import { EDGE_PODS_MAX, layoutInputOf, toFlow } from './toFlow.ts';

const RS = { kind: 'ReplicaSet', name: 'web-1' };

function picture(extraPods: string[] = []) {
  const objs = store([
    node('node01'),
    owned('ReplicaSet', 'web-1', undefined, { spec: { replicas: 2 }, status: { readyReplicas: 1 } }),
    owned('Service', 'web', undefined, { spec: { selector: { app: 'web' } } }),
    pod('web-1-a', 'node01', 'Running', RS),
    pod('web-1-b', 'node01', 'ContainerCreating', RS),
    ...extraPods.map((n) => pod(n, 'node01', 'Pending', RS)),
  ]);
  const graph = deriveTopology(objs, defaultFilter());
  return graph;
}

describe('toFlow', () => {
  it('draws pods inside their node with kind, name and kubectl STATUS, and edges to owners and Services', () => {
    const slots = new PodSlots();
    const graph = picture();
    for (const g of graph.groups) slots.assign(g.id, g.members);
    const positions = new IncrementalLayout().layout(layoutInputOf(graph, slots));
    const { nodes, edges } = toFlow(graph, slots, positions, undefined, new Map());
    expect(nodes.map((n) => [n.type, n.data.kind, n.data.name, n.data.status ?? n.data.summary, n.parentId ?? ''])).toEqual([
      ['group', 'Node', 'node01', 'Ready', ''],
      ['pod', 'Pod', 'web-1-a', 'Running', '/nodes//node01'],
      ['pod', 'Pod', 'web-1-b', 'ContainerCreating', '/nodes//node01'],
      ['object', 'ReplicaSet', 'web-1', '1/2', ''],
      ['object', 'Service', 'web', 'ClusterIP', ''],
    ]);
    expect(edges.map((e) => `${e.source.split('/').pop()}>${e.target.split('/').pop()} ${e.className}`)).toEqual([
      'web-1>web-1-a edge-owns',
      'web-1>web-1-b edge-owns',
      'web-1-a>web edge-selects edge-unready',
      'web-1-b>web edge-selects edge-unready',
    ]);
  });

  it('past EDGE_PODS_MAX pods, ends edges at the node box instead of each pod', () => {
    const slots = new PodSlots();
    const graph = picture(Array.from({ length: EDGE_PODS_MAX }, (_, i) => `web-1-x${i}`));
    for (const g of graph.groups) slots.assign(g.id, g.members);
    const positions = new IncrementalLayout().layout(layoutInputOf(graph, slots));
    const { edges } = toFlow(graph, slots, positions, undefined, new Map());
    expect(edges.map((e) => `${e.source.split('/').pop()}>${e.target.split('/').pop()} ${e.className}`)).toEqual(['web-1>node01 edge-owns', 'node01>web edge-selects']);
  });

  it('past EDGE_PODS_MAX pods, draws pods inside their node box instead of as xyflow nodes', () => {
    const slots = new PodSlots();
    const graph = picture(Array.from({ length: EDGE_PODS_MAX }, (_, i) => `web-1-x${i}`));
    for (const g of graph.groups) slots.assign(g.id, g.members);
    const positions = new IncrementalLayout().layout(layoutInputOf(graph, slots));
    const selected = '/pods/default/web-1-b';
    const { nodes } = toFlow(graph, slots, positions, selected, new Map());
    expect(nodes.map((n) => n.type)).toEqual(['group', 'object', 'object']);
    const box = nodes[0].data;
    expect(box.pods).toHaveLength(EDGE_PODS_MAX + 2);
    expect(box.selectedPod).toBe(selected);
    expect(box.pods?.find((p) => p.name === 'web-1-b')).toMatchObject({ kind: 'Pod', status: 'ContainerCreating', ready: false, tone: 'pending' });
    // The same picture again reuses the very same box object (React skips it).
    const again = toFlow(graph, slots, positions, selected, new Map(nodes.map((n) => [n.id, n])));
    expect(again.nodes[0]).toBe(nodes[0]);
  });

  it('reuses unchanged node objects and keeps existing pods in place when a pod appears', () => {
    const slots = new PodSlots();
    const layout = new IncrementalLayout();
    const g1 = picture();
    for (const g of g1.groups) slots.assign(g.id, g.members);
    const f1 = toFlow(g1, slots, layout.layout(layoutInputOf(g1, slots)), undefined, new Map());
    const prev = new Map(f1.nodes.map((n) => [n.id, n]));
    const g2 = picture(['web-1-c']);
    const f2 = toFlow(g2, slots, layout.layout(layoutInputOf(g2, slots)), undefined, prev);
    for (const n of f1.nodes) expect(f2.nodes.find((m) => m.id === n.id)).toBe(n);
    expect(f2.nodes.find((n) => n.data.name === 'web-1-c')?.position).toEqual({ x: 10, y: 34 + 10 + 44 + 8 });
  });
});
