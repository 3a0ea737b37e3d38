import { describe, expect, it } from 'vitest';
import { selectorFromSet } from '../../api/labels.ts';
import { balancedResourceScore, nodeResourcesBalancedAllocation } from './nodeResourcesBalancedAllocation.ts';
import { leastAllocatedScore } from './nodeResourcesFit.ts';
import { podTopologySpreadFilter, podTopologySpreadScore } from './podTopologySpread.ts';
import type { Node } from '../../api/types.ts';
import { SnapshotCache } from '../snapshotCache.ts';
import { ctx, nodeInfo, pod } from './testNodes.ts';

const req = (cpu: string, memory: string) => ({ containers: [{ name: 'c', resources: { requests: { cpu, memory } } }] });

describe('NodeResourcesFit LeastAllocated', () => {
  it('averages the free share of cpu and memory', () => {
    // cpu: (2000-1000)/2000 = 50; memory: (4Gi-1Gi)/4Gi = 75 → 62
    expect(leastAllocatedScore(pod('p', req('1', '1Gi')), nodeInfo('n'))).toBe(62);
  });
  it('counts a pod without requests as 100m/200Mi', () => {
    // cpu: 1900*100/2000 = 95; memory: (4096-200)*100/4096 = 95.1 → 95
    expect(leastAllocatedScore(pod('p'), nodeInfo('n'))).toBe(95);
  });
});

describe('NodeResourcesBalancedAllocation', () => {
  it('is (1 - |f1 - f2| / 2) × 100', () => {
    expect(balancedResourceScore([1000, 1024], [2000, 4096])).toBe(87);
    expect(nodeResourcesBalancedAllocation.score(ctx([]), pod('p', req('1', '2Gi')), nodeInfo('n'))).toBe(100);
  });
});

describe('PodTopologySpread', () => {
  const web = { app: 'web' };
  const zoneNode = (name: string, zone: string, podsOn = 0) =>
    nodeInfo(name, { labels: { zone }, podsOn: Array.from({ length: podsOn }, (_, i) => pod(`${name}-${i}`, {}, web, name)) });

  it('filters by maxSkew over DoNotSchedule constraints', () => {
    const nodes = [zoneNode('a1', 'a', 2), zoneNode('b1', 'b', 1)];
    const p = pod('p', { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: web } }] }, web);
    const c = ctx(nodes);
    podTopologySpreadFilter.preFilter!(c, p);
    expect(podTopologySpreadFilter.filter(c, p, nodes[0])?.reasons).toEqual(["node(s) didn't match pod topology spread constraints"]);
    expect(podTopologySpreadFilter.filter(c, p, nodes[1])).toBeUndefined();
    const bare = nodeInfo('bare');
    expect(podTopologySpreadFilter.filter(c, p, bare)).toEqual({
      code: 'UnschedulableAndUnresolvable',
      reasons: ["node(s) didn't match pod topology spread constraints (missing required label)"],
    });
  });

  it('scores with the system defaults: the node with fewer matching pods wins', () => {
    const busy = nodeInfo('n1', { podsOn: [pod('x', {}, web, 'n1'), pod('y', {}, web, 'n1')] });
    const idle = nodeInfo('n2');
    const c = ctx([busy, idle], { defaultSpreadSelector: selectorFromSet(web) });
    const p = pod('p', {}, web);
    expect(podTopologySpreadScore.preScore!(c, p, [busy, idle])).toBeUndefined();
    // hostname: cnt × ln(2 + 2) + (3 − 1): busy 2×1.386+2 = 4.77 → 5, idle 2
    const scores = [busy, idle].map((n) => ({ name: n.name, score: podTopologySpreadScore.score(c, p, n) }));
    expect(scores.map((s) => s.score)).toEqual([5, 2]);
    podTopologySpreadScore.normalizeScore!(c, p, scores);
    expect(scores.map((s) => s.score)).toEqual([40, 100]);
  });

  it('recounts a node whose NodeInfo was rebuilt, per namespace', () => {
    const score = (n: ReturnType<typeof nodeInfo>, p: ReturnType<typeof pod>) => {
      const c = ctx([n], { defaultSpreadSelector: selectorFromSet(web) });
      podTopologySpreadScore.preScore!(c, p, [n, nodeInfo('other')]);
      return podTopologySpreadScore.score(c, p, n);
    };
    const one = nodeInfo('n1', { podsOn: [pod('x', {}, web, 'n1')] });
    // hostname: cnt × ln(2 + 2) + 2
    expect(score(one, pod('p', {}, web))).toBe(3);
    const two = nodeInfo('n1', { podsOn: [pod('x', {}, web, 'n1'), pod('y', {}, web, 'n1')] });
    expect(score(two, pod('p', {}, web))).toBe(5);
    expect(score(one, pod('p', {}, web))).toBe(3);
    // The same selector in another namespace counts none of these pods.
    const elsewhere = { ...pod('q', {}, web), metadata: { name: 'q', namespace: 'other', labels: web } } as ReturnType<typeof pod>;
    expect(score(two, elsewhere)).toBe(2);
  });

  it('keeps cross-cycle zone totals right when only the changed snapshot positions are looked at', () => {
    const cache = new SnapshotCache();
    for (const [n, zone] of [['a1', 'a'], ['a2', 'a'], ['b1', 'b'], ['c1', 'c']]) {
      cache.setNode({ metadata: { name: n, labels: { 'kubernetes.io/hostname': n, 'topology.kubernetes.io/zone': zone } }, status: { allocatable: { cpu: '2', memory: '4Gi', pods: '110' } } } as unknown as Node);
    }
    const memo = new Map<string, unknown>();
    const scoresOf = (withChanges: boolean) => {
      const nodes = cache.snapshot();
      const c = ctx([...nodes], { defaultSpreadSelector: selectorFromSet(web), memo: withChanges ? memo : new Map(), snapshotChanges: withChanges ? cache.lastChanges() : undefined });
      c.allNodes = nodes;
      const p = pod('p', {}, web);
      podTopologySpreadScore.preScore!(c, p, [...nodes]);
      return nodes.map((n) => podTopologySpreadScore.score(c, p, n));
    };
    let i = 0;
    for (const target of ['a1', 'b1', 'b1', 'c1', 'a2', 'b1']) {
      cache.addPod(`default/x${i}`, pod(`x${i++}`, {}, web, target));
      expect(scoresOf(true)).toEqual(scoresOf(false));
    }
    // A pod that stops counting (deleted) and a snapshot with nothing new.
    cache.deletePod('default/x1', pod('x1', {}, web, 'b1'));
    expect(scoresOf(true)).toEqual(scoresOf(false));
    expect(scoresOf(true)).toEqual(scoresOf(false));
  });

  it('skips scoring when nothing selects the pod', () => {
    expect(podTopologySpreadScore.preScore!(ctx([nodeInfo('n')]), pod('p'), [nodeInfo('n')])).toBe('skip');
  });
});
