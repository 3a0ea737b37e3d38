/**
 * Working types of the Deployment controller: API objects as the controller reads and
 * writes them (plain JSON with upstream field names).
 */
import type { DeploymentCondition, DeploymentSpec, DeploymentStatus, ReplicaSetSpec, ReplicaSetStatus } from 'kubernetes-types/apps/v1';
import type { KubeObject } from '../../api/types.ts';

/** DeploymentObj is an apps/v1 Deployment. */
export type DeploymentObj = KubeObject & { spec: DeploymentSpec; status?: DeploymentStatus };

/** ReplicaSetObj is an apps/v1 ReplicaSet. */
export type ReplicaSetObj = KubeObject & { spec: ReplicaSetSpec; status?: ReplicaSetStatus };

export type { DeploymentCondition, DeploymentStatus };

/** replicasOf is `*(rs.Spec.Replicas)` (defaulted to 1 by the API server). */
export function replicasOf(obj: { spec?: { replicas?: number } } | undefined): number {
  return obj?.spec?.replicas ?? 1;
}
