/**
 * Which nodes a DaemonSet's pod belongs on (pkg/controller/daemon/daemon_controller.go
 * NodeShouldRunDaemonPod / predicates): the template's nodeSelector and required node
 * affinity must match the node, and every NoSchedule/NoExecute taint of the node must be
 * tolerated by the pod (with the daemon tolerations added). The matching rules are the
 * scheduler's own, from core/api (controllers may not import the scheduler).
 */
import type { Node, PodSpec } from 'kubernetes-types/core/v1';
import { podSpecMatchesNodeSelectorAndAffinity } from '../../api/nodeAffinity.ts';
import { tolerationsTolerateTaint } from '../../api/tolerations.ts';

/**
 * nodeShouldRunDaemonPod: shouldRun says a pod should be created on the node;
 * shouldContinueRunning says an existing one may stay. An untolerated NoSchedule taint
 * stops new pods but keeps running ones; an untolerated NoExecute taint or a selector
 * mismatch removes them.
 */
export function nodeShouldRunDaemonPod(spec: PodSpec | undefined, node: Node): { shouldRun: boolean; shouldContinueRunning: boolean } {
  if (!podSpecMatchesNodeSelectorAndAffinity(spec, node)) return { shouldRun: false, shouldContinueRunning: false };
  const untolerated = (node.spec?.taints ?? []).filter(
    (taint) => taint.effect !== 'PreferNoSchedule' && !tolerationsTolerateTaint(spec?.tolerations, taint),
  );
  if (untolerated.some((t) => t.effect === 'NoExecute')) return { shouldRun: false, shouldContinueRunning: false };
  return { shouldRun: untolerated.length === 0, shouldContinueRunning: true };
}
