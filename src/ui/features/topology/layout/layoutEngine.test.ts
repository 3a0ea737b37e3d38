import { describe, expect, it } from 'vitest';
import { IncrementalLayout, type LayoutInput } from './layoutEngine.ts';

const box = (id: string, height = 50) => ({ id, width: 100, height });

function graph(extra: string[] = [], nodeHeight = 100): LayoutInput {
  return {
    boxes: [box('deploy'), box('rs1'), box('node01', nodeHeight), box('node02', nodeHeight), box('svc'), ...extra.map((id) => box(id))],
    edges: [['deploy', 'rs1'], ['rs1', 'node01'], ['rs1', 'node02'], ['node01', 'svc'], ['node02', 'svc'], ...extra.map((id): [string, string] => ['deploy', id])],
  };
}

function overlap(a: { x: number; y: number }, b: { x: number; y: number }, ha: number, hb: number): boolean {
  return a.x < b.x + 100 && b.x < a.x + 100 && a.y < b.y + hb && b.y < a.y + ha;
}

describe('IncrementalLayout', () => {
  it('lays the graph out left to right along the edges', () => {
    const p = new IncrementalLayout().layout(graph());
    expect(p.deploy.x).toBeLessThan(p.rs1.x);
    expect(p.rs1.x).toBeLessThan(p.node01.x);
    expect(p.node01.x).toBe(p.node02.x);
    expect(p.node01.x).toBeLessThan(p.svc.x);
  });

  it('keeps every placed box where it was when a box appears, and places the new one without overlap', () => {
    const l = new IncrementalLayout();
    const before = l.layout(graph());
    const after = l.layout(graph(['rs2']));
    for (const id of Object.keys(before)) expect(after[id]).toEqual(before[id]);
    for (const id of Object.keys(before)) expect(overlap(after.rs2, after[id], 50, id.startsWith('node') ? 100 : 50)).toBe(false);
  });

  it('pushes down only what a grown box overlaps', () => {
    const l = new IncrementalLayout();
    const before = l.layout(graph());
    const after = l.layout(graph([], 300));
    const [upper, lower] = before.node01.y < before.node02.y ? ['node01', 'node02'] : ['node02', 'node01'];
    expect(after[upper]).toEqual(before[upper]);
    expect(after[lower].y).toBeGreaterThanOrEqual(after[upper].y + 300);
    expect(after.deploy).toEqual(before.deploy);
  });

  it('forgets boxes that are gone', () => {
    const l = new IncrementalLayout();
    l.layout(graph(['rs2']));
    expect(Object.keys(l.layout(graph()))).not.toContain('rs2');
  });
});

describe('IncrementalLayout, growing from nothing', () => {
  it('places workloads that appear after the nodes to the left of them, not on top', () => {
    const l = new IncrementalLayout();
    const nodesOnly = l.layout({ boxes: [box('node01', 100), box('node02', 100)], edges: [] });
    const full = l.layout(graph());
    expect(full.node01).toEqual(nodesOnly.node01);
    expect(full.rs1.x).toBeLessThan(full.node01.x);
    expect(full.deploy.x).toBeLessThan(full.rs1.x);
    expect(full.svc.x).toBeGreaterThan(full.node01.x);
  });
});
