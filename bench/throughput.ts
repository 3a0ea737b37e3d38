/**
 * Headless throughput: a Deployment of N replicas on 100 workers, from `kubectl create`
 * to every pod Running, per CPU-second. Everything counts: the Deployment and ReplicaSet
 * controllers, the scheduler, kubelets (sandbox, image, container start, status), events,
 * endpoints, watches.
 */
import type { KubeObject } from '../src/core/api/types.ts';
import { DEPLOYMENTS } from '../src/core/client/client.ts';
import type { Cluster } from '../src/core/sim/cluster.ts';
import { createCluster } from '../src/core/sim/createCluster.ts';
import { countPods, cpuSeconds, driveUntil, isRunning, runningPods, workers } from './harness.ts';

/** ThroughputResult is one run's measurement; the cluster is kept for the heap and latency benches. */
export interface ThroughputResult {
  pods: number;
  cpu: number;
  podsPerCpuSecond: number;
  virtualMs: number;
  cluster: Cluster;
}

/** deployment is a Deployment of small nginx pods (10m CPU, 16Mi) that fit 300 to a node. */
export function deployment(name: string, replicas: number): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default' },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'web', image: 'nginx:1.27', resources: { requests: { cpu: '10m', memory: '16Mi' } } }] },
      },
    },
  };
}

/**
 * benchCluster is the 100-worker cluster every throughput run starts from (1 virtual minute
 * settled). Nodes allowed more pods than a /24 has addresses get /23 pod ranges, as an
 * operator would set --node-cidr-mask-size for them (30,000 pods over 100 nodes).
 */
export function benchCluster(podsPerNode: number): Cluster {
  return createCluster({ nodes: workers(100, podsPerNode), settleMs: 60_000, nodeCIDRMaskSize: podsPerNode > 253 ? 23 : 24 });
}

/** runThroughput creates `pods` replicas and drives the cluster until all are Running. */
export async function runThroughput(pods: number, cluster = benchCluster(Math.max(110, Math.ceil(pods / 100) + 20))): Promise<ThroughputResult> {
  const client = cluster.client('kubectl-create');
  const running = runningPods(cluster, 'default');
  const { result: virtualMs, cpu } = await cpuSeconds(async () => {
    client.create(DEPLOYMENTS, 'default', deployment('web', pods));
    return driveUntil(cluster, () => running() >= pods, 30 * 60_000);
  });
  const counted = countPods(cluster, 'default', isRunning);
  if (counted < pods) throw new Error(`only ${counted}/${pods} pods Running after ${virtualMs / 1000}s virtual`);
  return { pods, cpu, podsPerCpuSecond: pods / cpu, virtualMs, cluster };
}
