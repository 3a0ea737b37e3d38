/**
 * Bench harness: CPU and heap measurement, a driver that moves virtual time while letting
 * container programs (promises) run, and the figures table. Benchmarks print figures; they
 * never assert on time (DESIGN §9).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { KubeObject, Pod } from '../src/core/api/types.ts';
import { PODS } from '../src/core/client/client.ts';
import type { Cluster, NodeOptions } from '../src/core/sim/cluster.ts';

/** Figure is one line of the results table. */
export interface Figure {
  bench: string;
  value: number;
  unit: string;
  /** target is the goal; `higher` says which side of it is good. */
  target: number;
  higher: boolean;
  note?: string;
}

/** cpuSeconds runs fn and returns its result with the process CPU time (user + system) it took. */
export async function cpuSeconds<T>(fn: () => T | Promise<T>): Promise<{ result: T; cpu: number }> {
  const start = process.cpuUsage();
  const result = await fn();
  const used = process.cpuUsage(start);
  return { result, cpu: (used.user + used.system) / 1e6 };
}

// gc is exposed at run time so `npm run bench` needs no node flags (v8 allows turning it on late).
setFlagsFromString('--expose-gc');
const gcFn = runInNewContext('gc') as () => void;

/** heapUsed collects garbage (twice, for weak maps and finalizers) and returns the used heap in bytes. */
export function heapUsed(): number {
  gcFn();
  gcFn();
  return process.memoryUsage().heapUsed;
}

/** flushMicrotasks lets every pending promise continuation run (setImmediate fires after them). */
export function flushMicrotasks(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * driveUntil advances virtual time in `stepMs` steps, flushing promise chains after each,
 * until done() holds or maxMs pass. Returns the virtual milliseconds it took.
 */
export async function driveUntil(cluster: Cluster, done: () => boolean, maxMs: number, stepMs = 1000): Promise<number> {
  const start = cluster.now();
  cluster.settle();
  await flushMicrotasks();
  while (!done() && cluster.now() - start < maxMs) {
    cluster.advance(stepMs);
    await flushMicrotasks();
  }
  return cluster.now() - start;
}

/** workers returns `count` worker nodes sized to hold `podsPerNode` small pods each. */
export function workers(count: number, podsPerNode: number): NodeOptions[] {
  const nodes: NodeOptions[] = [{ name: 'controlplane', controlPlane: true, cpu: '4', memory: '8Gi', pods: '110' }];
  for (let i = 1; i <= count; i++) {
    nodes.push({ name: `node${String(i).padStart(3, '0')}`, controlPlane: false, cpu: '64', memory: '256Gi', pods: String(podsPerNode) });
  }
  return nodes;
}

/** countPods counts the cached pods in a namespace that satisfy `pred` (no sorting, no copies). */
export function countPods(cluster: Cluster, namespace: string, pred: (pod: Pod) => boolean): number {
  let n = 0;
  for (const obj of cluster.informers.forResource(PODS).list(namespace)) if (pred(obj as unknown as Pod)) n++;
  return n;
}

/**
 * runningPods counts a namespace's Running pods as the pod informer reports changes, so a
 * driver can check "all Running?" every step without walking every pod (at 30,000 pods that
 * walk was ~2% of the measured CPU, work the cluster itself never does).
 */
export function runningPods(cluster: Cluster, namespace: string): () => number {
  let n = 0;
  const counts = (obj: KubeObject) => obj.metadata.namespace === namespace && isRunning(obj as unknown as Pod);
  cluster.informers.forResource(PODS).addHandler({
    add: (obj) => void (counts(obj) && n++),
    update: (oldObj, newObj) => void (n += Number(counts(newObj)) - Number(counts(oldObj))),
    delete: (obj) => void (counts(obj) && n--),
  });
  return () => n;
}

/** isRunning is the pod phase kubectl shows as Running. */
export const isRunning = (pod: Pod): boolean => pod.status?.phase === 'Running';

/** fmt prints a number with at most three significant decimals. */
export function fmt(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Math.abs(n) >= 100) return Math.round(n).toLocaleString('en-US');
  if (Math.abs(n) >= 1) return n.toFixed(2);
  return n.toPrecision(3);
}

/** median is the middle value of `values` (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** printTable prints benchmark, figure, target and ratio to target (≥ 1 means the target is met). */
export function printTable(figures: Figure[]): void {
  const rows = figures.map((f) => {
    const ratio = f.higher ? f.value / f.target : f.target / f.value;
    return [f.bench, `${fmt(f.value)} ${f.unit}`, `${f.higher ? '≥' : '≤'} ${fmt(f.target)} ${f.unit}`, `${ratio.toFixed(2)}×${ratio >= 1 ? '' : '  (below target)'}`, f.note ?? ''];
  });
  const head = ['benchmark', 'figure', 'target', 'ratio to target', 'note'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  console.log(line(head));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const r of rows) console.log(line(r));
}
