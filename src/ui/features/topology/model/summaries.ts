/**
 * One short figure per workload, the one its `kubectl get` row leads with: READY for
 * Deployments, ReplicaSets, StatefulSets and DaemonSets, COMPLETIONS for Jobs, SCHEDULE for
 * CronJobs (pkg/printers/internalversion/printers.go).
 */
import type { KubeObject } from '../../../../core/api/types.ts';

type Dict = Record<string, unknown>;

function num(v: unknown, fallback = 0): number {
  return typeof v === 'number' ? v : fallback;
}

/** workloadSummary returns the figure shown on a workload's box. */
export function workloadSummary(obj: KubeObject): string {
  const spec = ((obj as Dict).spec ?? {}) as Dict;
  const status = ((obj as Dict).status ?? {}) as Dict;
  switch (obj.kind) {
    case 'Deployment':
    case 'ReplicaSet':
    case 'StatefulSet':
      return `${num(status.readyReplicas)}/${num(spec.replicas, 1)}`;
    case 'DaemonSet':
      return `${num(status.numberReady)}/${num(status.desiredNumberScheduled)}`;
    case 'Job':
      return `${num(status.succeeded)}/${num(spec.completions, 1)}`;
    case 'CronJob':
      return String(spec.schedule ?? '');
    default:
      return '';
  }
}
