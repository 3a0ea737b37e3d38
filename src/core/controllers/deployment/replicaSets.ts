/**
 * Finding, ordering and sizing a Deployment's ReplicaSets, after
 * pkg/controller/deployment/util/deployment_util.go and pkg/controller/controller_utils.go
 * (ReplicaSetsByCreationTimestamp, ReplicaSetsBySizeOlder/Newer, ReplicaSetsByRevision).
 */
import { deepEqual } from '../../api/equality.ts';
import { parseTime } from '../../api/time.ts';
import type { DeploymentObj, ReplicaSetObj } from './types.ts';
import { replicasOf } from './types.ts';
import { maxReplicasAnnotation, desiredReplicasAnnotation, POD_TEMPLATE_HASH_LABEL, revisionOf } from './annotations.ts';
import { maxSurge } from './fenceposts.ts';

function withoutHash(template: unknown): unknown {
  const t = (template ?? {}) as { metadata?: { labels?: Record<string, string> } };
  const labels = { ...(t.metadata?.labels ?? {}) };
  delete labels[POD_TEMPLATE_HASH_LABEL];
  return { ...t, metadata: { ...(t.metadata ?? {}), labels } };
}

/** equalIgnoreHash is EqualIgnoreHash: templates equal apart from the pod-template-hash label. */
export function equalIgnoreHash(a: unknown, b: unknown): boolean {
  return deepEqual(withoutHash(a), withoutHash(b));
}

function created(rs: ReplicaSetObj): number {
  return parseTime(rs.metadata.creationTimestamp);
}

/** byCreationTimestamp is ReplicaSetsByCreationTimestamp: oldest first, then by name. */
export function byCreationTimestamp(a: ReplicaSetObj, b: ReplicaSetObj): number {
  const d = created(a) - created(b);
  if (d !== 0 && !Number.isNaN(d)) return d;
  return (a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : (a.metadata.name ?? '') > (b.metadata.name ?? '') ? 1 : 0;
}

/** bySizeOlder is ReplicaSetsBySizeOlder: largest first, older first on ties (for scaling down). */
export function bySizeOlder(a: ReplicaSetObj, b: ReplicaSetObj): number {
  return replicasOf(a) === replicasOf(b) ? byCreationTimestamp(a, b) : replicasOf(b) - replicasOf(a);
}

/** bySizeNewer is ReplicaSetsBySizeNewer: largest first, newer first on ties (for scaling up). */
export function bySizeNewer(a: ReplicaSetObj, b: ReplicaSetObj): number {
  return replicasOf(a) === replicasOf(b) ? byCreationTimestamp(b, a) : replicasOf(b) - replicasOf(a);
}

/** byRevision is ReplicaSetsByRevision: lowest revision first, then oldest. */
export function byRevision(a: ReplicaSetObj, b: ReplicaSetObj): number {
  const d = revisionOf(a) - revisionOf(b);
  return d !== 0 ? d : byCreationTimestamp(a, b);
}

/** findNewReplicaSet is FindNewReplicaSet: the oldest ReplicaSet whose template matches the Deployment's. */
export function findNewReplicaSet(d: DeploymentObj, rsList: ReplicaSetObj[]): ReplicaSetObj | undefined {
  return [...rsList].sort(byCreationTimestamp).find((rs) => equalIgnoreHash(rs.spec.template, d.spec.template));
}

/** findOldReplicaSets is FindOldReplicaSets: every ReplicaSet but the new one. */
export function findOldReplicaSets(d: DeploymentObj, rsList: ReplicaSetObj[]): ReplicaSetObj[] {
  const newRS = findNewReplicaSet(d, rsList);
  return rsList.filter((rs) => rs.metadata.uid !== newRS?.metadata.uid);
}

/** filterActive is FilterActiveReplicaSets: ReplicaSets with spec.replicas > 0. */
export function filterActive(rss: Array<ReplicaSetObj | undefined>): ReplicaSetObj[] {
  return rss.filter((rs): rs is ReplicaSetObj => !!rs && replicasOf(rs) > 0);
}

/** sumStatus adds one status count over ReplicaSets. */
export function sumStatus(rss: Array<ReplicaSetObj | undefined>, field: 'replicas' | 'readyReplicas' | 'availableReplicas'): number {
  return rss.reduce((n, rs) => n + (rs?.status?.[field] ?? 0), 0);
}

/**
 * findActiveOrLatest is FindActiveOrLatest: the only active ReplicaSet, or the newest one
 * when none is active; undefined when several are active (a rollout is in flight).
 */
export function findActiveOrLatest(newRS: ReplicaSetObj | undefined, oldRSs: ReplicaSetObj[]): ReplicaSetObj | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  const newestFirst = [...oldRSs].sort((a, b) => byCreationTimestamp(b, a));
  const active = filterActive([...newestFirst, newRS]);
  if (active.length === 0) return newRS ?? newestFirst[0];
  if (active.length === 1) return active[0];
  return undefined;
}

/** isSaturated is IsSaturated: the new ReplicaSet has all the Deployment's replicas, all available. */
export function isSaturated(d: DeploymentObj, rs: ReplicaSetObj | undefined): boolean {
  if (!rs) return false;
  const desired = desiredReplicasAnnotation(rs);
  if (desired === undefined) return false;
  return replicasOf(rs) === replicasOf(d) && desired === replicasOf(d) && (rs.status?.availableReplicas ?? 0) === replicasOf(d);
}

/** roundHalfAwayFromZero is Go's math.Round (integer.RoundToInt32). */
function roundHalfAwayFromZero(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

/**
 * replicaSetFraction is getReplicaSetFraction: this ReplicaSet's share of a resize,
 * from its size relative to the max-replicas it was sized for.
 */
function replicaSetFraction(rs: ReplicaSetObj, d: DeploymentObj): number {
  if (replicasOf(d) === 0) return -replicasOf(rs);
  const deploymentReplicas = replicasOf(d) + maxSurge(d);
  const annotated = maxReplicasAnnotation(rs) ?? d.status?.replicas ?? 0;
  const newSize = (replicasOf(rs) * deploymentReplicas) / annotated;
  return roundHalfAwayFromZero(newSize) - replicasOf(rs);
}

/** getProportion is GetProportion: how many of the replicas to add (or remove) go to this ReplicaSet. */
export function getProportion(rs: ReplicaSetObj | undefined, d: DeploymentObj, toAdd: number, added: number): number {
  if (!rs || replicasOf(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  const fraction = replicaSetFraction(rs, d);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}
