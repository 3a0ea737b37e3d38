/**
 * Taint-based eviction: pods on a node with NoExecute taints they do not tolerate are
 * deleted; tolerated ones with tolerationSeconds are deleted when that time has passed
 * since the taint was added (300 s for the defaults DefaultTolerationSeconds adds).
 *
 * Modelled on pkg/controller/tainteviction/taint_eviction.go (processPodOnNode,
 * getMinTolerationTime, addConditionAndDeletePod): before deleting, the pod gets the
 * DisruptionTarget condition, and a `TaintManagerEviction` event says
 * "Marking for deletion Pod <ns>/<name>"; a pod whose taint went away in time gets
 * "Cancelling deletion of Pod <ns>/<name>". Keys are node names.
 */
import type { Node, Pod, Taint, Toleration } from 'kubernetes-types/core/v1';
import { isStatusError } from '../../api/status.ts';
import { parseTime, rfc3339 } from '../../api/time.ts';
import type { KubeObject } from '../../api/types.ts';
import { NODES, PODS, type Client } from '../../client/client.ts';
import type { EventRecorder } from '../../client/events.ts';
import type { Informer } from '../../client/informer.ts';
import { WorkQueue } from '../../client/workqueue.ts';
import type { Cluster } from '../../sim/cluster.ts';
import type { Result } from '../../sim/loop.ts';
import { thaw } from '../../storage/freeze.ts';
import { toleratesTaint } from '../../api/tolerations.ts';
import { addPodNodeIndex, POD_NODE_INDEX } from './nodeLifecycleController.ts';

/** TAINT_EVICTION_USER is the identity kube-controller-manager uses for this controller. */
export const TAINT_EVICTION_USER = {
  username: 'system:serviceaccount:kube-system:node-controller',
  groups: ['system:serviceaccounts', 'system:serviceaccounts:kube-system', 'system:authenticated'],
};

type PodObj = Pod & KubeObject;

/**
 * evictionTime says when a pod must go: 'now' if some NoExecute taint is not tolerated,
 * a time (earliest taint timeAdded + the smallest tolerationSeconds) if all are tolerated
 * for a while, undefined if tolerated forever.
 */
export function evictionTime(tolerations: Toleration[], taints: Taint[], now: number): number | 'now' | undefined {
  const noExecute = taints.filter((t) => t.effect === 'NoExecute');
  if (noExecute.length === 0) return undefined;
  let minSeconds: number | undefined;
  for (const taint of noExecute) {
    const used = tolerations.filter((t) => toleratesTaint(t, taint));
    if (used.length === 0) return 'now';
    for (const t of used) {
      if (t.tolerationSeconds === undefined || t.tolerationSeconds === null) continue;
      const s = Math.max(0, t.tolerationSeconds);
      if (minSeconds === undefined || s < minSeconds) minSeconds = s;
    }
  }
  // A toleration without tolerationSeconds for every taint means "forever" unless some other one is finite.
  if (minSeconds === undefined) return undefined;
  const added = Math.min(...noExecute.map((t) => parseTime(t.timeAdded)).map((t) => (Number.isNaN(t) ? now : t)));
  return added + minSeconds * 1000;
}

/** TaintEvictionController deletes pods from NoExecute-tainted nodes. */
export class TaintEvictionController {
  readonly name = 'taint-eviction-controller';
  readonly queue: WorkQueue;
  private readonly client: Client;
  private readonly recorder: EventRecorder;
  private readonly nodes: Informer;
  private readonly pods: Informer;
  /** pending remembers pods with a scheduled eviction, to say "Cancelling deletion" when it is called off. */
  private readonly pending = new Set<string>();

  constructor(private readonly cluster: Cluster) {
    this.queue = new WorkQueue('taint_eviction', cluster.clock);
    this.client = cluster.client('kube-controller-manager', TAINT_EVICTION_USER);
    this.recorder = cluster.recorder('taint-eviction-controller');
    this.nodes = cluster.informers.forResource(NODES);
    this.pods = cluster.informers.forResource(PODS);
    addPodNodeIndex(this.pods);
    this.nodes.addHandler({ add: (n) => this.queue.add(n.metadata.name ?? ''), update: (_o, n) => this.queue.add(n.metadata.name ?? '') });
    // A pod on an untainted node has nothing to evict or cancel (reconcile would only walk
    // every pod of the node to find that out, per pod event: O(pods per node) each); taint
    // changes come through the node handler, which looks at all of them.
    const onPod = (p: KubeObject) => {
      const node = (p.spec as Pod['spec'])?.nodeName;
      if (!node) return;
      const taints = (this.nodes.get('', node) as (Node & KubeObject) | undefined)?.spec?.taints ?? [];
      if (taints.length > 0 || this.pending.has(`${p.metadata.namespace}/${p.metadata.name}`)) this.queue.add(node);
    };
    this.pods.addHandler({ add: onPod, update: (_o, p) => onPod(p) });
  }

  /** reconcile looks at every pod bound to the node. */
  reconcile(nodeName: string): Result | void {
    const node = this.nodes.get('', nodeName) as (Node & KubeObject) | undefined;
    const taints = node?.spec?.taints ?? [];
    const now = this.cluster.clock.now();
    let next: number | undefined;
    for (const p of this.pods.byIndex(POD_NODE_INDEX, nodeName)) {
      const pod = p as PodObj;
      if (pod.metadata.deletionTimestamp) continue;
      const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
      const when = node ? evictionTime(pod.spec?.tolerations ?? [], taints, now) : undefined;
      if (when === undefined) {
        if (this.pending.delete(key)) this.recorder.normal(pod, 'TaintManagerEviction', `Cancelling deletion of Pod ${key}`);
        continue;
      }
      if (when !== 'now' && when > now) {
        this.pending.add(key);
        next = next === undefined ? when : Math.min(next, when);
        continue;
      }
      this.pending.delete(key);
      this.evict(pod, now);
    }
    if (next !== undefined) return { requeueAfter: next - now };
  }

  /** evict is addConditionAndDeletePod. */
  private evict(pod: PodObj, now: number): void {
    const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
    this.recorder.normal(pod, 'TaintManagerEviction', `Marking for deletion Pod ${key}`);
    try {
      const updated = thaw(pod);
      const conditions = (updated.status?.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget');
      conditions.push({
        type: 'DisruptionTarget',
        status: 'True',
        lastTransitionTime: rfc3339(now),
        reason: 'DeletionByTaintManager',
        message: 'Taint manager: deleting due to NoExecute taint',
      } as never);
      (updated as { status?: unknown }).status = { ...updated.status, conditions };
      this.client.updateStatus(PODS, updated);
      this.client.delete(PODS, pod.metadata.namespace ?? '', pod.metadata.name ?? '');
    } catch (err) {
      if (!(isStatusError(err) && (err.code === 404 || err.code === 409))) throw err;
    }
  }
}

/** installTaintEvictionController registers the controller with the cluster. */
export function installTaintEvictionController(cluster: Cluster): TaintEvictionController {
  const c = new TaintEvictionController(cluster);
  cluster.addReconciler(c);
  return c;
}
