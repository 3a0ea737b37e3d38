/**
 * The Deployment controller: rolls a Deployment's pod template out through ReplicaSets.
 *
 * Modelled on pkg/controller/deployment/deployment_controller.go (event wiring,
 * syncDeployment). Each reconcile reads the Deployment, claims its ReplicaSets (adopting
 * orphans, releasing ones that stopped matching), then either only scales (paused, or
 * spec.replicas changed) or takes one rollout step of its strategy, and writes status.
 * It never touches pods: the ReplicaSet controller does.
 */
import { selectorFromLabelSelector, matches } from '../../api/labels.ts';
import type { KubeObject, Pod } from '../../api/types.ts';
import { DEPLOYMENTS, PODS, REPLICASETS, type Client } from '../../client/client.ts';
import type { EventRecorder } from '../../client/events.ts';
import { keyOf, type Informer } from '../../client/informer.ts';
import { WorkQueue } from '../../client/workqueue.ts';
import type { Cluster } from '../../sim/cluster.ts';
import type { Result } from '../../sim/loop.ts';
import { thaw } from '../../storage/freeze.ts';
import { claimObjects, controllerOf } from '../replicaset/controllerRef.ts';
import { rolloutRecreate, type PodMap } from './recreate.ts';
import { rolloutRolling } from './rolling.ts';
import { DeploymentSync } from './sync.ts';
import type { DeploymentObj, ReplicaSetObj } from './types.ts';

/** DEPLOYMENT_CONTROLLER_USER is the identity kube-controller-manager uses for this controller. */
export const DEPLOYMENT_CONTROLLER_USER = {
  username: 'system:serviceaccount:kube-system:deployment-controller',
  groups: ['system:serviceaccounts', 'system:serviceaccounts:kube-system', 'system:authenticated'],
};

/** DeploymentController reconciles Deployments against their ReplicaSets. */
export class DeploymentController {
  readonly name = 'deployment-controller';
  readonly queue: WorkQueue;
  private readonly client: Client;
  private readonly recorder: EventRecorder;
  private readonly dInformer: Informer;
  private readonly rsInformer: Informer;
  private readonly podInformer: Informer;

  constructor(private readonly cluster: Cluster) {
    this.queue = new WorkQueue('deployment', cluster.clock);
    this.client = cluster.client('kube-controller-manager', DEPLOYMENT_CONTROLLER_USER);
    this.recorder = cluster.recorder('deployment-controller');
    this.dInformer = cluster.informers.forResource(DEPLOYMENTS);
    this.rsInformer = cluster.informers.forResource(REPLICASETS);
    this.podInformer = cluster.informers.forResource(PODS);
    this.dInformer.addHandler({
      add: (d) => this.queue.add(keyOf(d)),
      update: (_old, d) => this.queue.add(keyOf(d)),
      delete: (d) => this.queue.add(keyOf(d)),
    });
    this.rsInformer.addHandler({
      add: (rs) => this.replicaSetAdded(rs),
      update: (old, cur) => this.replicaSetUpdated(old, cur),
      delete: (rs) => this.enqueueOwner(rs),
    });
    // A Recreate rollout waits for the old pods to be gone: look again when one goes.
    this.podInformer.addHandler({ delete: (pod) => this.podDeleted(pod) });
  }

  // ---- event wiring: only enqueue keys ------------------------------------------------

  private replicaSetAdded(rs: KubeObject): void {
    if (rs.metadata.deletionTimestamp || controllerOf(rs)) return this.enqueueOwner(rs);
    for (const d of this.deploymentsMatching(rs)) this.queue.add(keyOf(d));
  }

  private replicaSetUpdated(old: KubeObject, cur: KubeObject): void {
    const oldRef = controllerOf(old);
    const curRef = controllerOf(cur);
    if (oldRef && oldRef.uid !== curRef?.uid) this.enqueueOwner(old);
    if (curRef) return this.enqueueOwner(cur);
    if (JSON.stringify(old.metadata.labels ?? {}) !== JSON.stringify(cur.metadata.labels ?? {}) || oldRef) {
      for (const d of this.deploymentsMatching(cur)) this.queue.add(keyOf(d));
    }
  }

  private podDeleted(pod: KubeObject): void {
    const rsRef = controllerOf(pod);
    if (rsRef?.kind !== 'ReplicaSet') return;
    const rs = this.rsInformer.get(pod.metadata.namespace ?? '', rsRef.name);
    if (!rs || rs.metadata.uid !== rsRef.uid) return;
    const d = this.resolve(rs);
    if (d && (d as DeploymentObj).spec?.strategy?.type === 'Recreate') this.queue.add(keyOf(d));
  }

  private enqueueOwner(rs: KubeObject): void {
    const d = this.resolve(rs);
    if (d) this.queue.add(keyOf(d));
  }

  private resolve(rs: KubeObject): KubeObject | undefined {
    const ref = controllerOf(rs);
    if (!ref || ref.kind !== 'Deployment') return undefined;
    const d = this.dInformer.get(rs.metadata.namespace ?? '', ref.name);
    return d && d.metadata.uid === ref.uid ? d : undefined;
  }

  /** deploymentsMatching is getDeploymentsForReplicaSet: Deployments whose (non-empty) selector matches. */
  private deploymentsMatching(rs: KubeObject): KubeObject[] {
    return this.dInformer.list(rs.metadata.namespace ?? '').filter((d) => {
      const sel = (d as DeploymentObj).spec?.selector;
      if (!sel || (Object.keys(sel.matchLabels ?? {}).length === 0 && (sel.matchExpressions ?? []).length === 0)) return false;
      try {
        return matches(selectorFromLabelSelector(sel), rs.metadata.labels);
      } catch {
        return false;
      }
    });
  }

  // ---- reconcile ----------------------------------------------------------------------

  /** reconcile is syncDeployment. */
  reconcile(key: string): Result | void {
    const cached = this.dInformer.getByKey(key);
    if (!cached) return;
    const d = thaw(cached) as DeploymentObj;
    const sel = d.spec?.selector;
    if (!sel || (Object.keys(sel.matchLabels ?? {}).length === 0 && (sel.matchExpressions ?? []).length === 0)) {
      this.recorder.warning(d, 'SelectingAll', 'This deployment is selecting all pods. A non-empty selector is required.');
      if ((d.status?.observedGeneration ?? 0) < (d.metadata.generation ?? 0)) {
        this.client.updateStatus(DEPLOYMENTS, { ...d, status: { ...(d.status ?? {}), observedGeneration: d.metadata.generation } });
      }
      return;
    }
    let selector;
    try {
      selector = selectorFromLabelSelector(sel);
    } catch {
      return;
    }
    const rsList = this.getReplicaSetsForDeployment(d, selector);
    const s = new DeploymentSync({ client: this.client, recorder: this.recorder, now: () => this.cluster.clock.now() }, d, rsList);

    if (d.metadata.deletionTimestamp) {
      const { newRS, oldRSs } = s.getAllReplicaSetsAndSyncRevision(false);
      s.syncDeploymentStatus([...oldRSs, newRS], newRS);
      return;
    }
    s.checkPausedConditions();
    if (d.spec.paused || s.isScalingEvent()) {
      this.sync(s);
    } else if (d.spec.strategy?.type === 'Recreate') {
      rolloutRecreate(s, this.getPodMap(d, s.rsList, selector));
    } else {
      rolloutRolling(s);
    }
    if (s.requeueAfter !== undefined) return { requeueAfter: s.requeueAfter };
  }

  /** sync handles scaling events and paused Deployments: resize, never roll out. */
  private sync(s: DeploymentSync): void {
    const { newRS, oldRSs } = s.getAllReplicaSetsAndSyncRevision(false);
    s.scale(newRS, oldRSs);
    if (s.d.spec.paused) s.cleanupDeployment(oldRSs);
    const fresh = (rs: ReplicaSetObj | undefined) => (rs ? (s.rsList.find((r) => r.metadata.uid === rs.metadata.uid) ?? rs) : rs);
    s.syncDeploymentStatus([...oldRSs.map(fresh), fresh(newRS)], fresh(newRS));
  }

  /** getReplicaSetsForDeployment lists the namespace's ReplicaSets and claims the ones this Deployment controls. */
  private getReplicaSetsForDeployment(d: DeploymentObj, selector: ReturnType<typeof selectorFromLabelSelector>): ReplicaSetObj[] {
    const all = this.rsInformer.list(d.metadata.namespace ?? '');
    return claimObjects(
      { client: this.client, dependents: REPLICASETS, ownerResource: DEPLOYMENTS, owner: d, ownerApiVersion: 'apps/v1', ownerKind: 'Deployment', selector },
      all,
    ) as ReplicaSetObj[];
  }

  /** getPodMap is getPodMapForDeployment: the Deployment's pods grouped by their ReplicaSet's UID. */
  private getPodMap(d: DeploymentObj, rsList: ReplicaSetObj[], selector: ReturnType<typeof selectorFromLabelSelector>): PodMap {
    const map: PodMap = new Map(rsList.map((rs) => [rs.metadata.uid ?? '', []]));
    for (const pod of this.podInformer.list(d.metadata.namespace ?? '')) {
      if (!matches(selector, pod.metadata.labels)) continue;
      const uid = controllerOf(pod)?.uid;
      if (uid && map.has(uid)) map.get(uid)!.push(pod as unknown as Pod);
    }
    return map;
  }
}

/** installDeploymentController registers the Deployment controller with the cluster. */
export function installDeploymentController(cluster: Cluster): DeploymentController {
  const controller = new DeploymentController(cluster);
  cluster.addReconciler(controller);
  return controller;
}
