/**
 * podOrder is the order pods are listed (and take their slots) in a node box: by namespace,
 * then name, except that the pods of one StatefulSet compare by ordinal, so web-2 comes
 * before web-10 as the StatefulSet controller creates and names them
 * (pkg/controller/statefulset/stateful_set_utils.go: getPodName is `<set>-<ordinal>`).
 */
import type { PodItem } from './types.ts';

/** ordinalOf returns the ordinal of a StatefulSet pod's name (`<set>-<n>`), or undefined. */
export function ordinalOf(setName: string, podName: string): number | undefined {
  if (!podName.startsWith(`${setName}-`)) return undefined;
  const rest = podName.slice(setName.length + 1);
  return /^(0|[1-9][0-9]*)$/.test(rest) ? Number(rest) : undefined;
}

function statefulSetName(ownerId: string | undefined): string | undefined {
  // Owner ids are store keys: `apps/statefulsets/<namespace>/<name>`.
  return ownerId?.startsWith('apps/statefulsets/') ? ownerId.split('/').slice(3).join('/') : undefined;
}

/** podOrder compares two pods: namespace, then StatefulSet ordinal, then name. */
export function podOrder(a: Pick<PodItem, 'namespace' | 'name' | 'ownerId'>, b: Pick<PodItem, 'namespace' | 'name' | 'ownerId'>): number {
  if (a.namespace !== b.namespace) return a.namespace.localeCompare(b.namespace);
  const set = a.ownerId === b.ownerId ? statefulSetName(a.ownerId) : undefined;
  if (set !== undefined) {
    const x = ordinalOf(set, a.name);
    const y = ordinalOf(set, b.name);
    if (x !== undefined && y !== undefined && x !== y) return x - y;
  }
  return a.name.localeCompare(b.name);
}
