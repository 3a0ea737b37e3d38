/**
 * Scheduler throughput at 5,000 nodes: only kube-scheduler is installed (no kubelets), the
 * Node objects are created as kubelets would register them, and N pods owned by one
 * ReplicaSet (so default topology spreading applies, as for a Deployment) wait to be bound.
 * The figure is pods bound per CPU-second of scheduling (creating the pods is not counted).
 */
import type { KubeObject, Pod } from '../src/core/api/types.ts';
import { NODES, PODS, REPLICASETS } from '../src/core/client/client.ts';
import { installScheduler } from '../src/core/scheduler/install.ts';
import { controlPlaneNode, testNode, testPod } from '../src/core/scheduler/testCluster.ts';
import { bootstrapNamespaces, Cluster, DEFAULT_OPTIONS } from '../src/core/sim/cluster.ts';
import { cpuSeconds } from './harness.ts';

/** SchedulerResult is one scheduler run. */
export interface SchedulerResult {
  nodes: number;
  pods: number;
  cpu: number;
  podsPerCpuSecond: number;
}

/** runScheduler schedules `pods` pods over `nodes` workers. */
export async function runScheduler(nodes: number, pods: number): Promise<SchedulerResult> {
  const cluster = new Cluster({ ...DEFAULT_OPTIONS, settleMs: 0 });
  installScheduler(cluster);
  bootstrapNamespaces(cluster);
  const client = cluster.client('bench');
  client.create(NODES, '', controlPlaneNode());
  for (let i = 1; i <= nodes; i++) client.create(NODES, '', testNode(`node${String(i).padStart(4, '0')}`, { cpu: '32', memory: '128Gi', pods: '110' }));
  const rs = client.create(REPLICASETS, 'default', {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'web-5d8f7c9b4', namespace: 'default' },
    spec: { replicas: pods, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'nginx' }] } } },
  } as KubeObject);
  cluster.informers.start();
  cluster.settle();
  for (let i = 0; i < pods; i++) client.create(PODS, 'default', testPod(`web-5d8f7c9b4-${i}`, { labels: { app: 'web' }, cpu: '100m', memory: '128Mi', owner: rs }));
  const { cpu } = await cpuSeconds(() => cluster.settle());
  let bound = 0;
  for (const p of cluster.informers.forResource(PODS).list('default')) if ((p as unknown as Pod).spec?.nodeName) bound++;
  if (bound < pods) throw new Error(`only ${bound}/${pods} pods bound`);
  return { nodes, pods, cpu, podsPerCpuSecond: pods / cpu };
}
