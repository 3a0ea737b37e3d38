/**
 * The taints the node lifecycle controller derives from a node's conditions and spec
 * (node_lifecycle_controller.go doNoScheduleTaintingPass and doNoExecuteTaintingPass):
 * NotReady and unreachable nodes get NoSchedule and NoExecute taints, pressure
 * conditions and cordoning get NoSchedule taints. Only these keys are managed; other
 * taints (the control-plane one, users' own) are left alone.
 */
import type { Node, NodeCondition, Taint } from 'kubernetes-types/core/v1';

export const TAINT_NOT_READY = 'node.kubernetes.io/not-ready';
export const TAINT_UNREACHABLE = 'node.kubernetes.io/unreachable';
export const TAINT_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';
export const TAINT_MEMORY_PRESSURE = 'node.kubernetes.io/memory-pressure';
export const TAINT_DISK_PRESSURE = 'node.kubernetes.io/disk-pressure';
export const TAINT_PID_PRESSURE = 'node.kubernetes.io/pid-pressure';
export const TAINT_NETWORK_UNAVAILABLE = 'node.kubernetes.io/network-unavailable';

const MANAGED = new Set([TAINT_NOT_READY, TAINT_UNREACHABLE, TAINT_UNSCHEDULABLE, TAINT_MEMORY_PRESSURE, TAINT_DISK_PRESSURE, TAINT_PID_PRESSURE, TAINT_NETWORK_UNAVAILABLE]);

/** condition finds a node condition by type. */
export function condition(node: Node, type: string): NodeCondition | undefined {
  return node.status?.conditions?.find((c) => c.type === type);
}

/** desiredManagedTaints lists the managed taints the node should carry now (NoSchedule first, as the passes add them). */
export function desiredManagedTaints(node: Node): Array<Pick<Taint, 'key' | 'effect'>> {
  const out: Array<Pick<Taint, 'key' | 'effect'>> = [];
  const ready = condition(node, 'Ready')?.status;
  const noExecute = ready === 'False' ? TAINT_NOT_READY : ready === 'Unknown' ? TAINT_UNREACHABLE : undefined;
  if (noExecute) out.push({ key: noExecute, effect: 'NoSchedule' });
  if (condition(node, 'MemoryPressure')?.status === 'True') out.push({ key: TAINT_MEMORY_PRESSURE, effect: 'NoSchedule' });
  if (condition(node, 'DiskPressure')?.status === 'True') out.push({ key: TAINT_DISK_PRESSURE, effect: 'NoSchedule' });
  if (condition(node, 'PIDPressure')?.status === 'True') out.push({ key: TAINT_PID_PRESSURE, effect: 'NoSchedule' });
  if (condition(node, 'NetworkUnavailable')?.status === 'True') out.push({ key: TAINT_NETWORK_UNAVAILABLE, effect: 'NoSchedule' });
  if (node.spec?.unschedulable) out.push({ key: TAINT_UNSCHEDULABLE, effect: 'NoSchedule' });
  if (noExecute) out.push({ key: noExecute, effect: 'NoExecute' });
  return out;
}

/**
 * reconcileTaints returns the node's new taint list, or undefined when nothing changes.
 * Unmanaged taints and unchanged managed ones keep their place (and timeAdded); new
 * NoExecute taints are stamped with timeAdded, which taint eviction counts from.
 */
export function reconcileTaints(node: Node, nowISO: string): Taint[] | undefined {
  const current = node.spec?.taints ?? [];
  const desired = desiredManagedTaints(node);
  const same = (a: Pick<Taint, 'key' | 'effect'>, b: Pick<Taint, 'key' | 'effect'>) => a.key === b.key && a.effect === b.effect;
  const kept = current.filter((t) => !MANAGED.has(t.key) || desired.some((d) => same(d, t)));
  const added = desired.filter((d) => !current.some((t) => same(d, t))).map((d) => (d.effect === 'NoExecute' ? { ...d, timeAdded: nowISO } : { ...d }));
  if (added.length === 0 && kept.length === current.length) return undefined;
  return [...kept, ...added] as Taint[];
}
