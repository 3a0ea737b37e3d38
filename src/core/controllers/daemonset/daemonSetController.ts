/**
 * The DaemonSet controller: one pod of each DaemonSet on every node it should run on.
 *
 * Modelled on pkg/controller/daemon/daemon_controller.go (syncDaemonSet, manage,
 * podsShouldBeOnNode) and update.go (rollingUpdate with maxSurge 0). Level-based: each
 * reconcile reads the DaemonSet, the nodes and its pods from the informer caches, creates
 * the missing pods (pinned to their node with node affinity; the scheduler binds them),
 * deletes extra, failed and misplaced ones, replaces pods of an old template at most
 * maxUnavailable at a time, and writes status. As upstream's constructHistory and
 * cleanupHistory (update.go), every template gets a ControllerRevision `<ds>-<hash>`
 * whose hash labels the pods, and old revisions no pod uses are pruned beyond
 * revisionHistoryLimit: that is what `kubectl rollout history/undo daemonset` read.
 */
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { isStatusError } from '../../api/status.ts';
import { deepEqual } from '../../api/equality.ts';
import type { KubeObject } from '../../api/types.ts';
import { NODES, PODS, type Client, type ResourceRef } from '../../client/client.ts';
import type { EventRecorder } from '../../client/events.ts';
import { keyOf, splitKey, type Informer } from '../../client/informer.ts';
import { WorkQueue } from '../../client/workqueue.ts';
import type { Cluster } from '../../sim/cluster.ts';
import type { Result } from '../../sim/loop.ts';
import { thaw } from '../../storage/freeze.ts';
import { newDaemonPod, REVISION_HASH_LABEL, targetNodeName, withDaemonTolerations } from './daemonPod.ts';
import { CONTROLLER_REVISIONS, type ControllerRevision } from '../history/controllerHistory.ts';
import { pruneRevisions, syncUpdateRevision } from '../history/revisionSync.ts';
import { claimObjects } from '../replicaset/controllerRef.ts';
import { selectorFromLabelSelector } from '../../api/labels.ts';
import { asPod, isPodAvailable } from '../../api/podUtil.ts';
import { calculateStatus, type NodeState } from './daemonSetStatus.ts';
import { nodeShouldRunDaemonPod } from './nodeEligibility.ts';

/** DAEMONSETS is the apps/v1 daemonsets resource. */
export const DAEMONSETS: ResourceRef = { group: 'apps', resource: 'daemonsets' };

/** DS_CONTROLLER_USER is the identity kube-controller-manager uses for this controller. */
export const DS_CONTROLLER_USER = {
  username: 'system:serviceaccount:kube-system:daemon-set-controller',
  groups: ['system:serviceaccounts', 'system:serviceaccounts:kube-system', 'system:authenticated'],
};

type DS = DaemonSet & KubeObject;

/** resolveMaxUnavailable turns an int or percentage into a count of nodes (percentages round up, at least... as upstream: 0 stays 0). */
export function resolveMaxUnavailable(value: number | string | undefined, desired: number): number {
  if (value === undefined) return 1;
  if (typeof value === 'number') return value;
  const m = /^(\d+)%$/.exec(value);
  if (m) return Math.ceil((Number(m[1]) * desired) / 100);
  return Number(value) || 0;
}

/** DaemonSetController reconciles DaemonSets against nodes and pods. */
export class DaemonSetController {
  readonly name = 'daemonset-controller';
  readonly queue: WorkQueue;
  private readonly client: Client;
  private readonly recorder: EventRecorder;
  private readonly dsInformer: Informer;
  private readonly podInformer: Informer;
  private readonly nodeInformer: Informer;
  private readonly revisionInformer: Informer;
  /** failures backs off DaemonSets whose pod creation failed (upstream requeues them rate-limited). */
  private readonly failures = new Map<string, number>();
  private createFailed = false;

  constructor(private readonly cluster: Cluster) {
    this.queue = new WorkQueue('daemonset', cluster.clock);
    this.client = cluster.client('kube-controller-manager', DS_CONTROLLER_USER);
    this.recorder = cluster.recorder('daemonset-controller');
    this.dsInformer = cluster.informers.forResource(DAEMONSETS);
    this.podInformer = cluster.informers.forResource(PODS);
    this.nodeInformer = cluster.informers.forResource(NODES);
    this.revisionInformer = cluster.informers.forResource(CONTROLLER_REVISIONS);
    this.dsInformer.addHandler({
      add: (ds) => this.queue.add(keyOf(ds)),
      update: (_o, ds) => this.queue.add(keyOf(ds)),
      delete: (ds) => this.queue.add(keyOf(ds)),
    });
    this.podInformer.addHandler({ add: (p) => this.enqueueOwner(p), update: (_o, p) => this.enqueueOwner(p), delete: (p) => this.enqueueOwner(p) });
    const allDaemonSets = () => {
      for (const ds of this.dsInformer.list()) this.queue.add(keyOf(ds));
    };
    this.nodeInformer.addHandler({
      add: allDaemonSets,
      update: (old, cur) => {
        if (!deepEqual(old.metadata.labels ?? {}, cur.metadata.labels ?? {}) || !deepEqual(old.spec ?? {}, cur.spec ?? {})) allDaemonSets();
      },
      delete: allDaemonSets,
    });
  }

  private enqueueOwner(pod: KubeObject): void {
    const ref = pod.metadata.ownerReferences?.find((r) => r.controller && r.kind === 'DaemonSet');
    if (ref) this.queue.add(`${pod.metadata.namespace}/${ref.name}`);
  }

  /** reconcile is syncDaemonSet. */
  reconcile(key: string): Result | void {
    const ds = this.dsInformer.getByKey(key) as DS | undefined;
    if (!ds || ds.metadata.deletionTimestamp) {
      this.failures.delete(key);
      return;
    }
    const { namespace } = splitKey(key);
    const minReady = ds.spec?.minReadySeconds ?? 0;
    const now = this.cluster.clock.now();
    const nodes = this.nodeStates(ds, namespace);
    this.createFailed = false;
    try {
      // ClaimControllerRevisions: a DaemonSet recreated after `delete --cascade=orphan` takes its history back.
      const history = claimObjects(
        { client: this.client, dependents: CONTROLLER_REVISIONS, ownerResource: DAEMONSETS, owner: ds, ownerApiVersion: 'apps/v1', ownerKind: 'DaemonSet', selector: selectorFromLabelSelector(ds.spec?.selector ?? null) },
        this.revisionInformer.list(namespace),
      );
      const revs = syncUpdateRevision(this.client, history, ds, 'DaemonSet', ds.status?.collisionCount ?? 0);
      const hash = revs.updateRevision.metadata.labels?.[REVISION_HASH_LABEL] ?? '';
      const changed = this.manage(ds, nodes, hash);
      if (!changed && (ds.spec?.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate') this.rollingUpdate(ds, nodes, hash, now);
      this.updateStatus(ds, calculateStatus([...nodes.values()], hash, ds.metadata.generation, minReady, now));
      this.cleanupHistory(ds, revs.revisions, nodes, hash);
    } catch (err) {
      if (isStatusError(err) && (err.code === 409 || err.code === 404)) return { requeueAfter: 100 };
      throw err;
    }
    if (this.createFailed) {
      const n = this.failures.get(key) ?? 0;
      this.failures.set(key, n + 1);
      return { requeueAfter: Math.min(5 * 2 ** n, 1000_000) };
    }
    this.failures.delete(key);
    if (minReady > 0) return { requeueAfter: minReady * 1000 + 1000 };
  }

  /** nodeStates is getNodesToDaemonPods plus NodeShouldRunDaemonPod for every node. */
  private nodeStates(ds: DS, namespace: string): Map<string, NodeState> {
    const spec = { ...ds.spec?.template?.spec, tolerations: withDaemonTolerations(ds.spec?.template?.spec) } as Pod['spec'];
    const states = new Map<string, NodeState>();
    for (const n of this.nodeInformer.list()) {
      states.set(n.metadata.name ?? '', { ...nodeShouldRunDaemonPod(spec, n as unknown as Node), pods: [] });
    }
    const owned = this.podInformer
      .list(namespace)
      .filter((p) => !p.metadata.deletionTimestamp && p.metadata.ownerReferences?.some((r) => r.controller && r.uid === ds.metadata.uid))
      .sort((a, b) => (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? '') || (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''));
    for (const pod of owned) {
      const nodeName = targetNodeName(pod) ?? '';
      let state = states.get(nodeName);
      // Pods pinned to a node that no longer exists are misplaced: delete them.
      if (!state) states.set(nodeName, (state = { shouldRun: false, shouldContinueRunning: false, pods: [] }));
      state.pods.push(pod);
    }
    return states;
  }

  /** manage is manage + podsShouldBeOnNode: returns whether it created or deleted anything. */
  private manage(ds: DS, nodes: Map<string, NodeState>, hash: string): boolean {
    const toCreate: string[] = [];
    const toDelete: KubeObject[] = [];
    for (const [nodeName, state] of nodes) {
      if (!state.shouldContinueRunning) {
        toDelete.push(...state.pods);
        continue;
      }
      const running = state.pods.filter((p) => {
        if ((p as unknown as Pod).status?.phase !== 'Failed') return true;
        toDelete.push(p);
        return false;
      });
      if (running.length === 0 && state.shouldRun) toCreate.push(nodeName);
      else toDelete.push(...running.slice(1));
    }
    for (const nodeName of toCreate.sort()) this.createPod(ds, nodeName, hash);
    for (const pod of toDelete) this.deletePod(ds, pod);
    return toCreate.length + toDelete.length > 0;
  }

  /** rollingUpdate replaces pods of an old template, at most maxUnavailable nodes at a time (maxSurge 0). */
  private rollingUpdate(ds: DS, nodes: Map<string, NodeState>, hash: string, now: number): void {
    const minReady = ds.spec?.minReadySeconds ?? 0;
    const desired = [...nodes.values()].filter((n) => n.shouldRun).length;
    const maxUnavailable = resolveMaxUnavailable(ds.spec?.updateStrategy?.rollingUpdate?.maxUnavailable, desired);
    let unavailable = 0;
    const oldAvailable: KubeObject[] = [];
    for (const state of nodes.values()) {
      if (!state.shouldRun) continue;
      const pod = state.pods[0];
      if (!pod || !isPodAvailable(asPod(pod), minReady, now)) unavailable++;
      if (!pod || pod.metadata.labels?.[REVISION_HASH_LABEL] === hash) continue;
      // An old pod that is not available anyway goes at once; available ones wait for budget.
      if (!isPodAvailable(asPod(pod), minReady, now)) this.deletePod(ds, pod);
      else oldAvailable.push(pod);
    }
    for (const pod of oldAvailable) {
      if (unavailable >= maxUnavailable) break;
      this.deletePod(ds, pod);
      unavailable++;
    }
  }

  /** cleanupHistory: revisions whose hash no live pod carries go, oldest first, beyond revisionHistoryLimit. */
  private cleanupHistory(ds: DS, revisions: ControllerRevision[], nodes: Map<string, NodeState>, hash: string): void {
    const liveHashes = new Set([hash]);
    for (const state of nodes.values()) for (const p of state.pods) liveHashes.add(p.metadata.labels?.[REVISION_HASH_LABEL] ?? '');
    const live = new Set(revisions.filter((r) => liveHashes.has(r.metadata.labels?.[REVISION_HASH_LABEL] ?? '')).map((r) => r.metadata.name ?? ''));
    pruneRevisions(this.client, revisions, live, ds.spec?.revisionHistoryLimit ?? 10);
  }

  private createPod(ds: DS, nodeName: string, hash: string): void {
    try {
      const pod = this.client.create(PODS, ds.metadata.namespace ?? '', newDaemonPod(ds, nodeName, hash));
      this.recorder.normal(ds, 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`);
    } catch (err) {
      this.createFailed = true;
      this.recorder.warning(ds, 'FailedCreate', `Error creating: ${(err as Error).message}`);
    }
  }

  private deletePod(ds: DS, pod: KubeObject): void {
    try {
      this.client.delete(PODS, pod.metadata.namespace ?? '', pod.metadata.name ?? '');
      this.recorder.normal(ds, 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`);
    } catch (err) {
      if (!(isStatusError(err) && err.code === 404)) this.recorder.warning(ds, 'FailedDelete', `Error deleting: ${(err as Error).message}`);
    }
  }

  private updateStatus(ds: DS, status: object): void {
    if (deepEqual(ds.status ?? {}, status)) return;
    const updated = thaw(ds);
    (updated as { status?: unknown }).status = status;
    this.client.updateStatus(DAEMONSETS, updated);
  }
}

/** installDaemonSetController registers the controller with the cluster. */
export function installDaemonSetController(cluster: Cluster): DaemonSetController {
  const c = new DaemonSetController(cluster);
  cluster.addReconciler(c);
  return c;
}
