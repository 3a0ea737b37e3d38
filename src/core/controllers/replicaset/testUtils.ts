/**
 * Test helpers for the workload controllers: a bare cluster with only the installers
 * under test, and stand-ins for the scheduler and kubelet (which mark pods scheduled,
 * running and ready by writing pod status, as the real ones would).
 */
import { rfc3339 } from '../../api/time.ts';
import { parseSelector, matches } from '../../api/labels.ts';
import type { KubeObject, Pod } from '../../api/types.ts';
import { EVENTS, PODS, type ResourceRef } from '../../client/client.ts';
import { bootstrapNamespaces, Cluster, DEFAULT_OPTIONS, type Installer } from '../../sim/cluster.ts';
import { thaw } from '../../storage/freeze.ts';

/** newTestCluster builds a cluster with namespaces and only the given installers, started and settled. */
export function newTestCluster(...installers: Installer[]): Cluster {
  const cluster = new Cluster(DEFAULT_OPTIONS);
  for (const install of installers) install(cluster);
  bootstrapNamespaces(cluster);
  cluster.informers.start();
  cluster.settle();
  return cluster;
}

/** podsMatching lists live pods in a namespace whose labels match a selector string. */
export function podsMatching(cluster: Cluster, selector: string, namespace = 'default'): Pod[] {
  const sel = parseSelector(selector);
  return cluster
    .client()
    .list(PODS, namespace)
    .items.filter((p) => matches(sel, p.metadata.labels))
    .map((p) => p as unknown as Pod);
}

/** list returns the items of a resource in a namespace, sorted by name. */
export function list<T = KubeObject>(cluster: Cluster, ref: ResourceRef, namespace = 'default'): T[] {
  return cluster
    .client()
    .list(ref, namespace)
    .items.slice()
    .sort((a, b) => (a.metadata.name ?? '').localeCompare(b.metadata.name ?? '')) as unknown as T[];
}

/**
 * markPodsReady plays scheduler and kubelet: bind matching pods to `node` (if unbound),
 * and make them Running with Ready=True as of now. Returns how many pods it changed.
 * Only pods not yet ready and not terminating are touched; `limit` caps how many.
 */
export function markPodsReady(cluster: Cluster, selector: string, opts: { namespace?: string; node?: string; limit?: number } = {}): number {
  const client = cluster.client('kubelet');
  const now = rfc3339(cluster.now());
  let changed = 0;
  for (const p of podsMatching(cluster, selector, opts.namespace)) {
    if (opts.limit !== undefined && changed >= opts.limit) break;
    if (p.metadata?.deletionTimestamp) continue;
    if (p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')) continue;
    const pod = thaw(p) as unknown as KubeObject & Pod;
    if (!pod.spec?.nodeName) {
      client.bind(pod.metadata.namespace ?? '', pod.metadata.name ?? '', opts.node ?? 'node01');
    }
    const fresh = thaw(client.get(PODS, pod.metadata.namespace ?? '', pod.metadata.name ?? '')) as KubeObject & { status?: Record<string, unknown> };
    const conditions = ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map((type) => ({
      type,
      status: 'True',
      lastProbeTime: null,
      lastTransitionTime: now,
    }));
    fresh.status = { ...fresh.status, phase: 'Running', conditions: conditions as never, startTime: now };
    client.updateStatus(PODS, fresh);
    changed++;
  }
  cluster.settle();
  return changed;
}

/** finishTerminatingPods plays the kubelet for deleted pods: removes every terminating pod at once. */
export function finishTerminatingPods(cluster: Cluster, namespace = 'default'): void {
  const client = cluster.client('kubelet');
  for (const p of client.list(PODS, namespace).items) {
    if (p.metadata.deletionTimestamp) client.delete(PODS, namespace, p.metadata.name ?? '', { gracePeriodSeconds: 0 });
  }
  cluster.settle();
}

/** eventMessages lists "Reason: message" of events about one object kind/name, oldest first. */
export function eventMessages(cluster: Cluster, kind: string, name?: string, namespace = 'default'): string[] {
  return cluster
    .client()
    .list(EVENTS, namespace)
    .items.filter((e) => {
      const io = (e as { involvedObject?: { kind?: string; name?: string } }).involvedObject;
      return io?.kind === kind && (name === undefined || io.name === name);
    })
    .map((e) => `${(e as { reason?: string }).reason}: ${(e as { message?: string }).message}`);
}
