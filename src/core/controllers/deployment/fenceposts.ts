/**
 * maxSurge / maxUnavailable arithmetic, after pkg/controller/deployment/util/deployment_util.go
 * (ResolveFenceposts, MaxSurge, MaxUnavailable, NewRSNewReplicas) and
 * k8s.io/apimachinery/pkg/util/intstr GetScaledValueFromIntOrPercent.
 */
import type { DeploymentObj, ReplicaSetObj } from './types.ts';
import { replicasOf } from './types.ts';

/** IntOrString is intstr.IntOrString in JSON form. */
export type IntOrString = number | string;

/**
 * scaledValue is GetScaledValueFromIntOrPercent: an int as is, "N%" of total rounded up
 * (maxSurge) or down (maxUnavailable).
 */
export function scaledValue(v: IntOrString | undefined, total: number, roundUp: boolean): number {
  if (v === undefined || v === null) return 0;
  if (typeof v === 'number') return v;
  const m = /^(-?\d+)%$/.exec(v);
  if (!m) {
    if (/^-?\d+$/.test(v)) return Number(v);
    throw new Error(`invalid value for IntOrString: invalid value "${v}": strconv.Atoi: parsing "${v.replace(/%$/, '')}": invalid syntax`);
  }
  const scaled = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(scaled) : Math.floor(scaled);
}

/** isRollingUpdate says whether the Deployment uses the RollingUpdate strategy. */
export function isRollingUpdate(d: DeploymentObj): boolean {
  return (d.spec.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
}

/**
 * resolveFenceposts is ResolveFenceposts: when both resolve to zero (a small percent of
 * few replicas), maxUnavailable becomes 1 so the rollout can still move.
 */
export function resolveFenceposts(maxSurge: IntOrString | undefined, maxUnavailable: IntOrString | undefined, desired: number): [number, number] {
  const surge = scaledValue(maxSurge ?? 0, desired, true);
  let unavailable = scaledValue(maxUnavailable, desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return [surge, unavailable];
}

/** maxSurge is MaxSurge: 0 unless RollingUpdate. */
export function maxSurge(d: DeploymentObj): number {
  if (!isRollingUpdate(d)) return 0;
  const ru = d.spec.strategy?.rollingUpdate;
  return resolveFenceposts(ru?.maxSurge, ru?.maxUnavailable, replicasOf(d))[0];
}

/** maxUnavailable is MaxUnavailable: 0 unless RollingUpdate with replicas, and never above replicas. */
export function maxUnavailable(d: DeploymentObj): number {
  const replicas = replicasOf(d);
  if (!isRollingUpdate(d) || replicas === 0) return 0;
  const ru = d.spec.strategy?.rollingUpdate;
  const unavailable = resolveFenceposts(ru?.maxSurge, ru?.maxUnavailable, replicas)[1];
  return Math.min(unavailable, replicas);
}

/** totalReplicas is GetReplicaCountForReplicaSets: the sum of spec.replicas. */
export function totalReplicas(rss: Array<ReplicaSetObj | undefined>): number {
  return rss.reduce((n, rs) => n + (rs ? replicasOf(rs) : 0), 0);
}

/**
 * newRSNewReplicas is NewRSNewReplicas: how big the new ReplicaSet may be now. With
 * RollingUpdate, up to replicas+maxSurge pods in total, never above replicas.
 */
export function newRSNewReplicas(d: DeploymentObj, allRSs: Array<ReplicaSetObj | undefined>, newRS: ReplicaSetObj): number {
  const replicas = replicasOf(d);
  if (!isRollingUpdate(d)) return replicas;
  const surge = scaledValue(d.spec.strategy?.rollingUpdate?.maxSurge ?? 0, replicas, true);
  const current = totalReplicas(allRSs);
  const maxTotal = replicas + surge;
  if (current >= maxTotal) return replicasOf(newRS);
  const scaleUp = Math.min(maxTotal - current, replicas - replicasOf(newRS));
  return replicasOf(newRS) + scaleUp;
}
