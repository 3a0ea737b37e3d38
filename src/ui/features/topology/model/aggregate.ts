/**
 * Aggregation: past a few hundred pods, drawing each one helps nobody and costs frames, so
 * the pods of one owner on one node become one box ("ReplicaSet web-5d4f… ×240") that
 * counts them by status.
 */
import type { PodGroupItem, PodItem } from './types.ts';

/** AGGREGATE_ABOVE is the number of visible pods past which pods are aggregated. */
export const AGGREGATE_ABOVE = 200;

/**
 * UNAGGREGATE_BELOW is where an aggregated picture goes back to single pods. The gap keeps a
 * picture near the threshold from flipping back and forth (a rolling update of 200 replicas
 * swings between 200 and 250 pods): each flip redraws every pod box, which is both a long
 * task and a picture that will not hold still.
 */
export const UNAGGREGATE_BELOW = 160;

/** aggregateThreshold is the pod count past which pods are aggregated, given whether they were. */
export function aggregateThreshold(wasAggregated: boolean): number {
  return wasAggregated ? UNAGGREGATE_BELOW : AGGREGATE_ABOVE;
}

/**
 * podGroupId names the group of pods of one owner (or of no owner) in one namespace on one
 * node box: `podgroup:<node box id>:<namespace>:<owner id>`. None of these contain a colon
 * (object names cannot), so the inspector can take the id apart again (podGroups.ts).
 */
export function podGroupId(group: string, namespace: string, ownerId: string | undefined): string {
  return `podgroup:${group}:${namespace}:${ownerId ?? ''}`;
}

/** shortName trims a long generated name so the label stays one line ("web-5d4f…"). */
export function shortName(name: string, max = 12): string {
  return name.length <= max ? name : `${name.slice(0, max - 3)}…`;
}

/** aggregatePods replaces pods by one PodGroupItem per (node box, namespace, owner); ids are podGroupId's. */
export function aggregatePods(pods: readonly PodItem[], ownerOf: (ownerId: string | undefined) => { kind: string; name: string } | undefined): PodGroupItem[] {
  const buckets = new Map<string, PodItem[]>();
  for (const p of pods) {
    const k = podGroupId(p.group, p.namespace, p.ownerId);
    const list = buckets.get(k);
    if (list) list.push(p);
    else buckets.set(k, [p]);
  }
  const out: PodGroupItem[] = [];
  for (const [k, list] of buckets) {
    const first = list[0];
    const counts = new Map<string, number>();
    for (const p of list) counts.set(p.status, (counts.get(p.status) ?? 0) + 1);
    const statuses = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const owner = ownerOf(first.ownerId);
    out.push({
      id: k,
      kind: 'PodGroup',
      name: owner?.name ?? 'pods',
      namespace: first.namespace,
      group: first.group,
      ...(first.ownerId ? { ownerId: first.ownerId } : {}),
      count: list.length,
      statuses,
      label: owner ? `${owner.kind} ${shortName(owner.name)} ×${list.length}` : `Pods ×${list.length}`,
    });
  }
  return out.sort((a, b) => a.id.localeCompare(b.id));
}
