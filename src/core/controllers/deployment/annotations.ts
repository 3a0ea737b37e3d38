/**
 * The annotations the Deployment controller keeps on ReplicaSets and Deployments, after
 * pkg/controller/deployment/util/deployment_util.go: revision numbers (what
 * `kubectl rollout history` lists), the revision history of a ReplicaSet that became new
 * again, and desired/max replicas (used for proportional scaling).
 */
import type { DeploymentObj, ReplicaSetObj } from './types.ts';
import { replicasOf } from './types.ts';
import { maxSurge } from './fenceposts.ts';

/** REVISION_ANNOTATION is deployment.kubernetes.io/revision. */
export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
/** REVISION_HISTORY_ANNOTATION lists the earlier revisions of a ReplicaSet that was rolled back to. */
export const REVISION_HISTORY_ANNOTATION = 'deployment.kubernetes.io/revision-history';
/** DESIRED_REPLICAS_ANNOTATION is the Deployment's replicas when the ReplicaSet was last scaled. */
export const DESIRED_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/desired-replicas';
/** MAX_REPLICAS_ANNOTATION is replicas + maxSurge at that time. */
export const MAX_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/max-replicas';
/** POD_TEMPLATE_HASH_LABEL is apps.DefaultDeploymentUniqueLabelKey. */
export const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash';
/** MAX_REV_HISTORY_LENGTH_IN_CHARS bounds the revision-history annotation (upstream: 2000). */
export const MAX_REV_HISTORY_LENGTH_IN_CHARS = 2000;

/** annotationsToSkip are Deployment annotations never copied onto ReplicaSets. */
const annotationsToSkip = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  'deprecated.deployment.rollback.to',
]);

/** revisionOf is Revision(): the revision annotation as a number (0 when absent or invalid). */
export function revisionOf(obj: { metadata: { annotations?: Record<string, string> } } | undefined): number {
  const v = obj?.metadata.annotations?.[REVISION_ANNOTATION];
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : 0;
}

/** maxRevision is MaxRevision over ReplicaSets. */
export function maxRevision(rss: ReplicaSetObj[]): number {
  return rss.reduce((m, rs) => Math.max(m, revisionOf(rs)), 0);
}

/** copyDeploymentAnnotationsToReplicaSet copies the user's annotations (e.g. kubernetes.io/change-cause). */
function copyDeploymentAnnotationsToReplicaSet(d: DeploymentObj, rs: ReplicaSetObj): boolean {
  let changed = false;
  const target = (rs.metadata.annotations ??= {});
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) {
    if (annotationsToSkip.has(k) || target[k] === v) continue;
    target[k] = v;
    changed = true;
  }
  return changed;
}

/** setReplicasAnnotations is SetReplicasAnnotations; returns whether anything changed. */
export function setReplicasAnnotations(rs: ReplicaSetObj, desired: number, max: number): boolean {
  const a = (rs.metadata.annotations ??= {});
  let changed = false;
  if (a[DESIRED_REPLICAS_ANNOTATION] !== String(desired)) {
    a[DESIRED_REPLICAS_ANNOTATION] = String(desired);
    changed = true;
  }
  if (a[MAX_REPLICAS_ANNOTATION] !== String(max)) {
    a[MAX_REPLICAS_ANNOTATION] = String(max);
    changed = true;
  }
  return changed;
}

/** replicasAnnotationsNeedUpdate is ReplicasAnnotationsNeedUpdate. */
export function replicasAnnotationsNeedUpdate(rs: ReplicaSetObj, desired: number, max: number): boolean {
  const a = rs.metadata.annotations;
  return !a || a[DESIRED_REPLICAS_ANNOTATION] !== String(desired) || a[MAX_REPLICAS_ANNOTATION] !== String(max);
}

/** desiredReplicasAnnotation reads deployment.kubernetes.io/desired-replicas. */
export function desiredReplicasAnnotation(rs: ReplicaSetObj): number | undefined {
  const v = rs.metadata.annotations?.[DESIRED_REPLICAS_ANNOTATION];
  return v !== undefined && /^-?\d+$/.test(v) ? Number(v) : undefined;
}

/** maxReplicasAnnotation reads deployment.kubernetes.io/max-replicas. */
export function maxReplicasAnnotation(rs: ReplicaSetObj): number | undefined {
  const v = rs.metadata.annotations?.[MAX_REPLICAS_ANNOTATION];
  return v !== undefined && /^-?\d+$/.test(v) ? Number(v) : undefined;
}

/**
 * setNewReplicaSetAnnotations is SetNewReplicaSetAnnotations: copy the Deployment's
 * annotations, raise the revision to `newRevision` (recording the old one in
 * revision-history when an old ReplicaSet becomes new again), and on creation add the
 * replicas annotations. Returns whether anything changed.
 */
export function setNewReplicaSetAnnotations(d: DeploymentObj, rs: ReplicaSetObj, newRevision: number, exists: boolean): boolean {
  let changed = copyDeploymentAnnotationsToReplicaSet(d, rs);
  const a = (rs.metadata.annotations ??= {});
  const oldRevision = a[REVISION_ANNOTATION];
  const hadRevision = oldRevision !== undefined;
  if (hadRevision && !/^\d+$/.test(oldRevision)) return false;
  const oldRevisionInt = hadRevision ? Number(oldRevision) : 0;
  if (oldRevisionInt < newRevision) {
    a[REVISION_ANNOTATION] = String(newRevision);
    changed = true;
  }
  if (hadRevision && oldRevisionInt < newRevision) {
    const history = a[REVISION_HISTORY_ANNOTATION] ?? '';
    const old = history.split(',');
    if (old[0].length === 0) {
      a[REVISION_HISTORY_ANNOTATION] = oldRevision;
    } else {
      let total = history.length + oldRevision.length + 1;
      let start = 0;
      while (total > MAX_REV_HISTORY_LENGTH_IN_CHARS && start < old.length) {
        total -= old[start].length + 1;
        start++;
      }
      if (total <= MAX_REV_HISTORY_LENGTH_IN_CHARS) a[REVISION_HISTORY_ANNOTATION] = [...old.slice(start), oldRevision].join(',');
    }
  }
  if (!exists && setReplicasAnnotations(rs, replicasOf(d), replicasOf(d) + maxSurge(d))) changed = true;
  return changed;
}

/** setDeploymentRevision is SetDeploymentRevision: copy the new ReplicaSet's revision to the Deployment. */
export function setDeploymentRevision(d: DeploymentObj, revision: string): boolean {
  const a = (d.metadata.annotations ??= {});
  if (a[REVISION_ANNOTATION] === revision) return false;
  a[REVISION_ANNOTATION] = revision;
  return true;
}
