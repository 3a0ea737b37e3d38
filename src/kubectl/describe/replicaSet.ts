/**
 * `kubectl describe replicaset` (describe.go: describeReplicaSet), plus the pod
 * phase count shared with other controllers (getPodStatusForController).
 */
import type { Pod, ReplicationController } from 'kubernetes-types/core/v1';
import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import type { KubeObject } from '../../core/api/types.ts';
import { describeEvents } from './events.ts';
import { formatLabelSelector, formatLabels } from './format.ts';
import { printAnnotationsMultiline, printLabelsMultiline } from './metaSections.ts';
import { controllerOf, printController } from './pod.ts';
import { describePodTemplate } from './podTemplate.ts';
import { LEVEL_0, LEVEL_1, tabbedString } from './prefixWriter.ts';
import type { DescribeContext } from './types.ts';

/** PodPhaseCounts is how many controlled pods are Running / Pending / Succeeded / Failed. */
export interface PodPhaseCounts {
  running: number;
  waiting: number;
  succeeded: number;
  failed: number;
}

/** countPodPhases counts the pods whose controller has `uid` (orphans and others' pods are skipped). */
export function countPodPhases(pods: Pod[] | undefined, uid: string | undefined): PodPhaseCounts {
  const counts = { running: 0, waiting: 0, succeeded: 0, failed: 0 };
  for (const pod of pods ?? []) {
    const ref = controllerOf(pod);
    if (!ref || ref.uid !== uid) continue;
    switch (pod.status?.phase) {
      case 'Running':
        counts.running++;
        break;
      case 'Pending':
        counts.waiting++;
        break;
      case 'Succeeded':
        counts.succeeded++;
        break;
      case 'Failed':
        counts.failed++;
        break;
    }
  }
  return counts;
}

/** podsStatusLine renders "1 Running / 0 Waiting / 0 Succeeded / 0 Failed". */
export function podsStatusLine(c: PodPhaseCounts): string {
  return `${c.running} Running / ${c.waiting} Waiting / ${c.succeeded} Succeeded / ${c.failed} Failed`;
}

/** describeReplicaSet renders `kubectl describe replicaset`. */
export function describeReplicaSet(obj: KubeObject, ctx: DescribeContext): string {
  const rs = obj as unknown as ReplicaSet;
  const counts = countPodPhases(ctx.pods, rs.metadata?.uid);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${rs.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${rs.metadata?.namespace ?? ''}\n`);
    w.write(LEVEL_0, `Selector:\t${formatLabelSelector(rs.spec?.selector)}\n`);
    printLabelsMultiline(w, 'Labels', rs.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', rs.metadata?.annotations);
    const controlledBy = printController(rs);
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    w.write(LEVEL_0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 0} desired\n`);
    w.write(LEVEL_0, 'Pods Status:\t');
    w.write(LEVEL_0, `${podsStatusLine(counts)}\n`);
    describePodTemplate(rs.spec?.template, w);
    if ((rs.status?.conditions ?? []).length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
      w.write(LEVEL_1, '----\t------\t------\n');
      for (const c of rs.status!.conditions!) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
    }
    if (ctx.events) describeEvents(ctx.events, w, ctx.now);
  });
}

/** describeReplicationController renders `kubectl describe rc` (describe.go: describeReplicationController). */
export function describeReplicationController(obj: KubeObject, ctx: DescribeContext): string {
  const rc = obj as unknown as ReplicationController;
  const counts = countPodPhases(ctx.pods, rc.metadata?.uid);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${rc.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${rc.metadata?.namespace ?? ''}\n`);
    w.write(LEVEL_0, `Selector:\t${formatLabels(rc.spec?.selector)}\n`);
    printLabelsMultiline(w, 'Labels', rc.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', rc.metadata?.annotations);
    w.write(LEVEL_0, `Replicas:\t${rc.status?.replicas ?? 0} current / ${rc.spec?.replicas ?? 0} desired\n`);
    w.write(LEVEL_0, `Pods Status:\t${podsStatusLine(counts)}\n`);
    describePodTemplate(rc.spec?.template, w);
    if ((rc.status?.conditions ?? []).length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
      w.write(LEVEL_1, '----\t------\t------\n');
      for (const c of rc.status!.conditions!) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
    }
    if (ctx.events) describeEvents(ctx.events, w, ctx.now);
  });
}
