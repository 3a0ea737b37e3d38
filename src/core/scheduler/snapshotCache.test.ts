import { describe, expect, it } from 'vitest';
import type { Node, Pod } from '../api/types.ts';
import { numFeasibleNodesToFind } from './framework.ts';
import { buildSnapshot } from './nodeInfo.ts';
import { SnapshotCache } from './snapshotCache.ts';
import { pod } from './plugins/testNodes.ts';
import { countOnNode, countPodsMatchSelector, selectorKey } from './plugins/spreadCounts.ts';
import { selectorFromSet } from '../api/labels.ts';

const node = (name: string, labels: Record<string, string> = {}): Node =>
  ({ metadata: { name, labels: { 'kubernetes.io/hostname': name, ...labels } }, status: { allocatable: { cpu: '2', memory: '4Gi', pods: '110' } } }) as unknown as Node;
const withStatus = (p: Pod, phase: string): Pod => ({ ...p, status: { phase } }) as Pod;
const shape = (infos: ReadonlyArray<ReturnType<typeof buildSnapshot>[number]>) => infos.map((i) => [i.name, i.pods.map((p) => p.metadata?.name), i.requested.milliCPU, i.nonZeroRequested.milliCPU]);

describe('SnapshotCache', () => {
  it('matches a full rebuild through adds, binds, status writes, terminal pods and deletes', () => {
    const cache = new SnapshotCache();
    const nodes = [node('node02'), node('node01')];
    for (const n of nodes) cache.setNode(n);
    const a = pod('a', { containers: [{ name: 'c', resources: { requests: { cpu: '100m' } } }] });
    const b = pod('b', {}, undefined, 'node01');
    cache.addPod('default/a', a);
    cache.addPod('default/b', b);
    const aBound = { ...a, spec: { ...a.spec, nodeName: 'node01' } } as Pod;
    cache.updatePod('default/a', a, aBound);
    expect(shape(cache.snapshot())).toEqual(shape(buildSnapshot(nodes, [aBound, b])));
    // Informer order (a before b) is kept even though b was on the node first.
    expect(cache.snapshot()[0].pods.map((p) => p.metadata?.name)).toEqual(['a', 'b']);

    const before = cache.snapshot()[0];
    const aRunning = withStatus(aBound, 'Running');
    cache.updatePod('default/a', aBound, aRunning);
    const after = cache.snapshot()[0];
    expect(after).toBe(before); // a status-only write swaps the pod in place
    expect(after.pods[0]).toBe(aRunning);

    const bDone = withStatus(b, 'Succeeded');
    cache.updatePod('default/b', b, bDone);
    expect(shape(cache.snapshot())).toEqual(shape(buildSnapshot(nodes, [aRunning, bDone])));
    cache.deletePod('default/a', aRunning);
    expect(shape(cache.snapshot())).toEqual([['node01', [], 0, 0], ['node02', [], 0, 0]]);
  });

  it('adds and removes nodes, keeping name order and pods that arrived before their node', () => {
    const cache = new SnapshotCache();
    cache.addPod('default/x', pod('x', {}, undefined, 'node03'));
    cache.setNode(node('node03'));
    cache.setNode(node('node01'));
    expect(cache.snapshot().map((i) => [i.name, i.pods.length])).toEqual([['node01', 0], ['node03', 1]]);
    cache.deleteNode(node('node01'));
    expect(cache.snapshot().map((i) => i.name)).toEqual(['node03']);
  });

  it('reports which positions each snapshot replaced, and a rebuild when nodes come or go', () => {
    const cache = new SnapshotCache();
    for (const n of ['node01', 'node02', 'node03']) cache.setNode(node(n));
    cache.snapshot();
    const first = cache.lastChanges();
    expect(first.positions).toBeUndefined();
    cache.snapshot();
    expect(cache.lastChanges()).toBe(first); // nothing changed: same generation
    cache.addPod('default/a', pod('a', {}, undefined, 'node03'));
    cache.addPod('default/b', pod('b', {}, undefined, 'node01'));
    cache.snapshot();
    expect(cache.lastChanges().generation).toBe(first.generation + 1);
    expect([...(cache.lastChanges().positions ?? [])].sort()).toEqual([0, 2]);
    cache.setNode(node('node00'));
    cache.snapshot();
    expect(cache.lastChanges()).toEqual({ generation: first.generation + 2, positions: undefined });
  });

  it('lists the nodes with required anti-affinity pods, following binds, deletes and node removal', () => {
    const cache = new SnapshotCache();
    for (const n of ['node01', 'node02', 'node03']) cache.setNode(node(n));
    const anti = { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'db' } } }] } } };
    const listed = () => cache.havePodsWithRequiredAntiAffinity().map((i) => i.name);
    cache.addPod('default/plain', pod('plain', {}, undefined, 'node01'));
    cache.addPod('default/db1', pod('db1', anti, { app: 'db' }, 'node03'));
    cache.addPod('default/db0', pod('db0', anti, { app: 'db' }, 'node02'));
    const snap = cache.snapshot();
    expect(listed()).toEqual(['node02', 'node03']);
    // The listed NodeInfos are the snapshot's own.
    expect(cache.havePodsWithRequiredAntiAffinity()[0]).toBe(snap[1]);
    cache.deletePod('default/db1', pod('db1', anti, { app: 'db' }, 'node03'));
    cache.snapshot();
    expect(listed()).toEqual(['node02']);
    cache.deleteNode(node('node02'));
    cache.snapshot();
    expect(listed()).toEqual([]);
  });

  it('adjusts a NodeInfo (sums and spread counts) by the pods added and removed exactly as a full rebuild', () => {
    // A seeded walk of binds, spec/label changes, terminal pods, deletes and node churn; after
    // every step each NodeInfo must equal a full build (sums, scalars, ports, anti-affinity).
    let seed = 7;
    // The high bits of the LCG: its low bits repeat with short periods.
    const rand = (n: number): number => Math.floor(((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32) * n);
    const anti = { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'db' } } }] } };
    const specOf = (v: number): object => ({
      containers: [
        {
          name: 'c',
          resources: { requests: { cpu: `${(v % 5) * 100}m`, memory: `${v % 3}Mi`, ...(v % 7 === 0 ? { 'example.com/gpu': '1' } : {}) } },
          ...(v % 11 === 0 ? { ports: [{ containerPort: 80, hostPort: 8000 + (v % 3) }] } : {}),
        },
      ],
      ...(v % 13 === 0 ? { affinity: anti } : {}),
    });
    const spreadSelectors = [
      { selector: selectorFromSet({ app: 'db' }), namespace: 'default' },
      { selector: selectorFromSet({ app: '1' }), namespace: 'default' },
      { selector: selectorFromSet({ app: 'db' }), namespace: 'other' },
    ];
    const cache = new SnapshotCache();
    const nodes = new Map<string, Node>();
    for (const n of ['node01', 'node02', 'node03']) {
      nodes.set(n, node(n));
      cache.setNode(nodes.get(n)!);
    }
    const pods = new Map<string, Pod>();
    const full = (infos: ReadonlyArray<ReturnType<typeof buildSnapshot>[number]>) =>
      infos.map((i) => [i.name, i.pods, i.requested, i.nonZeroRequested, i.usedPorts, i.podsWithRequiredAntiAffinity, i.allocatable]);
    for (let step = 0; step < 600; step++) {
      const key = `default/p${rand(40)}`;
      const current = pods.get(key);
      const op = rand(10);
      if (op === 9) {
        const name = `node0${1 + rand(4)}`;
        if (nodes.has(name) && rand(2) === 0) {
          cache.deleteNode(nodes.get(name)!);
          nodes.delete(name);
        } else {
          nodes.set(name, node(name, { step: String(step) }));
          cache.setNode(nodes.get(name)!);
        }
      } else if (!current) {
        const p = pod(key.slice(8), specOf(rand(100)), { app: 'db' }, rand(3) === 0 ? undefined : `node0${1 + rand(4)}`);
        pods.set(key, p);
        cache.addPod(key, p);
      } else if (op < 2) {
        pods.delete(key);
        cache.deletePod(key, current);
      } else {
        const nodeName = current.spec?.nodeName ?? `node0${1 + rand(4)}`;
        const next = [
          () => ({ ...current, spec: { ...current.spec, nodeName } }),
          () => ({ ...current, status: { phase: rand(4) === 0 ? 'Succeeded' : 'Running', message: `step ${step}` } }),
          () => ({ ...current, spec: { ...specOf(rand(100)), nodeName } }),
          () => ({ ...current, metadata: { ...current.metadata, labels: { app: String(rand(3)) } } }),
          () => ({ ...current, metadata: { ...current.metadata, deletionTimestamp: '2026-01-01T00:00:00Z' } }),
        ][rand(5)]() as Pod;
        pods.set(key, next);
        cache.updatePod(key, current, next);
      }
      if (rand(3) === 0) continue; // let changes pile up between some snapshots
      // The map's insertion order is the informer's: a deleted and re-added key goes last.
      const snapshot = cache.snapshot();
      expect(full(snapshot)).toEqual(full(buildSnapshot([...nodes.values()], [...pods.values()])));
      // Spread counts carried from NodeInfo to NodeInfo equal a recount of the pods.
      for (const info of snapshot) {
        for (const [key, n] of info.spreadCounts ?? []) {
          const s = spreadSelectors.find((x) => selectorKey(x.selector, x.namespace) === key)!;
          expect(n).toBe(countPodsMatchSelector(info.pods, s.selector, s.namespace));
        }
        // Ask for a count now and then, as PodTopologySpread does, so later NodeInfos carry it.
        const s = spreadSelectors[rand(spreadSelectors.length)];
        if (rand(2) === 0) countOnNode(info, s.selector, selectorKey(s.selector, s.namespace), s.namespace);
      }
    }
  });
});

describe('numFeasibleNodesToFind', () => {
  it('looks at every node below 100, then 50% - n/125 (at least 5%), never fewer than 100', () => {
    expect(numFeasibleNodesToFind(3)).toBe(3);
    expect(numFeasibleNodesToFind(99)).toBe(99);
    expect(numFeasibleNodesToFind(150)).toBe(100); // 49% of 150 = 73 → floor of 100
    expect(numFeasibleNodesToFind(1000)).toBe(420); // 42%
    expect(numFeasibleNodesToFind(5000)).toBe(500); // 10%
    expect(numFeasibleNodesToFind(10_000)).toBe(500); // 5% floor
  });
});
