/**
 * Test helpers: a bare cluster with only the scheduler installed, and builders for the
 * Node and Pod objects kubelets and controllers would normally create.
 */
import type { KubeObject } from '../api/types.ts';
import { NODES, PODS } from '../client/client.ts';
import { bootstrapNamespaces, Cluster, DEFAULT_OPTIONS } from '../sim/cluster.ts';
import { installScheduler } from './install.ts';
import type { Scheduler } from './scheduler.ts';

/** NodeSpecOptions shape a test node. */
export interface TestNodeOptions {
  cpu?: string;
  memory?: string;
  pods?: string;
  labels?: Record<string, string>;
  taints?: Array<{ key: string; value?: string; effect: string }>;
  unschedulable?: boolean;
}

/** testNode builds a Node as a kubeadm kubelet registers it. */
export function testNode(name: string, opts: TestNodeOptions = {}): KubeObject {
  const resources = { cpu: opts.cpu ?? '2', memory: opts.memory ?? '4Gi', pods: opts.pods ?? '110', 'ephemeral-storage': '20Gi' };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64', ...opts.labels },
    },
    spec: { ...(opts.taints ? { taints: opts.taints } : {}), ...(opts.unschedulable ? { unschedulable: true } : {}) },
    status: { capacity: resources, allocatable: resources },
  };
}

/** controlPlaneNode is `controlplane` with its role label and NoSchedule taint. */
export function controlPlaneNode(): KubeObject {
  return testNode('controlplane', {
    labels: { 'node-role.kubernetes.io/control-plane': '' },
    taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }],
  });
}

/** testPod builds a one-container pod; `spec` is merged over the defaults. */
export function testPod(name: string, opts: { labels?: Record<string, string>; cpu?: string; memory?: string; spec?: Record<string, unknown>; owner?: KubeObject } = {}): KubeObject {
  const requests: Record<string, string> = {};
  if (opts.cpu) requests.cpu = opts.cpu;
  if (opts.memory) requests.memory = opts.memory;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      labels: opts.labels,
      ...(opts.owner
        ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: opts.owner.kind ?? '', name: opts.owner.metadata.name ?? '', uid: opts.owner.metadata.uid ?? '', controller: true }] }
        : {}),
    },
    spec: { containers: [{ name: 'app', image: 'nginx', resources: Object.keys(requests).length ? { requests } : {} }], ...opts.spec },
  };
}

/** schedulerCluster returns a settled cluster with namespaces, the given nodes and the scheduler. */
export function schedulerCluster(nodes: KubeObject[]): { cluster: Cluster; scheduler: Scheduler } {
  const cluster = new Cluster(DEFAULT_OPTIONS);
  installScheduler(cluster);
  bootstrapNamespaces(cluster);
  const client = cluster.client('test');
  for (const n of nodes) client.create(NODES, '', n);
  cluster.informers.start();
  cluster.settle();
  return { cluster, scheduler: cluster.services.get('scheduler') as Scheduler };
}

/** podNode returns where a pod was bound ('' when pending). */
export function podNode(cluster: Cluster, name: string, namespace = 'default'): string {
  const pod = cluster.client().get(PODS, namespace, name);
  return (pod.spec as { nodeName?: string }).nodeName ?? '';
}

/** eventsFor lists "<reason>: <message>" of the events about an object. */
export function eventsFor(cluster: Cluster, name: string, namespace = 'default'): string[] {
  return cluster
    .client()
    .list({ group: '', resource: 'events' }, namespace)
    .items.filter((e) => (e as { involvedObject?: { name?: string } }).involvedObject?.name === name)
    .map((e) => `${(e as { reason?: string }).reason}: ${(e as { message?: string }).message}`);
}
