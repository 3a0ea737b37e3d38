/**
 * Single-object API latency on a cluster that already holds many pods: get, create,
 * update, merge patch and delete of one Pod through the in-process client, each timed with
 * the high-resolution clock. Watch deliveries run between batches and are not timed (they
 * are the loop's work, not the request's).
 */
import type { KubeObject, Pod } from '../src/core/api/types.ts';
import { PODS } from '../src/core/client/client.ts';
import type { Cluster } from '../src/core/sim/cluster.ts';

/** LatencyResult gives p50 and p99 in milliseconds per verb, and over all verbs. */
export interface LatencyResult {
  storedPods: number;
  perVerb: Record<string, { p50: number; p99: number }>;
  p99: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** runApiLatency times `rounds` of each verb against the cluster's pods. */
export function runApiLatency(cluster: Cluster, rounds = 1000): LatencyResult {
  const client = cluster.client('bench');
  const existing = cluster.informers.forResource(PODS).list('default') as unknown as Pod[];
  const samples: Record<string, number[]> = { get: [], create: [], update: [], patch: [], delete: [] };
  const time = (verb: string, fn: () => unknown) => {
    const t0 = process.hrtime.bigint();
    fn();
    samples[verb].push(Number(process.hrtime.bigint() - t0) / 1e6);
  };
  for (let i = 0; i < rounds; i++) {
    const target = existing[(i * 7919) % existing.length];
    const name = `latency-${i}`;
    time('get', () => client.get(PODS, 'default', target.metadata!.name!));
    // Pods for nodes that do not exist: no kubelet acts on them, so only API work is measured.
    const pod: KubeObject = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: 'default', labels: { bench: 'latency' } },
      spec: { nodeName: 'no-such-node', containers: [{ name: 'c', image: 'busybox' }] },
    };
    let created: KubeObject | undefined;
    time('create', () => (created = client.create(PODS, 'default', pod)));
    let updated: KubeObject | undefined;
    time('update', () => (updated = client.update(PODS, { ...created!, metadata: { ...created!.metadata, labels: { bench: 'latency', round: String(i) } } })));
    time('patch', () => client.patch(PODS, 'default', name, 'merge', { metadata: { annotations: { touched: 'yes' } } }));
    void updated;
    time('delete', () => client.delete(PODS, 'default', name, { gracePeriodSeconds: 0 }));
    if (i % 50 === 49) cluster.settle();
  }
  cluster.settle();
  const perVerb: LatencyResult['perVerb'] = {};
  const all: number[] = [];
  for (const [verb, xs] of Object.entries(samples)) {
    const sorted = [...xs].sort((a, b) => a - b);
    perVerb[verb] = { p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
    all.push(...xs);
  }
  all.sort((a, b) => a - b);
  return { storedPods: existing.length, perVerb, p99: percentile(all, 99) };
}
