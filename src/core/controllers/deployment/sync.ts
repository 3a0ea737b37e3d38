/**
 * DeploymentSync: one sync of one Deployment, after pkg/controller/deployment/sync.go and
 * progress.go. It holds the working copy of the Deployment (changed in place, as
 * upstream changes `d`) and the writes every strategy shares: finding or creating the
 * new ReplicaSet, scaling ReplicaSets with events, proportional scaling, history
 * cleanup and the status/condition updates.
 */
import { isStatusError } from '../../api/status.ts';
import { parseTime } from '../../api/time.ts';
import type { KubeObject } from '../../api/types.ts';
import { DEPLOYMENTS, REPLICASETS, type Client } from '../../client/client.ts';
import type { EventRecorder } from '../../client/events.ts';
import { deepEqual } from '../../api/equality.ts';
import { thaw } from '../../storage/freeze.ts';
import { newControllerRef } from '../replicaset/controllerRef.ts';
import {
  POD_TEMPLATE_HASH_LABEL,
  desiredReplicasAnnotation,
  maxRevision,
  replicasAnnotationsNeedUpdate,
  setDeploymentRevision,
  setNewReplicaSetAnnotations,
  setReplicasAnnotations,
} from './annotations.ts';
import * as cond from './conditions.ts';
import { isRollingUpdate, maxSurge, newRSNewReplicas, totalReplicas } from './fenceposts.ts';
import { computeHash } from './podTemplateHash.ts';
import * as rsutil from './replicaSets.ts';
import { replicasOf, type DeploymentObj, type DeploymentStatus, type ReplicaSetObj } from './types.ts';

/** SyncDeps are what a sync needs from the controller. */
export interface SyncDeps {
  client: Client;
  recorder: EventRecorder;
  now: () => number;
}

/** DeploymentSync carries one Deployment through one sync. */
export class DeploymentSync {
  /** requeueAfter is set when the progress deadline must be checked later (requeueStuckDeployment). */
  requeueAfter?: number;

  constructor(
    readonly deps: SyncDeps,
    readonly d: DeploymentObj,
    public rsList: ReplicaSetObj[],
  ) {}

  // ---- finding the new and old ReplicaSets ----------------------------------------------

  /**
   * getAllReplicaSetsAndSyncRevision returns the new ReplicaSet (created when asked and
   * missing) and all old ones, with the new one's revision above every old one.
   */
  getAllReplicaSetsAndSyncRevision(createIfNotExisted: boolean): { newRS?: ReplicaSetObj; oldRSs: ReplicaSetObj[] } {
    const oldRSs = rsutil.findOldReplicaSets(this.d, this.rsList);
    const newRS = this.getNewReplicaSet(oldRSs, createIfNotExisted);
    return { newRS, oldRSs };
  }

  private getNewReplicaSet(oldRSs: ReplicaSetObj[], createIfNotExisted: boolean): ReplicaSetObj | undefined {
    const d = this.d;
    const now = this.deps.now();
    const existing = rsutil.findNewReplicaSet(d, this.rsList);
    const newRevision = maxRevision(oldRSs) + 1;
    if (existing) {
      const rsCopy = thaw(existing);
      const annotationsUpdated = setNewReplicaSetAnnotations(d, rsCopy, newRevision, true);
      const minReadyNeedsUpdate = (rsCopy.spec.minReadySeconds ?? 0) !== (d.spec.minReadySeconds ?? 0);
      if (annotationsUpdated || minReadyNeedsUpdate) {
        if (d.spec.minReadySeconds) rsCopy.spec.minReadySeconds = d.spec.minReadySeconds;
        else delete rsCopy.spec.minReadySeconds;
        return this.updateReplicaSet(rsCopy);
      }
      let needsUpdate = setDeploymentRevision(d, rsCopy.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? '');
      if (cond.hasProgressDeadline(d) && !cond.getCondition(d.status, 'Progressing')) {
        const msg = `Found new replica set "${rsCopy.metadata.name}"`;
        cond.setCondition(this.status(), cond.newDeploymentCondition('Progressing', 'True', cond.FOUND_NEW_RS_REASON, msg, now));
        needsUpdate = true;
      }
      if (needsUpdate) this.writeStatus();
      return rsCopy;
    }
    if (!createIfNotExisted) return undefined;

    // A new ReplicaSet: the template plus the hash label, named <deployment>-<hash>.
    const template = thaw(d.spec.template);
    const hash = computeHash(d.spec.template, d.status?.collisionCount);
    const labels = { ...(template.metadata?.labels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash };
    template.metadata = { ...(template.metadata ?? {}), labels };
    const selector = thaw(d.spec.selector);
    selector.matchLabels = { ...(selector.matchLabels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash };
    const newRS: ReplicaSetObj = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: `${d.metadata.name}-${hash}`,
        namespace: d.metadata.namespace,
        labels,
        ownerReferences: [newControllerRef(d, 'apps/v1', 'Deployment')],
      },
      spec: { replicas: 0, selector, template, ...(d.spec.minReadySeconds ? { minReadySeconds: d.spec.minReadySeconds } : {}) },
    };
    const newReplicas = newRSNewReplicas(d, [...oldRSs, newRS], newRS);
    newRS.spec.replicas = newReplicas;
    setNewReplicaSetAnnotations(d, newRS, newRevision, false);

    let created: ReplicaSetObj;
    let alreadyExists = false;
    try {
      created = this.deps.client.create(REPLICASETS, d.metadata.namespace ?? '', newRS) as ReplicaSetObj;
    } catch (err) {
      if (isStatusError(err) && err.code === 409 && err.reason === 'AlreadyExists') {
        const found = this.deps.client.tryGet(REPLICASETS, d.metadata.namespace ?? '', newRS.metadata.name ?? '') as ReplicaSetObj | undefined;
        const ref = found?.metadata.ownerReferences?.find((r) => r.controller);
        if (!found || ref?.uid !== d.metadata.uid || !rsutil.equalIgnoreHash(d.spec.template, found.spec.template)) {
          // A hash collision: bump collisionCount so the next sync computes another name.
          this.status().collisionCount = (d.status?.collisionCount ?? 0) + 1;
          this.writeStatus();
          throw err;
        }
        created = found;
        alreadyExists = true;
      } else {
        if (isStatusError(err) && err.status.details?.causes?.some((c) => c.reason === 'NamespaceTerminating')) throw err;
        const msg = `Failed to create new replica set "${newRS.metadata.name}": ${(err as Error).message}`;
        if (cond.hasProgressDeadline(d)) {
          cond.setCondition(this.status(), cond.newDeploymentCondition('Progressing', 'False', cond.FAILED_RS_CREATE_REASON, msg, now));
          this.writeStatus();
        }
        this.deps.recorder.warning(d, cond.FAILED_RS_CREATE_REASON, msg);
        throw err;
      }
    }
    if (!alreadyExists && newReplicas > 0) {
      this.deps.recorder.normal(d, 'ScalingReplicaSet', `Scaled up replica set ${created.metadata.name} from 0 to ${newReplicas}`);
    }
    this.rsList = [...this.rsList.filter((rs) => rs.metadata.uid !== created.metadata.uid), created];
    let needsUpdate = setDeploymentRevision(d, String(newRevision));
    if (!alreadyExists && cond.hasProgressDeadline(d)) {
      const msg = `Created new replica set "${created.metadata.name}"`;
      cond.setCondition(this.status(), cond.newDeploymentCondition('Progressing', 'True', cond.NEW_RS_REASON, msg, now));
      needsUpdate = true;
    }
    if (needsUpdate) this.writeStatus();
    return created;
  }

  // ---- scaling --------------------------------------------------------------------------

  /** scaleReplicaSetAndRecordEvent scales one ReplicaSet; returns the updated object when it changed size. */
  scaleReplicaSetAndRecordEvent(rs: ReplicaSetObj, newScale: number): { scaled: boolean; rs: ReplicaSetObj } {
    if (replicasOf(rs) === newScale) return { scaled: false, rs };
    return this.scaleReplicaSet(rs, newScale, replicasOf(rs) < newScale ? 'up' : 'down');
  }

  /** scaleReplicaSet sets replicas and the replicas annotations; emits ScalingReplicaSet when the size changed. */
  scaleReplicaSet(rs: ReplicaSetObj, newScale: number, operation: string): { scaled: boolean; rs: ReplicaSetObj } {
    const d = this.d;
    const desired = replicasOf(d);
    const max = desired + maxSurge(d);
    const sizeNeedsUpdate = replicasOf(rs) !== newScale;
    if (!sizeNeedsUpdate && !replicasAnnotationsNeedUpdate(rs, desired, max)) return { scaled: false, rs };
    const oldScale = replicasOf(rs);
    const copy = thaw(rs);
    copy.spec.replicas = newScale;
    setReplicasAnnotations(copy, desired, max);
    const updated = this.updateReplicaSet(copy);
    if (sizeNeedsUpdate) {
      this.deps.recorder.normal(d, 'ScalingReplicaSet', `Scaled ${operation} replica set ${updated.metadata.name} from ${oldScale} to ${newScale}`);
    }
    return { scaled: sizeNeedsUpdate, rs: updated };
  }

  private updateReplicaSet(rs: ReplicaSetObj): ReplicaSetObj {
    const updated = this.deps.client.update(REPLICASETS, rs) as ReplicaSetObj;
    this.rsList = this.rsList.map((r) => (r.metadata.uid === updated.metadata.uid ? updated : r));
    return updated;
  }

  /** isScalingEvent: some active ReplicaSet was sized for a different spec.replicas. */
  isScalingEvent(): boolean {
    const { newRS, oldRSs } = this.getAllReplicaSetsAndSyncRevision(false);
    for (const rs of rsutil.filterActive([...oldRSs, newRS])) {
      const desired = desiredReplicasAnnotation(rs);
      if (desired !== undefined && desired !== replicasOf(this.d)) return true;
    }
    return false;
  }

  /**
   * scale is sync.go's scale: with one active ReplicaSet, resize it; with a saturated new
   * one, empty the old ones; mid-rollout, share the change among all active ReplicaSets
   * in proportion to their size (largest first; leftovers to the first).
   */
  scale(newRS: ReplicaSetObj | undefined, oldRSs: ReplicaSetObj[]): void {
    const d = this.d;
    const activeOrLatest = rsutil.findActiveOrLatest(newRS, oldRSs);
    if (activeOrLatest) {
      if (replicasOf(activeOrLatest) !== replicasOf(d)) this.scaleReplicaSetAndRecordEvent(activeOrLatest, replicasOf(d));
      return;
    }
    if (rsutil.isSaturated(d, newRS)) {
      for (const old of rsutil.filterActive(oldRSs)) this.scaleReplicaSetAndRecordEvent(old, 0);
      return;
    }
    if (!isRollingUpdate(d)) return;
    const all = rsutil.filterActive([...oldRSs, newRS]);
    const allowedSize = replicasOf(d) > 0 ? replicasOf(d) + maxSurge(d) : 0;
    const toAdd = allowedSize - totalReplicas(all);
    let operation = '';
    if (toAdd > 0) {
      all.sort(rsutil.bySizeNewer);
      operation = 'up';
    } else if (toAdd < 0) {
      all.sort(rsutil.bySizeOlder);
      operation = 'down';
    }
    let added = 0;
    const sizes = new Map<string, number>();
    for (const rs of all) {
      if (toAdd !== 0) {
        const proportion = rsutil.getProportion(rs, d, toAdd, added);
        sizes.set(rs.metadata.name ?? '', replicasOf(rs) + proportion);
        added += proportion;
      } else {
        sizes.set(rs.metadata.name ?? '', replicasOf(rs));
      }
    }
    all.forEach((rs, i) => {
      const name = rs.metadata.name ?? '';
      if (i === 0 && toAdd !== 0) sizes.set(name, Math.max(0, (sizes.get(name) ?? 0) + toAdd - added));
      this.scaleReplicaSet(rs, sizes.get(name) ?? 0, operation);
    });
  }

  /** cleanupDeployment deletes the oldest empty ReplicaSets beyond revisionHistoryLimit. */
  cleanupDeployment(oldRSs: ReplicaSetObj[]): void {
    const limit = this.d.spec.revisionHistoryLimit;
    if (limit === undefined || limit === null) return;
    const cleanable = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp).sort(rsutil.byRevision);
    const diff = cleanable.length - limit;
    for (let i = 0; i < diff; i++) {
      const rs = cleanable[i];
      if ((rs.status?.replicas ?? 0) !== 0 || replicasOf(rs) !== 0) continue;
      if ((rs.metadata.generation ?? 0) > (rs.status?.observedGeneration ?? 0)) continue;
      try {
        this.deps.client.delete(REPLICASETS, rs.metadata.namespace ?? '', rs.metadata.name ?? '');
      } catch (err) {
        if (!isStatusError(err) || err.code !== 404) throw err;
      }
    }
  }

  // ---- status -------------------------------------------------------------------------

  /** status is the working copy's status, created when missing. */
  status(): DeploymentStatus {
    return (this.d.status ??= {});
  }

  /** syncDeploymentStatus writes calculateStatus when it differs (scaling and paused syncs). */
  syncDeploymentStatus(allRSs: Array<ReplicaSetObj | undefined>, newRS: ReplicaSetObj | undefined): void {
    const next = cond.calculateStatus(allRSs, newRS, this.d, this.deps.now());
    if (deepEqual(cond.omitEmptyStatus(this.d.status ?? {}), cond.omitEmptyStatus(next))) return;
    this.d.status = next;
    this.writeStatus();
  }

  /**
   * syncRolloutStatus is progress.go's syncRolloutStatus: status plus the Progressing
   * condition (progressing, complete or timed out) and ReplicaFailure from the ReplicaSets.
   */
  syncRolloutStatus(allRSs: Array<ReplicaSetObj | undefined>, newRS: ReplicaSetObj | undefined): void {
    const d = this.d;
    const now = this.deps.now();
    const next = cond.calculateStatus(allRSs, newRS, d, now);
    if (!cond.hasProgressDeadline(d)) cond.removeCondition(next, 'Progressing');
    const current = cond.getCondition(d.status, 'Progressing');
    const complete = next.replicas === next.updatedReplicas && current?.reason === cond.NEW_RS_AVAILABLE_REASON;
    if (cond.hasProgressDeadline(d) && !complete) {
      const name = newRS?.metadata.name;
      if (cond.deploymentComplete(d, next)) {
        const msg = name ? `ReplicaSet "${name}" has successfully progressed.` : `Deployment "${d.metadata.name}" has successfully progressed.`;
        cond.setCondition(next, cond.newDeploymentCondition('Progressing', 'True', cond.NEW_RS_AVAILABLE_REASON, msg, now));
      } else if (cond.deploymentProgressing(d, next)) {
        const msg = name ? `ReplicaSet "${name}" is progressing.` : `Deployment "${d.metadata.name}" is progressing.`;
        const c = cond.newDeploymentCondition('Progressing', 'True', cond.RS_UPDATED_REASON, msg, now);
        // Progress refreshes lastUpdateTime even with the same reason; keep the transition time.
        if (current) {
          if (current.status === 'True') c.lastTransitionTime = current.lastTransitionTime;
          cond.removeCondition(next, 'Progressing');
        }
        cond.setCondition(next, c);
      } else if (cond.deploymentTimedOut(d, next, now)) {
        const msg = name ? `ReplicaSet "${name}" has timed out progressing.` : `Deployment "${d.metadata.name}" has timed out progressing.`;
        cond.setCondition(next, cond.newDeploymentCondition('Progressing', 'False', cond.TIMED_OUT_REASON, msg, now));
      }
    }
    const failure = replicaFailure(allRSs, newRS);
    if (failure) cond.setCondition(next, failure);
    else cond.removeCondition(next, 'ReplicaFailure');

    if (deepEqual(cond.omitEmptyStatus(d.status ?? {}), cond.omitEmptyStatus(next))) {
      this.requeueStuckDeployment(next);
      return;
    }
    d.status = next;
    this.writeStatus();
  }

  /** requeueStuckDeployment schedules a look just after the progress deadline. */
  private requeueStuckDeployment(next: DeploymentStatus): void {
    const d = this.d;
    const current = cond.getCondition(d.status, 'Progressing');
    if (!cond.hasProgressDeadline(d) || !current) return;
    if (cond.deploymentComplete(d, next) || current.reason === cond.TIMED_OUT_REASON) return;
    const deadline = parseTime(current.lastUpdateTime) + (d.spec.progressDeadlineSeconds ?? 0) * 1000;
    this.requeueAfter = Math.max(0, deadline - this.deps.now()) + 1000;
  }

  /** checkPausedConditions records DeploymentPaused / DeploymentResumed on Progressing. */
  checkPausedConditions(): void {
    const d = this.d;
    if (!cond.hasProgressDeadline(d)) return;
    const c = cond.getCondition(d.status, 'Progressing');
    if (c?.reason === cond.TIMED_OUT_REASON) return;
    const pausedExists = c?.reason === cond.PAUSED_REASON;
    const now = this.deps.now();
    if (d.spec.paused && !pausedExists) {
      cond.setCondition(this.status(), cond.newDeploymentCondition('Progressing', 'Unknown', cond.PAUSED_REASON, 'Deployment is paused', now));
    } else if (!d.spec.paused && pausedExists) {
      cond.setCondition(this.status(), cond.newDeploymentCondition('Progressing', 'Unknown', cond.RESUMED_REASON, 'Deployment is resumed', now));
    } else return;
    this.writeStatus();
  }

  /**
   * writeStatus is UpdateStatus(d). Upstream's deployment status strategy also accepts
   * metadata changes, which is how the revision annotation reaches the Deployment; our
   * API server's status subresource takes only status, so a changed annotation is
   * written through the main resource first.
   */
  writeStatus(): void {
    const d = this.d;
    const client = this.deps.client;
    const ns = d.metadata.namespace ?? '';
    const stored = client.get(DEPLOYMENTS, ns, d.metadata.name ?? '');
    if (!deepEqual(stored.metadata.annotations ?? {}, d.metadata.annotations ?? {})) {
      const withMeta = { ...thaw(stored), metadata: { ...thaw(stored.metadata), annotations: thaw(d.metadata.annotations) } };
      withMeta.metadata.resourceVersion = d.metadata.resourceVersion;
      const res = client.update(DEPLOYMENTS, withMeta as KubeObject);
      d.metadata.resourceVersion = res.metadata.resourceVersion;
    }
    const res = client.updateStatus(DEPLOYMENTS, { ...d, status: cond.omitEmptyStatus(d.status ?? {}) });
    d.metadata.resourceVersion = res.metadata.resourceVersion;
  }
}

/** replicaFailure is getReplicaFailures: the new ReplicaSet's ReplicaFailure, else an old one's. */
function replicaFailure(allRSs: Array<ReplicaSetObj | undefined>, newRS: ReplicaSetObj | undefined) {
  for (const rs of [newRS, ...allRSs]) {
    const c = rs?.status?.conditions?.find((x) => x.type === 'ReplicaFailure');
    if (c) return { type: 'ReplicaFailure', status: c.status, lastUpdateTime: c.lastTransitionTime, lastTransitionTime: c.lastTransitionTime, reason: c.reason, message: c.message };
  }
  return undefined;
}
