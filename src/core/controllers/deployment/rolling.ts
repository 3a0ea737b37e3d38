/**
 * The RollingUpdate strategy, after pkg/controller/deployment/rolling.go: grow the new
 * ReplicaSet while the total stays within replicas + maxSurge, shrink old ones while
 * availability stays at or above replicas - maxUnavailable. One step per sync; the
 * next sync happens when the ReplicaSets' statuses change (pods become available).
 */
import type { DeploymentSync } from './sync.ts';
import { deploymentComplete } from './conditions.ts';
import { maxUnavailable, newRSNewReplicas, totalReplicas } from './fenceposts.ts';
import { byCreationTimestamp, filterActive, sumStatus } from './replicaSets.ts';
import { replicasOf, type ReplicaSetObj } from './types.ts';

/** rolloutRolling is one step of a rolling update. */
export function rolloutRolling(s: DeploymentSync): void {
  const { newRS, oldRSs } = s.getAllReplicaSetsAndSyncRevision(true);
  const allRSs = [...oldRSs, newRS];
  if (newRS && reconcileNewReplicaSet(s, allRSs, newRS)) return s.syncRolloutStatus(allRSs, newRS);
  if (newRS && reconcileOldReplicaSets(s, allRSs, filterActive(oldRSs), newRS)) return s.syncRolloutStatus(allRSs, newRS);
  if (deploymentComplete(s.d, s.d.status ?? {})) s.cleanupDeployment(oldRSs);
  s.syncRolloutStatus(allRSs, newRS);
}

/** reconcileNewReplicaSet scales the new ReplicaSet toward replicas, within maxSurge. */
function reconcileNewReplicaSet(s: DeploymentSync, allRSs: Array<ReplicaSetObj | undefined>, newRS: ReplicaSetObj): boolean {
  const replicas = replicasOf(s.d);
  if (replicasOf(newRS) === replicas) return false;
  if (replicasOf(newRS) > replicas) return s.scaleReplicaSetAndRecordEvent(newRS, replicas).scaled;
  return s.scaleReplicaSetAndRecordEvent(newRS, newRSNewReplicas(s.d, allRSs, newRS)).scaled;
}

/**
 * reconcileOldReplicaSets scales old ReplicaSets down as far as availability allows:
 * first their unhealthy replicas (which do not count as available anyway), then
 * healthy ones, oldest ReplicaSet first.
 */
function reconcileOldReplicaSets(s: DeploymentSync, allRSs: Array<ReplicaSetObj | undefined>, oldRSs: ReplicaSetObj[], newRS: ReplicaSetObj): boolean {
  const oldPods = totalReplicas(oldRSs);
  if (oldPods === 0) return false;
  const allPods = totalReplicas(allRSs);
  const minAvailable = replicasOf(s.d) - maxUnavailable(s.d);
  const newRSUnavailable = replicasOf(newRS) - (newRS.status?.availableReplicas ?? 0);
  const maxScaledDown = allPods - minAvailable - newRSUnavailable;
  if (maxScaledDown <= 0) return false;
  const { oldRSs: cleaned, scaledDown: cleanupCount } = cleanupUnhealthyReplicas(s, oldRSs, maxScaledDown);
  const scaledDown = scaleDownOldReplicaSetsForRollingUpdate(s, [...cleaned, newRS], cleaned);
  return cleanupCount + scaledDown > 0;
}

/** cleanupUnhealthyReplicas removes old ReplicaSets' unavailable replicas, up to maxCleanupCount. */
function cleanupUnhealthyReplicas(s: DeploymentSync, oldRSs: ReplicaSetObj[], maxCleanupCount: number): { oldRSs: ReplicaSetObj[]; scaledDown: number } {
  const sorted = [...oldRSs].sort(byCreationTimestamp);
  let total = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (total >= maxCleanupCount) break;
    const rs = sorted[i];
    const available = rs.status?.availableReplicas ?? 0;
    if (replicasOf(rs) === 0 || replicasOf(rs) === available) continue;
    const count = Math.min(maxCleanupCount - total, replicasOf(rs) - available);
    sorted[i] = s.scaleReplicaSetAndRecordEvent(rs, replicasOf(rs) - count).rs;
    total += count;
  }
  return { oldRSs: sorted, scaledDown: total };
}

/** scaleDownOldReplicaSetsForRollingUpdate scales old ReplicaSets down while availability stays above minAvailable. */
function scaleDownOldReplicaSetsForRollingUpdate(s: DeploymentSync, allRSs: Array<ReplicaSetObj | undefined>, oldRSs: ReplicaSetObj[]): number {
  const minAvailable = replicasOf(s.d) - maxUnavailable(s.d);
  const available = sumStatus(allRSs, 'availableReplicas');
  if (available <= minAvailable) return 0;
  const target = available - minAvailable;
  let total = 0;
  for (const rs of [...oldRSs].sort(byCreationTimestamp)) {
    if (total >= target) break;
    if (replicasOf(rs) === 0) continue;
    const count = Math.min(replicasOf(rs), target - total);
    s.scaleReplicaSetAndRecordEvent(rs, replicasOf(rs) - count);
    total += count;
  }
  return total;
}
