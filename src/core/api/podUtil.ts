/**
 * Pod predicates the controllers and the network share, after k8s.io/kubernetes/pkg/api/v1/pod/util.go
 * (IsPodReady, IsPodAvailable, FindPort) and pkg/controller/controller_utils.go (IsPodActive).
 */
import { parseTime } from './time.ts';
import type { ServicePort } from 'kubernetes-types/core/v1';
import type { KubeObject, Pod } from './types.ts';

/** isPodActive is controller.IsPodActive: not finished and not being deleted. */
export function isPodActive(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata?.deletionTimestamp;
}

/** podReadyCondition returns the pod's Ready condition, if any. */
export function podReadyCondition(pod: Pod) {
  // A plain loop: controllers call this for every pod of a workload on every sync.
  const conditions = pod.status?.conditions;
  if (!conditions) return undefined;
  for (let i = 0; i < conditions.length; i++) if (conditions[i].type === 'Ready') return conditions[i];
  return undefined;
}

/** isPodReady is podutil.IsPodReady: the Ready condition is True. */
export function isPodReady(pod: Pod): boolean {
  return podReadyCondition(pod)?.status === 'True';
}

/**
 * isPodAvailable is podutil.IsPodAvailable: ready, and ready for at least minReadySeconds.
 * NOTE: upstream uses a strict `Before(now)`, so a pod ready exactly minReadySeconds ago
 * is not yet available.
 */
export function isPodAvailable(pod: Pod, minReadySeconds: number, now: number): boolean {
  if (!isPodReady(pod)) return false;
  if (minReadySeconds === 0) return true;
  const since = parseTime(podReadyCondition(pod)?.lastTransitionTime);
  return !Number.isNaN(since) && since + minReadySeconds * 1000 < now;
}

/**
 * findPort is podutil.FindPort: a numeric targetPort is used as is (targetPort defaults to
 * port); a named one is looked up among the containers' ports with the same protocol.
 */
export function findPort(pod: Pod, sp: ServicePort): number | undefined {
  const target = sp.targetPort ?? sp.port;
  if (typeof target === 'number') return target;
  if (/^\d+$/.test(target)) return Number(target);
  const protocol = sp.protocol ?? 'TCP';
  for (const c of pod.spec?.containers ?? []) {
    for (const p of c.ports ?? []) {
      if (p.name === target && (p.protocol ?? 'TCP') === protocol) return p.containerPort;
    }
  }
  return undefined;
}

/** asPod views a cached object as a Pod. */
export function asPod(obj: KubeObject): Pod {
  return obj as unknown as Pod;
}
