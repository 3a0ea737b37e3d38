/**
 * Pod table: NAME, READY, STATUS, RESTARTS, AGE (+ IP, NODE, NOMINATED NODE, READINESS GATES).
 *
 * Models printPod in pkg/printers/internalversion/printers.go, including the order in
 * which the STATUS cell is overridden (scheduling gates, init containers, container
 * reasons, Completed-but-still-running, Terminating, NodeLost) and sidecar handling.
 */
import type { KubeObject } from '../../api/types.ts';
import { translateTimestampSince } from '../../api/humanDuration.ts';
import { age, type Dict } from './cells.ts';
import { ageColumn, column, nameColumn, type RowResult, type TableDefinition } from './tableDefinition.ts';

const NODE_UNREACHABLE_POD_REASON = 'NodeLost';

function isRestartableInitContainer(container: Dict | undefined): boolean {
  return container?.restartPolicy === 'Always';
}

function conditionTrue(status: Dict, type: string): boolean {
  return (status.conditions ?? []).some((c: Dict) => c.type === type && c.status === 'True');
}

function later(current: string, candidate: string | undefined): string {
  if (!candidate) return current;
  return current === '' || Date.parse(candidate) > Date.parse(current) ? candidate : current;
}

/** podRow computes the pod cells; exported for describers that reuse the STATUS logic. */
export function podRow(obj: KubeObject, now: number): RowResult {
  const pod = obj as Dict;
  const spec: Dict = pod.spec ?? {};
  const status: Dict = pod.status ?? {};
  const initSpecs: Dict[] = spec.initContainers ?? [];
  let restarts = 0;
  let sidecarRestarts = 0;
  let totalContainers = (spec.containers ?? []).length;
  let readyContainers = 0;
  let lastRestart = '';
  let lastSidecarRestart = '';

  const phase: string = status.phase ?? '';
  let reason: string = status.reason || phase;
  for (const c of status.conditions ?? []) {
    if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated';
  }

  let conditions: RowResult['conditions'];
  if (phase === 'Succeeded' || phase === 'Failed') {
    conditions = [{ type: 'Completed', status: 'True', reason: phase, message: `The pod has completed ${phase === 'Succeeded' ? 'successfully' : 'with failure'}.` }];
  }

  const initByName = new Map<string, Dict>();
  for (const c of initSpecs) {
    initByName.set(c.name, c);
    if (isRestartableInitContainer(c)) totalContainers++;
  }

  let initializing = false;
  const initStatuses: Dict[] = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const cs = initStatuses[i];
    restarts += cs.restartCount ?? 0;
    lastRestart = later(lastRestart, cs.lastState?.terminated?.finishedAt);
    const sidecar = isRestartableInitContainer(initByName.get(cs.name));
    if (sidecar) {
      sidecarRestarts += cs.restartCount ?? 0;
      lastSidecarRestart = later(lastSidecarRestart, cs.lastState?.terminated?.finishedAt);
    }
    const terminated: Dict | undefined = cs.state?.terminated;
    const waiting: Dict | undefined = cs.state?.waiting;
    if (terminated && (terminated.exitCode ?? 0) === 0) continue;
    if (sidecar && cs.started === true) {
      if (cs.ready) readyContainers++;
      continue;
    }
    if (terminated) {
      if (!terminated.reason) {
        reason = terminated.signal ? `Init:Signal:${terminated.signal}` : `Init:ExitCode:${terminated.exitCode ?? 0}`;
      } else {
        reason = `Init:${terminated.reason}`;
      }
    } else if (waiting && waiting.reason && waiting.reason !== 'PodInitializing') {
      reason = `Init:${waiting.reason}`;
    } else {
      reason = `Init:${i}/${initSpecs.length}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || conditionTrue(status, 'Initialized')) {
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    const statuses: Dict[] = status.containerStatuses ?? [];
    // Upstream walks the statuses backwards so the first container's reason wins.
    for (let i = statuses.length - 1; i >= 0; i--) {
      const cs = statuses[i];
      restarts += cs.restartCount ?? 0;
      lastRestart = later(lastRestart, cs.lastState?.terminated?.finishedAt);
      const waiting: Dict | undefined = cs.state?.waiting;
      const terminated: Dict | undefined = cs.state?.terminated;
      if (waiting && waiting.reason) {
        reason = waiting.reason;
      } else if (terminated && terminated.reason) {
        reason = terminated.reason;
      } else if (terminated) {
        reason = terminated.signal ? `Signal:${terminated.signal}` : `ExitCode:${terminated.exitCode ?? 0}`;
      } else if (cs.ready && cs.state?.running) {
        hasRunning = true;
        readyContainers++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      reason = conditionTrue(status, 'Ready') ? 'Running' : 'NotReady';
    }
  }

  const deleting = Boolean(pod.metadata.deletionTimestamp);
  if (deleting && status.reason === NODE_UNREACHABLE_POD_REASON) {
    reason = 'Unknown';
  } else if (deleting && phase !== 'Succeeded' && phase !== 'Failed') {
    reason = 'Terminating';
  }

  let restartsCell = String(restarts);
  if (restarts !== 0 && lastRestart !== '') {
    restartsCell = `${restarts} (${translateTimestampSince(lastRestart, now)} ago)`;
  }

  const podIP: string = status.podIPs?.[0]?.ip || '<none>';
  const nodeName: string = spec.nodeName || '<none>';
  const nominated: string = status.nominatedNodeName || '<none>';
  let readinessGates = '<none>';
  const gates: Dict[] = spec.readinessGates ?? [];
  if (gates.length > 0) {
    let trueCount = 0;
    for (const gate of gates) {
      const cond = (status.conditions ?? []).find((c: Dict) => c.type === gate.conditionType);
      if (cond?.status === 'True') trueCount++;
    }
    readinessGates = `${trueCount}/${gates.length}`;
  }

  return {
    cells: [
      pod.metadata.name,
      `${readyContainers}/${totalContainers}`,
      reason,
      restartsCell,
      age(obj, now),
      podIP,
      nodeName,
      nominated,
      readinessGates,
    ],
    conditions,
  };
}

/** podTable is the Table definition of core/v1 pods. */
export const podTable: TableDefinition = {
  columns: [
    nameColumn,
    column('Ready', 'string', 'The aggregate readiness state of this pod for accepting traffic.'),
    column('Status', 'string', 'The aggregate status of the containers in this pod.'),
    column(
      'Restarts',
      'string',
      'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.',
    ),
    ageColumn,
    column('IP', 'string', 'podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.', { priority: 1 }),
    column('Node', 'string', 'NodeName indicates in which node this pod is scheduled.', { priority: 1 }),
    column('Nominated Node', 'string', 'nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot be scheduled right away as preemption victims receive their graceful termination periods.', { priority: 1 }),
    column('Readiness Gates', 'string', 'If specified, all readiness gates will be evaluated for pod readiness. A pod is ready when all its containers are ready AND all conditions specified in the readiness gates have status equal to "True" More info: https://git.k8s.io/enhancements/keps/sig-network/580-pod-readiness-gates', { priority: 1 }),
  ],
  row: podRow,
};
