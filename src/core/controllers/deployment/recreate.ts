/**
 * The Recreate strategy, after pkg/controller/deployment/recreate.go: scale every old
 * ReplicaSet to zero, wait until none of their pods is left running, then create (or
 * reuse) the new ReplicaSet at full size. There is downtime by design.
 */
import type { Pod } from '../../api/types.ts';
import type { DeploymentSync } from './sync.ts';
import { deploymentComplete } from './conditions.ts';
import { filterActive, sumStatus } from './replicaSets.ts';
import { replicasOf, type ReplicaSetObj } from './types.ts';

/** PodMap groups a Deployment's pods by the UID of the ReplicaSet controlling them. */
export type PodMap = Map<string, Pod[]>;

/** rolloutRecreate is one step of a Recreate rollout. */
export function rolloutRecreate(s: DeploymentSync, podMap: PodMap): void {
  // Do not create the new ReplicaSet yet: that would scale up before scaling down.
  let { newRS, oldRSs } = s.getAllReplicaSetsAndSyncRevision(false);
  let allRSs: Array<ReplicaSetObj | undefined> = [...oldRSs, newRS];
  let scaledDown = false;
  for (const rs of filterActive(oldRSs)) {
    if (s.scaleReplicaSetAndRecordEvent(rs, 0).scaled) scaledDown = true;
  }
  if (scaledDown) return s.syncRolloutStatus(allRSs, newRS);
  if (oldPodsRunning(newRS, oldRSs, podMap)) return s.syncRolloutStatus(allRSs, newRS);
  if (!newRS) {
    ({ newRS, oldRSs } = s.getAllReplicaSetsAndSyncRevision(true));
    allRSs = [...oldRSs, newRS];
  }
  if (newRS) s.scaleReplicaSetAndRecordEvent(newRS, replicasOf(s.d));
  if (deploymentComplete(s.d, s.d.status ?? {})) s.cleanupDeployment(oldRSs);
  s.syncRolloutStatus(allRSs, newRS);
}

/** oldPodsRunning: old ReplicaSets still report pods, or pods of old ReplicaSets are not finished. */
export function oldPodsRunning(newRS: ReplicaSetObj | undefined, oldRSs: ReplicaSetObj[], podMap: PodMap): boolean {
  if (sumStatus(oldRSs, 'replicas') > 0) return true;
  for (const [uid, pods] of podMap) {
    if (newRS && newRS.metadata.uid === uid) continue;
    for (const pod of pods) {
      const phase = pod.status?.phase;
      if (phase === 'Failed' || phase === 'Succeeded') continue;
      return true;
    }
  }
  return false;
}
