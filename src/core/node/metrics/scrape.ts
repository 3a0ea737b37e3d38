/**
 * What metrics-server keeps between scrapes, and how two scrapes become the numbers the Metrics
 * API serves (kubernetes-sigs/metrics-server pkg/storage: node.go, pod.go).
 *
 * Upstream CPU comes from cumulative counters, so a rate needs two samples of the same container
 * run: a pod is served only once every running container of it has been seen by two consecutive
 * scrapes with the same start time. That is why a fresh pod has no metrics for 15-30 s (and
 * `kubectl top` says `metrics not available yet`). Our containers report an instantaneous usage;
 * the newer sample is served.
 */
import type { ContainerUsage } from '../kubelet/kubelet.ts';

/** NodeSample is one node's usage at a scrape (system overhead plus its containers). */
export interface NodeSample {
  cpuMilli: number;
  memoryBytes: number;
}

/** Scrape is everything one scrape of every kubelet's resource endpoint returned. */
export interface Scrape {
  /** time is the virtual time of the scrape. */
  time: number;
  nodes: Record<string, NodeSample>;
  /** containers by pod key "namespace/name". */
  pods: Record<string, ContainerUsage[]>;
}

/** ServedContainer is a container's usage as the Metrics API shows it. */
export interface ServedContainer {
  name: string;
  cpuMilli: number;
  memoryBytes: number;
}

/**
 * NODE_OVERHEAD is what a node uses besides its containers (kubelet, containerd, the OS and its
 * page cache): a kubeadm control-plane node idles near 1.3 GiB working set, a worker near 0.5 GiB.
 */
export const NODE_OVERHEAD = {
  controlPlane: { cpuMilli: 45, memoryBytes: 780 * 1024 * 1024 },
  worker: { cpuMilli: 18, memoryBytes: 330 * 1024 * 1024 },
};

/** nodeSample adds a node's containers to its system overhead. */
export function nodeSample(controlPlane: boolean, containers: readonly ContainerUsage[]): NodeSample {
  const base = controlPlane ? NODE_OVERHEAD.controlPlane : NODE_OVERHEAD.worker;
  let cpuMilli = base.cpuMilli;
  let memoryBytes = base.memoryBytes;
  for (const c of containers) {
    cpuMilli += c.cpuMilli;
    memoryBytes += c.memoryBytes;
  }
  return { cpuMilli, memoryBytes };
}

/**
 * servedPodContainers returns a pod's containers when both scrapes saw every one of them in the
 * same run, else undefined (the pod is left out of the API, as metrics-server drops pods with
 * incomplete container metrics).
 */
export function servedPodContainers(previous: Scrape | undefined, latest: Scrape, podKey: string): ServedContainer[] | undefined {
  const now = latest.pods[podKey];
  const before = previous?.pods[podKey];
  if (!now || !before || now.length === 0) return undefined;
  const out: ServedContainer[] = [];
  for (const c of now) {
    const prior = before.find((b) => b.container === c.container);
    if (!prior || prior.startedAt !== c.startedAt) return undefined;
    out.push({ name: c.container, cpuMilli: c.cpuMilli, memoryBytes: c.memoryBytes });
  }
  return out;
}

/** servedNode returns a node's usage when both scrapes reached its kubelet. */
export function servedNode(previous: Scrape | undefined, latest: Scrape, node: string): NodeSample | undefined {
  if (!previous?.nodes[node]) return undefined;
  return latest.nodes[node];
}

/** cpuQuantity renders millicores the way metrics-server does: nanocores ("1500000n"), or "0". */
export function cpuQuantity(milli: number): string {
  const nanos = Math.round(milli * 1_000_000);
  return nanos === 0 ? '0' : `${nanos}n`;
}

/** memoryQuantity renders bytes the way metrics-server does: Ki when whole kibibytes, else bytes. */
export function memoryQuantity(bytes: number): string {
  const b = Math.round(bytes);
  if (b === 0) return '0';
  return b % 1024 === 0 ? `${b / 1024}Ki` : String(b);
}
