/**
 * `kubectl describe statefulset` and `kubectl describe daemonset`
 * (describe.go v1.32: describeStatefulSet, describeVolumeClaimTemplates,
 * describeDaemonSet).
 */
import type { DaemonSet, StatefulSet } from 'kubernetes-types/apps/v1';
import type { PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../core/api/types.ts';
import { describeEvents } from './events.ts';
import { formatLabels, formatRFC1123Z, intOrString, labelSelectorString } from './format.ts';
import { printAnnotationsMultiline, printLabelsMultiline } from './metaSections.ts';
import { describePodTemplate } from './podTemplate.ts';
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from './prefixWriter.ts';
import { canonicalQuantity } from './quantity.ts';
import { countPodPhases, podsStatusLine } from './replicaSet.ts';
import type { DescribeContext } from './types.ts';

/** claimStorageClass is storageutil.GetPersistentVolumeClaimClass: the beta annotation wins over the field. */
export function claimStorageClass(pvc: PersistentVolumeClaim): string {
  return pvc.metadata?.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? pvc.spec?.storageClassName ?? '';
}

/** describeVolumeClaimTemplates writes a StatefulSet's `Volume Claims:` section. */
function describeVolumeClaimTemplates(templates: PersistentVolumeClaim[] | undefined, w: PrefixWriter): void {
  if (!templates || templates.length === 0) {
    w.write(LEVEL_0, 'Volume Claims:\t<none>\n');
    return;
  }
  w.write(LEVEL_0, 'Volume Claims:\n');
  for (const pvc of templates) {
    w.write(LEVEL_1, `Name:\t${pvc.metadata?.name ?? ''}\n`);
    w.write(LEVEL_1, `StorageClass:\t${claimStorageClass(pvc)}\n`);
    printLabelsMultiline(w, 'Labels', pvc.metadata?.labels, '  ');
    printLabelsMultiline(w, 'Annotations', pvc.metadata?.annotations, '  ');
    const storage = pvc.spec?.resources?.requests?.['storage'];
    w.write(LEVEL_1, `Capacity:\t${storage === undefined ? '<default>' : canonicalQuantity(storage)}\n`);
    w.write(LEVEL_1, `Access Modes:\t[${(pvc.spec?.accessModes ?? []).join(' ')}]\n`);
  }
}

/** describeStatefulSet renders `kubectl describe statefulset`. */
export function describeStatefulSet(obj: KubeObject, ctx: DescribeContext): string {
  const ss = obj as unknown as StatefulSet;
  const spec = ss.spec ?? { selector: {}, template: {}, serviceName: '' };
  const counts = countPodPhases(ctx.pods, ss.metadata?.uid);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ss.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${ss.metadata?.namespace ?? ''}\n`);
    w.write(LEVEL_0, `CreationTimestamp:\t${formatRFC1123Z(ss.metadata?.creationTimestamp)}\n`);
    w.write(LEVEL_0, `Selector:\t${labelSelectorString(spec.selector)}\n`);
    printLabelsMultiline(w, 'Labels', ss.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', ss.metadata?.annotations);
    w.write(LEVEL_0, `Replicas:\t${spec.replicas ?? 0} desired | ${ss.status?.replicas ?? 0} total\n`);
    w.write(LEVEL_0, `Update Strategy:\t${spec.updateStrategy?.type ?? ''}\n`);
    const ru = spec.updateStrategy?.rollingUpdate;
    if (ru && ru.partition !== undefined) {
      w.write(LEVEL_1, `Partition:\t${ru.partition}\n`);
      if (ru.maxUnavailable !== undefined) w.write(LEVEL_1, `MaxUnavailable:\t${intOrString(ru.maxUnavailable)}\n`);
    }
    w.write(LEVEL_0, `Pods Status:\t${podsStatusLine(counts)}\n`);
    describePodTemplate(spec.template, w);
    describeVolumeClaimTemplates(spec.volumeClaimTemplates, w);
    if (ctx.events) describeEvents(ctx.events, w, ctx.now);
  });
}

/** describeDaemonSet renders `kubectl describe daemonset`. */
export function describeDaemonSet(obj: KubeObject, ctx: DescribeContext): string {
  const ds = obj as unknown as DaemonSet;
  const spec = ds.spec ?? { selector: {}, template: {} };
  const status = ds.status;
  const counts = countPodPhases(ctx.pods, ds.metadata?.uid);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ds.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${ds.metadata?.namespace ?? ''}\n`);
    w.write(LEVEL_0, `Selector:\t${labelSelectorString(spec.selector)}\n`);
    w.write(LEVEL_0, `Node-Selector:\t${formatLabels(spec.template?.spec?.nodeSelector)}\n`);
    printLabelsMultiline(w, 'Labels', ds.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', ds.metadata?.annotations);
    w.write(LEVEL_0, `Desired Number of Nodes Scheduled: ${status?.desiredNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Current Number of Nodes Scheduled: ${status?.currentNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Scheduled with Up-to-date Pods: ${status?.updatedNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Scheduled with Available Pods: ${status?.numberAvailable ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Misscheduled: ${status?.numberMisscheduled ?? 0}\n`);
    w.write(LEVEL_0, `Pods Status:\t${podsStatusLine(counts)}\n`);
    describePodTemplate(spec.template, w);
    if (ctx.events) describeEvents(ctx.events, w, ctx.now);
  });
}
