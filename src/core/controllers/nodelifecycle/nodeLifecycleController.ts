/**
 * The node lifecycle controller: notices nodes whose kubelet went silent and taints nodes
 * by their conditions.
 *
 * Modelled on pkg/controller/nodelifecycle/node_lifecycle_controller.go
 * (monitorNodeHealth, tryUpdateNodeHealth, MarkPodsNotReady and the tainting passes).
 * A node's heartbeat is the later of its Lease's renewTime (kube-node-lease) and its
 * Ready condition's lastHeartbeatTime. When that is older than the node-monitor grace
 * period (40 s) the Ready, MemoryPressure, DiskPressure and PIDPressure conditions turn
 * Unknown ("Kubelet stopped posting node status."), the node's pods turn Ready=False,
 * and the NoSchedule/NoExecute taints follow (taint eviction then removes pods). Health
 * is checked on the node-monitor period (every 5 s) once a node is due.
 */
import type { Node, NodeCondition, Pod } from 'kubernetes-types/core/v1';
import { isStatusError } from '../../api/status.ts';
import { parseTime, rfc3339 } from '../../api/time.ts';
import type { KubeObject } from '../../api/types.ts';
import { LEASES, NODES, PODS, type Client } from '../../client/client.ts';
import type { EventRecorder } from '../../client/events.ts';
import type { Informer } from '../../client/informer.ts';
import { WorkQueue } from '../../client/workqueue.ts';
import type { Cluster } from '../../sim/cluster.ts';
import type { Result } from '../../sim/loop.ts';
import { thaw } from '../../storage/freeze.ts';
import { condition, reconcileTaints } from './nodeTaints.ts';

/** NODE_MONITOR_GRACE_MS is --node-monitor-grace-period (40 s in v1.32). */
export const NODE_MONITOR_GRACE_MS = 40_000;
/** NODE_MONITOR_PERIOD_MS is --node-monitor-period (5 s). */
export const NODE_MONITOR_PERIOD_MS = 5_000;
/** LEASE_NAMESPACE is where kubelets renew their Leases. */
export const LEASE_NAMESPACE = 'kube-node-lease';
/** POD_NODE_INDEX indexes pods by spec.nodeName in the shared pod informer. */
export const POD_NODE_INDEX = 'spec.nodeName';

/** NODE_CONTROLLER_USER is the identity kube-controller-manager uses for this controller. */
export const NODE_CONTROLLER_USER = {
  username: 'system:serviceaccount:kube-system:node-controller',
  groups: ['system:serviceaccounts', 'system:serviceaccounts:kube-system', 'system:authenticated'],
};

const WATCHED_CONDITIONS = ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'];

type NodeObj = Node & KubeObject;

/** addPodNodeIndex indexes the shared pod informer by spec.nodeName (adding it again just rebuilds it). */
export function addPodNodeIndex(pods: Informer): void {
  pods.addIndex(POD_NODE_INDEX, (p) => (p.spec as Pod['spec'])?.nodeName ?? '');
}

/** NodeLifecycleController watches node heartbeats and conditions. */
export class NodeLifecycleController {
  readonly name = 'node-lifecycle-controller';
  readonly queue: WorkQueue;
  private readonly client: Client;
  private readonly recorder: EventRecorder;
  private readonly nodes: Informer;
  private readonly leases: Informer;
  private readonly pods: Informer;

  constructor(private readonly cluster: Cluster) {
    this.queue = new WorkQueue('node_lifecycle_controller', cluster.clock);
    this.client = cluster.client('kube-controller-manager', NODE_CONTROLLER_USER);
    this.recorder = cluster.recorder('node-controller');
    this.nodes = cluster.informers.forResource(NODES);
    this.leases = cluster.informers.forResource(LEASES);
    this.pods = cluster.informers.forResource(PODS);
    addPodNodeIndex(this.pods);
    this.nodes.addHandler({ add: (n) => this.queue.add(n.metadata.name ?? ''), update: (_o, n) => this.queue.add(n.metadata.name ?? '') });
    const onLease = (l: KubeObject) => {
      if (l.metadata.namespace === LEASE_NAMESPACE) this.queue.add(l.metadata.name ?? '');
    };
    this.leases.addHandler({ add: onLease, update: (_o, l) => onLease(l) });
  }

  /** reconcile is monitorNodeHealth for one node, followed by its tainting passes. */
  reconcile(name: string): Result | void {
    const cached = this.nodes.get('', name) as NodeObj | undefined;
    if (!cached) return;
    const now = this.cluster.clock.now();
    const heartbeat = this.lastHeartbeat(cached);
    const stale = now - heartbeat >= NODE_MONITOR_GRACE_MS;
    try {
      let node = cached;
      if (stale) node = this.markUnknown(node, now);
      if (condition(node, 'Ready')?.status === 'Unknown') this.markPodsNotReady(name, now);
      const taints = reconcileTaints(node, rfc3339(now));
      if (taints) {
        const updated = thaw(this.client.get(NODES, '', name)) as NodeObj;
        updated.spec = { ...updated.spec, taints };
        if (taints.length === 0) delete updated.spec.taints;
        this.client.update(NODES, updated);
      }
    } catch (err) {
      if (isStatusError(err) && (err.code === 409 || err.code === 404)) return { requeueAfter: 100 };
      throw err;
    }
    if (stale) return;
    // Look again at the first node-monitor tick after the grace period runs out.
    const due = heartbeat + NODE_MONITOR_GRACE_MS;
    const tick = Math.ceil(due / NODE_MONITOR_PERIOD_MS) * NODE_MONITOR_PERIOD_MS;
    return { requeueAfter: Math.max(1, tick - now) };
  }

  /** lastHeartbeat is the later of the Lease renewal and the Ready condition's heartbeat (node creation if neither). */
  private lastHeartbeat(node: NodeObj): number {
    const lease = this.leases.get(LEASE_NAMESPACE, node.metadata.name ?? '');
    const renew = parseTime((lease?.spec as { renewTime?: string } | undefined)?.renewTime);
    const posted = parseTime(condition(node, 'Ready')?.lastHeartbeatTime);
    const created = parseTime(node.metadata.creationTimestamp);
    const times = [renew, posted, created].filter((t) => !Number.isNaN(t));
    return times.length ? Math.max(...times) : this.cluster.clock.now();
  }

  /** markUnknown sets the watched conditions to Unknown (tryUpdateNodeHealth); returns the node as stored. */
  private markUnknown(node: NodeObj, now: number): NodeObj {
    const t = rfc3339(now);
    const never = !condition(node, 'Ready');
    const conditions: NodeCondition[] = (node.status?.conditions ?? []).map((c) => ({ ...c }));
    let changed = false;
    for (const type of WATCHED_CONDITIONS) {
      const c = conditions.find((x) => x.type === type);
      const reason = never ? 'NodeStatusNeverUpdated' : 'NodeStatusUnknown';
      const message = never ? 'Kubelet never posted node status.' : 'Kubelet stopped posting node status.';
      if (!c) {
        conditions.push({ type, status: 'Unknown', reason, message, lastHeartbeatTime: t, lastTransitionTime: t });
        changed = true;
      } else if (c.status !== 'Unknown') {
        Object.assign(c, { status: 'Unknown', reason, message, lastTransitionTime: t });
        changed = true;
      }
    }
    if (!changed) return node;
    const wasReady = condition(node, 'Ready')?.status === 'True';
    const updated = thaw(node);
    (updated as { status?: unknown }).status = { ...updated.status, conditions };
    const stored = this.client.updateStatus(NODES, updated) as NodeObj;
    if (wasReady) this.recorder.normal(stored, 'NodeNotReady', `Node ${node.metadata.name} status is now: NodeNotReady`);
    return stored;
  }

  /** markPodsNotReady is MarkPodsNotReady: every pod on the node gets Ready=False. */
  private markPodsNotReady(nodeName: string, now: number): void {
    for (const p of this.pods.byIndex(POD_NODE_INDEX, nodeName)) {
      const pod = p as Pod & KubeObject;
      const ready = pod.status?.conditions?.find((c) => c.type === 'Ready');
      if (!ready || ready.status === 'False' || pod.metadata.deletionTimestamp) continue;
      const updated = thaw(pod);
      updated.status!.conditions = (updated.status?.conditions ?? []).map((c) => (c.type === 'Ready' ? { ...c, status: 'False', lastTransitionTime: rfc3339(now) } : c));
      try {
        this.client.updateStatus(PODS, updated);
        this.recorder.warning(pod, 'NodeNotReady', 'Node is not ready');
      } catch (err) {
        if (!(isStatusError(err) && (err.code === 409 || err.code === 404))) throw err;
      }
    }
  }
}

/** installNodeLifecycleController registers the controller with the cluster. */
export function installNodeLifecycleController(cluster: Cluster): NodeLifecycleController {
  const c = new NodeLifecycleController(cluster);
  cluster.addReconciler(c);
  return c;
}
