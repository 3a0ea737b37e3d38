/**
 * DaemonSet status (pkg/controller/daemon/daemon_controller.go updateDaemonSetStatus):
 * counted per node that should run the daemon, from its oldest live pod.
 */
import { asPod, isPodAvailable, isPodReady } from '../../api/podUtil.ts';
import type { KubeObject } from '../../api/types.ts';
import { REVISION_HASH_LABEL } from './daemonPod.ts';

/** DaemonSetStatus is apps/v1 DaemonSetStatus with its optional fields omitted when zero. */
export interface DaemonSetStatus {
  currentNumberScheduled: number;
  numberMisscheduled: number;
  desiredNumberScheduled: number;
  numberReady: number;
  observedGeneration?: number;
  updatedNumberScheduled?: number;
  numberAvailable?: number;
  numberUnavailable?: number;
}

/** NodeState is what the controller knows about one node for one DaemonSet. */
export interface NodeState {
  shouldRun: boolean;
  /** shouldContinueRunning: an existing pod may stay (only an untolerated NoSchedule taint stops new ones). */
  shouldContinueRunning: boolean;
  /** pods are the node's live daemon pods, oldest first. */
  pods: KubeObject[];
}

/** calculateStatus counts the status numbers over every node. */
export function calculateStatus(nodes: NodeState[], hash: string, generation: number | undefined, minReadySeconds: number, now: number): DaemonSetStatus {
  let desired = 0;
  let current = 0;
  let misscheduled = 0;
  let ready = 0;
  let available = 0;
  let updated = 0;
  for (const n of nodes) {
    if (!n.shouldRun) {
      if (n.pods.length > 0) misscheduled++;
      continue;
    }
    desired++;
    if (n.pods.length === 0) continue;
    current++;
    const pod = n.pods[0];
    if (isPodReady(asPod(pod))) {
      ready++;
      if (isPodAvailable(asPod(pod), minReadySeconds, now)) available++;
    }
    if (pod.metadata.labels?.[REVISION_HASH_LABEL] === hash) updated++;
  }
  const status: DaemonSetStatus = { currentNumberScheduled: current, numberMisscheduled: misscheduled, desiredNumberScheduled: desired, numberReady: ready };
  if (generation) status.observedGeneration = generation;
  if (updated) status.updatedNumberScheduled = updated;
  if (available) status.numberAvailable = available;
  if (desired - available > 0) status.numberUnavailable = desired - available;
  return status;
}
