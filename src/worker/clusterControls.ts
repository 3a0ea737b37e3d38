/**
 * clusterControls carries out the UI's cluster buttons against a running cluster, the way
 * an administrator would: nodes come and go through the node layer's NodeManager (a new
 * kubelet registers its Node; a removed one is shut down and its Node deleted), a stopped
 * node's kubelet goes silent so the node lifecycle controller marks it NotReady and evicts
 * later, and "delete a random pod" deletes through the API with the default grace period.
 * The time controls (applyClockRequest) set the realtime driver.
 */
import type { KubeObject } from '../core/api/types.ts';
import { PODS } from '../core/client/client.ts';
import type { NodeManager } from '../core/node/install.ts';
import type { Cluster, NodeOptions } from '../core/sim/cluster.ts';
import type { ClusterRequest, UiRequest } from '../protocol/requests.ts';
import type { RealtimeDriver } from '../session/realtimeDriver.ts';

/** KubeletControl is the part of a kubelet the controls use. */
interface KubeletControl {
  start(): void;
  stop(): void;
}

/** applyClusterRequest performs one cluster control and returns a line for the person (or an error). */
export function applyClusterRequest(cluster: Cluster, req: Exclude<ClusterRequest, { type: 'cluster.reset' }>): string {
  const nodes = cluster.services.get('nodes') as NodeManager | undefined;
  switch (req.type) {
    case 'cluster.addNode': {
      if (!nodes) return 'error: this cluster has no node manager';
      const name = nextWorkerName(nodes.kubelets().map((k) => k.name));
      const size = cluster.options.nodes.find((n) => !n.controlPlane) ?? cluster.options.nodes[0];
      const opts: NodeOptions = { ...size, name, controlPlane: false };
      nodes.addNode(opts);
      return `node/${name} added`;
    }
    case 'cluster.removeNode': {
      if (!nodes) return 'error: this cluster has no node manager';
      const workers = nodes.kubelets().filter((k) => !k.identity.options.controlPlane).map((k) => k.name);
      const name = req.name ?? workers.sort().at(-1);
      if (!name) return 'error: there is no worker node to remove';
      nodes.removeNode(name);
      return `node/${name} removed`;
    }
    case 'cluster.stopNode':
    case 'cluster.startNode': {
      const kubelet = cluster.services.get(`kubelet/${req.name}`) as KubeletControl | undefined;
      if (!kubelet) return `error: node "${req.name}" not found`;
      if (req.type === 'cluster.stopNode') kubelet.stop();
      else kubelet.start();
      return `node/${req.name} ${req.type === 'cluster.stopNode' ? 'stopped' : 'started'}`;
    }
    case 'cluster.deleteRandomPod': {
      const client = cluster.client('kubeplay-chaos');
      const pods = client.list(PODS).items.filter((p: KubeObject) => !p.metadata.deletionTimestamp && !isMirrorPod(p));
      if (pods.length === 0) return 'error: there is no pod to delete';
      // The cluster's seeded Random keeps the choice reproducible when the journal replays.
      const pod = pods[cluster.random.int(pods.length)];
      client.delete(PODS, pod.metadata.namespace ?? 'default', pod.metadata.name ?? '');
      return `pod "${pod.metadata.name}" deleted from ${pod.metadata.namespace} namespace`;
    }
  }
}

/** nextWorkerName picks node01, node02, ... : the first kubeadm-style name not in use. */
export function nextWorkerName(existing: string[]): string {
  for (let i = 1; ; i++) {
    const name = `node${String(i).padStart(2, '0')}`;
    if (!existing.includes(name)) return name;
  }
}

/** Mirror pods of static pods cannot be deleted for good (the kubelet recreates them): skip them. */
function isMirrorPod(pod: KubeObject): boolean {
  return pod.metadata.annotations?.['kubernetes.io/config.mirror'] !== undefined;
}

/** ClockRequest is one of the time controls (play, pause, speed, step). */
export type ClockRequest = Extract<UiRequest, { type: `clock.${string}` }>;

/** applyClockRequest sets the realtime driver as the time controls ask: speed is clamped to 0.25×–20×. */
export function applyClockRequest(realtime: RealtimeDriver, req: ClockRequest): void {
  switch (req.type) {
    case 'clock.play':
    case 'clock.pause':
      realtime.paused = req.type === 'clock.pause';
      return;
    case 'clock.speed':
      realtime.speed = Math.min(20, Math.max(0.25, req.speed));
      return;
    case 'clock.step':
      realtime.step();
      return;
  }
}
