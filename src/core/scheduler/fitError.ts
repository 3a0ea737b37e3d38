/**
 * The text of a scheduling failure, as FitError.Error() builds it
 * (pkg/scheduler/framework/types.go):
 *
 *   0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod..
 *
 * Every reason of every node is counted, rendered "<count> <reason>" and sorted as strings;
 * each section ends with "." (so a nested FitError from preemption ends with "..").
 */
import type { Status } from './types.ts';

/** ERR_NO_NODES_AVAILABLE is ErrNoNodesAvailable's text (an empty cluster). */
export const ERR_NO_NODES_AVAILABLE = 'no nodes available to schedule pods';

/** statusMessage is Status.Message(): the reasons joined with ", ". */
export function statusMessage(status: Status): string {
  return status.reasons.join(', ');
}

/** reasonHistogram counts each reason over the nodes' statuses and sorts "<n> <reason>" strings. */
export function reasonHistogram(nodeStatuses: Iterable<Status>): string[] {
  const counts = new Map<string, number>();
  for (const status of nodeStatuses) for (const r of status.reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  return [...counts].map(([reason, n]) => `${n} ${reason}`).sort();
}

/** FitErrorParts is what FitError carries: how many nodes, and why each was rejected. */
export interface FitErrorParts {
  numAllNodes: number;
  nodeStatuses: Iterable<Status>;
  /** preFilterMsg replaces the per-node reasons when a PreFilter plugin rejected the pod. */
  preFilterMsg?: string;
  /** postFilterMsg is what preemption said ("preemption: ..."). */
  postFilterMsg?: string;
}

/** fitErrorMessage is FitError.Error(). */
export function fitErrorMessage(parts: FitErrorParts): string {
  let msg = `0/${parts.numAllNodes} nodes are available:`;
  if (parts.preFilterMsg) {
    msg += ` ${parts.preFilterMsg}.`;
  } else {
    const sorted = reasonHistogram(parts.nodeStatuses);
    if (sorted.length > 0) msg += ` ${sorted.join(', ')}.`;
  }
  if (parts.postFilterMsg) msg += ` ${parts.postFilterMsg}.`;
  return msg;
}
