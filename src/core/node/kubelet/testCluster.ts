/**
 * Test helpers: a cluster with only the node layer, and `run(cluster, ms)`, which moves virtual
 * time timer by timer and lets promise chains (container programs, shell scripts, probes)
 * settle at every instant. NOTE: SimLoop.advance is synchronous, so container programs that
 * await only make progress between advances; tests and hosts that need exact timings drive
 * the loop this way.
 */
import type { KubeObject, Lease, Node, Pod } from '../../api/types.ts';
import { EVENTS, LEASES, NODES, PODS } from '../../client/client.ts';
import { bootstrapCluster } from '../../sim/bootstrap.ts';
import { Cluster, DEFAULT_OPTIONS, type ClusterOptions } from '../../sim/cluster.ts';
import { installNodes } from '../install.ts';

/** nodeCluster builds a bootstrapped cluster with only installNodes. */
export function nodeCluster(options: Partial<ClusterOptions> = {}): Cluster {
  const cluster = new Cluster({ ...DEFAULT_OPTIONS, settleMs: 0, ...options });
  installNodes(cluster);
  bootstrapCluster(cluster);
  cluster.informers.start();
  cluster.settle();
  return cluster;
}

async function flush(cluster: Cluster): Promise<void> {
  for (let i = 0; i < 20; i++) {
    cluster.loop.runUntilIdle();
    for (let j = 0; j < 20; j++) await Promise.resolve();
  }
}

/** run advances `ms` of virtual time, settling promises at every timer. */
export async function run(cluster: Cluster, ms: number): Promise<void> {
  const end = cluster.clock.now() + ms;
  await flush(cluster);
  for (;;) {
    const next = cluster.clock.nextTimerAt();
    if (next === undefined || next > end) break;
    cluster.clock.setTime(next);
    await flush(cluster);
  }
  cluster.clock.setTime(end);
  await flush(cluster);
}

/** runUntil advances until `done()` or `maxMs`; returns the virtual ms it took. */
export async function runUntil(cluster: Cluster, done: () => boolean, maxMs: number, stepMs = 100): Promise<number> {
  const start = cluster.clock.now();
  while (!done() && cluster.clock.now() - start < maxMs) await run(cluster, stepMs);
  return cluster.clock.now() - start;
}

/** createPod creates a pod already bound to `node`. */
export function createPod(cluster: Cluster, spec: Record<string, unknown>, name = 'web', node = 'node01', namespace = 'default'): Pod {
  return cluster.client().create(PODS, namespace, { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace }, spec: { nodeName: node, ...spec } } as KubeObject) as unknown as Pod;
}

/** getPod reads a pod. */
export function getPod(cluster: Cluster, name = 'web', namespace = 'default'): Pod {
  return cluster.client().get(PODS, namespace, name) as unknown as Pod;
}

/** podEvents lists `reason: message` of a pod's events in creation order. */
export function podEvents(cluster: Cluster, name = 'web', namespace = 'default'): string[] {
  return cluster.client().list(EVENTS, namespace).items
    .map((e) => e as unknown as { involvedObject: { name: string }; reason: string; message: string })
    .filter((e) => e.involvedObject.name === name)
    .map((e) => `${e.reason}: ${e.message}`);
}

/** getNode reads a Node. */
export function getNode(cluster: Cluster, name: string): Node {
  return cluster.client().get(NODES, '', name) as unknown as Node;
}

/** getLease reads a node's Lease. */
export function getLease(cluster: Cluster, name: string): Lease {
  return cluster.client().get(LEASES, 'kube-node-lease', name) as unknown as Lease;
}
