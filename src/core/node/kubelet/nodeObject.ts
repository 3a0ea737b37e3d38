/**
 * nodeObject builds the Node a kubelet registers and the status it reports, as kubeadm's
 * kubelet does (pkg/kubelet/kubelet_node_status.go, pkg/kubelet/nodestatus/setters.go):
 * well-known labels, the control-plane role label and taint kubeadm adds, capacity and
 * allocatable (capacity minus the default hard eviction thresholds), addresses, nodeInfo,
 * the four conditions with upstream reasons and messages, images and daemonEndpoints.
 */
import { deepEqual } from '../../api/equality.ts';
import { parseQuantity } from '../../api/quantity.ts';
import { rfc3339 } from '../../api/time.ts';
import type { KubeObject } from '../../api/types.ts';
import { formatIPv4, parseCidr } from '../../network/ipv4.ts';
import type { NodeOptions } from '../../sim/cluster.ts';

/** NodeIdentity is what a kubelet knows about its machine (seeded per node). */
export interface NodeIdentity {
  options: NodeOptions;
  internalIP: string;
  podCIDR: string;
  machineID: string;
  systemUUID: string;
  bootID: string;
  kubeletVersion: string;
}

/** CONTAINER_RUNTIME_VERSION, OS_IMAGE and KERNEL_VERSION describe the simulated machine. */
export const CONTAINER_RUNTIME_VERSION = 'containerd://1.7.24';
export const OS_IMAGE = 'Ubuntu 22.04.5 LTS';
export const KERNEL_VERSION = '5.15.0-126-generic';

/** EPHEMERAL_STORAGE_KI is the node's root filesystem size (a 20 GB disk). */
export const EPHEMERAL_STORAGE_KI = 20134592;

/** NodeImage is one entry of status.images. */
export interface NodeImage {
  names: string[];
  sizeBytes: number;
}

/** nodeLabels are the labels the kubelet registers with, plus kubeadm's control-plane labels. */
export function nodeLabels(opts: NodeOptions): Record<string, string> {
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': opts.name,
    'kubernetes.io/os': 'linux',
  };
  if (opts.controlPlane) {
    labels['node-role.kubernetes.io/control-plane'] = '';
    labels['node.kubernetes.io/exclude-from-external-load-balancers'] = '';
  }
  return labels;
}

/** memoryKi turns the option (`4Gi`) into whole KiB, the unit cAdvisor reports memory in. */
function memoryKi(memory: string): number {
  return Math.floor(parseQuantity(memory).value() / 1024);
}

/** capacity is what cAdvisor reports; allocatable subtracts the default hard eviction thresholds. */
export function nodeResources(opts: NodeOptions): { capacity: Record<string, string>; allocatable: Record<string, string> } {
  const memKi = memoryKi(opts.memory);
  const storageBytes = EPHEMERAL_STORAGE_KI * 1024;
  // evictionHard defaults: memory.available<100Mi, nodefs.available<10% (pkg/kubelet/eviction/defaults_linux.go).
  const storageAllocatable = storageBytes - Math.trunc(storageBytes * 0.1);
  return {
    capacity: {
      cpu: opts.cpu,
      'ephemeral-storage': `${EPHEMERAL_STORAGE_KI}Ki`,
      'hugepages-1Gi': '0',
      'hugepages-2Mi': '0',
      memory: `${memKi}Ki`,
      pods: opts.pods,
    },
    allocatable: {
      cpu: opts.cpu,
      'ephemeral-storage': String(storageAllocatable),
      'hugepages-1Gi': '0',
      'hugepages-2Mi': '0',
      memory: `${memKi - 100 * 1024}Ki`,
      pods: opts.pods,
    },
  };
}

/** NodeCondition is core/v1 NodeCondition. */
export interface NodeCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  lastHeartbeatTime: string;
  lastTransitionTime: string;
  reason: string;
  message: string;
}

/** healthyConditions are the conditions of a healthy kubelet, with the upstream reasons and messages. */
export function healthyConditions(): Omit<NodeCondition, 'lastHeartbeatTime' | 'lastTransitionTime'>[] {
  return [
    { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' },
    { type: 'DiskPressure', status: 'False', reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure' },
    { type: 'PIDPressure', status: 'False', reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available' },
    { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' },
  ];
}

/**
 * mergeConditions stamps the heartbeat on every condition and keeps lastTransitionTime
 * when the status did not change (setters.go only moves it on a transition).
 */
export function mergeConditions(previous: readonly NodeCondition[] | undefined, now: number): NodeCondition[] {
  const t = rfc3339(now);
  return healthyConditions().map((c) => {
    const old = previous?.find((p) => p.type === c.type);
    return { ...c, lastHeartbeatTime: t, lastTransitionTime: old && old.status === c.status ? old.lastTransitionTime : t };
  });
}

/**
 * sameNodeStatus says whether two node statuses differ only in their conditions' heartbeat
 * times: the kubelet posts a status that changed at once, and an unchanged one only every
 * NODE_STATUS_REPORT_MS. (Compared in place: a sorted-key JSON copy of each status cost more
 * than the rest of the heartbeat.)
 */
export function sameNodeStatus(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const ca = (a.conditions ?? []) as NodeCondition[];
  const cb = (b.conditions ?? []) as NodeCondition[];
  if (ca.length !== cb.length) return false;
  for (let i = 0; i < ca.length; i++) {
    if (!deepEqual({ ...ca[i], lastHeartbeatTime: '' }, { ...cb[i], lastHeartbeatTime: '' })) return false;
  }
  return deepEqual({ ...a, conditions: undefined }, { ...b, conditions: undefined });
}

/** newNode is the object the kubelet registers (metadata and spec; status follows in nodeStatus). */
export function newNode(id: NodeIdentity): KubeObject {
  const opts = id.options;
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: opts.name,
      labels: nodeLabels(opts),
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///var/run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: {
      podCIDR: id.podCIDR,
      podCIDRs: [id.podCIDR],
      ...(opts.controlPlane ? { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] } : {}),
    },
  };
}

/** nodeStatus is the full status the kubelet posts. */
export function nodeStatus(id: NodeIdentity, previous: readonly NodeCondition[] | undefined, images: readonly NodeImage[], now: number): Record<string, unknown> {
  const { capacity, allocatable } = nodeResources(id.options);
  return {
    addresses: [
      { address: id.internalIP, type: 'InternalIP' },
      { address: id.options.name, type: 'Hostname' },
    ],
    allocatable,
    capacity,
    conditions: mergeConditions(previous, now),
    daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
    images,
    nodeInfo: {
      architecture: 'amd64',
      bootID: id.bootID,
      containerRuntimeVersion: CONTAINER_RUNTIME_VERSION,
      kernelVersion: KERNEL_VERSION,
      kubeletVersion: id.kubeletVersion,
      machineID: id.machineID,
      operatingSystem: 'linux',
      osImage: OS_IMAGE,
      systemUUID: id.systemUUID,
    },
    runtimeHandlers: [
      { features: { recursiveReadOnlyMounts: true, userNamespaces: true }, name: 'runc' },
      { features: { recursiveReadOnlyMounts: true, userNamespaces: true }, name: '' },
    ],
  };
}

/** internalIPFor gives controlplane 172.30.1.2 and the n-th worker 172.30.(n+1).2, as in common playgrounds. */
export function internalIPFor(index: number): string {
  return `172.30.${index + 1}.2`;
}

/**
 * podCIDRFor is the n-th /maskSize of the cluster CIDR (what node-ipam's range allocator hands
 * out in order; --node-cidr-mask-size defaults to 24).
 */
export function podCIDRFor(clusterCIDR: string, index: number, maskSize = 24): string {
  const base = parseCidr(clusterCIDR).base + index * 2 ** (32 - maskSize);
  return `${formatIPv4(base)}/${maskSize}`;
}

/**
 * hex returns `prefix` and then n lowercase hex digits from a random source (machine IDs,
 * UUIDs, container IDs), one draw per digit.
 */
export function hex(next: () => number, n: number, prefix = ''): string {
  // One flat string from character codes, not a rope of n one-character pieces (pod tokens
  // hold 86-digit signatures; a rope costs ~32 bytes per character for as long as the pod
  // lives), nor n one-character strings joined: every container start draws a 64-digit ID.
  const codes: number[] = new Array<number>(prefix.length + n);
  for (let i = 0; i < prefix.length; i++) codes[i] = prefix.charCodeAt(i);
  for (let i = prefix.length; i < codes.length; i++) codes[i] = HEX_CODES[Math.floor(next() * 16)]!;
  return String.fromCharCode.apply(null, codes);
}

const HEX_CODES = [...'0123456789abcdef'].map((c) => c.charCodeAt(0));

/** uuid formats 32 hex digits as 8-4-4-4-12. */
export function uuid(next: () => number): string {
  const h = hex(next, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
