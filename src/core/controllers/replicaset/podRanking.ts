/**
 * Which pods a ReplicaSet deletes first when it has too many: upstream's
 * `getPodsToDelete` (pkg/controller/replicaset/replica_set.go) sorting with
 * `controller.ActivePodsWithRanks` (pkg/controller/controller_utils.go), v1.32 with the
 * PodDeletionCost and LogarithmicScaleDown features on (their defaults).
 *
 * The idea: remove the pods that hurt least first — not yet scheduled, still starting,
 * not ready, cheap to delete, doubled up on a node, most recently ready, crash-looping,
 * youngest.
 */
import { parseTime } from '../../api/time.ts';
import type { Pod } from '../../api/types.ts';
import { isPodActive, isPodReady, podReadyCondition } from '../../api/podUtil.ts';

/** POD_DELETION_COST_ANNOTATION is controller.kubernetes.io/pod-deletion-cost (int32, default 0). */
export const POD_DELETION_COST_ANNOTATION = 'controller.kubernetes.io/pod-deletion-cost';

const phaseOrdinal: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

function deletionCost(pod: Pod): number {
  const raw = pod.metadata?.annotations?.[POD_DELETION_COST_ANNOTATION];
  if (raw === undefined || !/^[-+]?\d+$/.test(raw)) return 0;
  const n = Number(raw);
  return n >= -2147483648 && n <= 2147483647 ? n : 0;
}

/** maxContainerRestarts is upstream's pair: regular containers, then restartable (sidecar) init containers. */
function maxContainerRestarts(pod: Pod): [number, number] {
  let regular = 0;
  let sidecar = 0;
  for (const cs of pod.status?.containerStatuses ?? []) regular = Math.max(regular, cs.restartCount ?? 0);
  const sidecars = new Set((pod.spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always').map((c) => c.name));
  for (const cs of pod.status?.initContainerStatuses ?? []) {
    if (sidecars.has(cs.name)) sidecar = Math.max(sidecar, cs.restartCount ?? 0);
  }
  return [regular, sidecar];
}

/** afterOrZero: a zero time sorts first, otherwise the later time sorts first. */
function afterOrZero(t1: number, t2: number): boolean {
  if (Number.isNaN(t1) || Number.isNaN(t2)) return Number.isNaN(t1);
  return t1 > t2;
}

/**
 * logarithmicRankDiff buckets ages by powers of two (in nanoseconds, as Go's Duration),
 * so pods of similar age count as equal and the UID breaks the tie at random.
 */
function logarithmicRankDiff(t1: number, t2: number, now: number): number {
  const d1 = (now - t1) * 1e6;
  const d2 = (now - t2) * 1e6;
  const r1 = d1 > 0 ? Math.floor(Math.log2(d1)) : -1;
  const r2 = d2 > 0 ? Math.floor(Math.log2(d2)) : -1;
  return r1 - r2;
}

/** compareByTimeBucket is the shared tail of rules 6 and 8. */
function compareByTimeBucket(a: Pod, b: Pod, ta: number, tb: number, now: number): boolean {
  if (Number.isNaN(ta) || Number.isNaN(tb)) return afterOrZero(ta, tb);
  const diff = logarithmicRankDiff(ta, tb, now);
  if (diff === 0) return (a.metadata?.uid ?? '') < (b.metadata?.uid ?? '');
  return diff < 0;
}

/** RankedPod is a pod and how many active sibling pods share its node. */
export interface RankedPod {
  pod: Pod;
  rank: number;
}

/** podDeletionLess is ActivePodsWithRanks.Less: true when `a` should be deleted before `b`. */
export function podDeletionLess(a: RankedPod, b: RankedPod, now: number): boolean {
  const pa = a.pod;
  const pb = b.pod;
  const na = pa.spec?.nodeName ?? '';
  const nb = pb.spec?.nodeName ?? '';
  // 1. Unassigned < assigned.
  if (na !== nb && (na === '' || nb === '')) return na === '';
  // 2. Pending < Unknown < Running.
  const oa = phaseOrdinal[pa.status?.phase ?? ''] ?? 0;
  const ob = phaseOrdinal[pb.status?.phase ?? ''] ?? 0;
  if (oa !== ob) return oa < ob;
  // 3. Not ready < ready.
  const ra = isPodReady(pa);
  const rb = isPodReady(pb);
  if (ra !== rb) return !ra;
  // 4. Lower pod-deletion-cost < higher.
  const ca = deletionCost(pa);
  const cb = deletionCost(pb);
  if (ca !== cb) return ca < cb;
  // 5. Doubled up (more siblings on the same node) < not doubled up.
  if (a.rank !== b.rank) return a.rank > b.rank;
  // 6. Ready for less time < more time.
  if (ra && rb) {
    const ta = parseTime(podReadyCondition(pa)?.lastTransitionTime);
    const tb = parseTime(podReadyCondition(pb)?.lastTransitionTime);
    if (ta !== tb && !(Number.isNaN(ta) && Number.isNaN(tb))) return compareByTimeBucket(pa, pb, ta, tb, now);
  }
  // 7. More container restarts < fewer.
  const [ga, sa] = maxContainerRestarts(pa);
  const [gb, sb] = maxContainerRestarts(pb);
  if (ga !== gb) return ga > gb;
  if (sa !== sb) return sa > sb;
  // 8. Empty creation time < newer < older.
  const ta = parseTime(pa.metadata?.creationTimestamp);
  const tb = parseTime(pb.metadata?.creationTimestamp);
  if (ta !== tb && !(Number.isNaN(ta) && Number.isNaN(tb))) return compareByTimeBucket(pa, pb, ta, tb, now);
  return false;
}

/**
 * getPodsToDelete returns the `diff` pods to delete from `pods`, ranked against the
 * `related` pods (every pod of the ReplicaSets sharing this one's owner), as upstream's
 * getPodsRankedByRelatedPodsOnSameNode does.
 */
export function getPodsToDelete(pods: Pod[], related: Pod[], diff: number, now: number): Pod[] {
  if (diff >= pods.length) return pods.slice(0, diff);
  const onNode = new Map<string, number>();
  for (const p of related) {
    if (isPodActive(p)) {
      const node = p.spec?.nodeName ?? '';
      onNode.set(node, (onNode.get(node) ?? 0) + 1);
    }
  }
  const ranked: RankedPod[] = pods.map((pod) => ({ pod, rank: onNode.get(pod.spec?.nodeName ?? '') ?? 0 }));
  ranked.sort((a, b) => (podDeletionLess(a, b, now) ? -1 : podDeletionLess(b, a, now) ? 1 : 0));
  return ranked.slice(0, diff).map((r) => r.pod);
}
