/**
 * NodeUnschedulable (pkg/scheduler/framework/plugins/nodeunschedulable): a cordoned node
 * (spec.unschedulable) takes no new pods unless they tolerate the
 * node.kubernetes.io/unschedulable:NoSchedule taint, as DaemonSet pods do.
 */
import { tolerationsTolerateTaint } from '../../api/tolerations.ts';
import { unresolvable, type FilterPlugin } from '../types.ts';

/** ERR_REASON_UNSCHEDULABLE is the reason shown for cordoned nodes. */
export const ERR_REASON_UNSCHEDULABLE = 'node(s) were unschedulable';

/** nodeUnschedulable is the NodeUnschedulable filter plugin. */
export const nodeUnschedulable: FilterPlugin = {
  name: 'NodeUnschedulable',
  filter(_ctx, pod, nodeInfo) {
    if (!nodeInfo.unschedulable) return undefined;
    const taint = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };
    if (tolerationsTolerateTaint(pod.spec?.tolerations, taint)) return undefined;
    return unresolvable(ERR_REASON_UNSCHEDULABLE);
  },
};
