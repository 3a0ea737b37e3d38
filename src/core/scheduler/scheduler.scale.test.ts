import { describe, expect, it } from 'vitest';
import { PODS } from '../client/client.ts';
import { DETAILED_DECISIONS } from './scheduler.ts';
import { schedulerCluster, testNode, testPod } from './testCluster.ts';

const nodes = (n: number) => Array.from({ length: n }, (_, i) => testNode(`node${String(i + 1).padStart(3, '0')}`));

describe('scheduler on bigger clusters', () => {
  it('filters only until 100 feasible nodes are found, starting where the last cycle stopped', () => {
    const { cluster, scheduler } = schedulerCluster(nodes(150));
    cluster.client().create(PODS, 'default', testPod('first'));
    cluster.client().create(PODS, 'default', testPod('second'));
    cluster.settle();
    const first = scheduler.decisionFor('default', 'first')!;
    const second = scheduler.decisionFor('default', 'second')!;
    expect(first.nodes.map((n) => n.node)).toEqual(nodes(100).map((n) => n.metadata.name));
    expect(second.nodes.map((n) => n.node)).toEqual([...nodes(150).slice(100), ...nodes(50)].map((n) => n.metadata.name));
  });

  it('keeps per-node detail for the last successful decisions only', () => {
    const { cluster, scheduler } = schedulerCluster(['node01', 'node02'].map((n) => testNode(n, { pods: '1000' })));
    const count = DETAILED_DECISIONS + 2;
    for (let i = 0; i < count; i++) cluster.client().create(PODS, 'default', testPod(`p${i}`, { cpu: '1m' }));
    cluster.settle();
    expect(scheduler.decisionFor('default', 'p0')).toMatchObject({ result: 'Scheduled', nodes: [], detailTrimmed: true });
    expect(scheduler.decisionFor('default', 'p1')?.detailTrimmed).toBe(true);
    expect(scheduler.decisionFor('default', 'p2')?.nodes).toHaveLength(2);
    expect(scheduler.decisionFor('default', `p${count - 1}`)?.nodes).toHaveLength(2);
  });
});
