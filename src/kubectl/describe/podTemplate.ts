/**
 * The `Pod Template:` block shared by Deployment, ReplicaSet, StatefulSet,
 * DaemonSet and Job (describe.go: DescribePodTemplate).
 */
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import { describeContainers } from './containers.ts';
import { printAnnotationsMultiline, printLabelsMultiline, printTolerationsMultiline } from './metaSections.ts';
import { describeTopologySpreadConstraints } from './pod.ts';
import { LEVEL_0, LEVEL_1, type PrefixWriter } from './prefixWriter.ts';
import { describeVolumes } from './volumes.ts';

/** describePodTemplate writes `Pod Template:` with labels, containers, volumes, node selectors and tolerations. */
export function describePodTemplate(template: PodTemplateSpec | undefined, w: PrefixWriter): void {
  w.write(LEVEL_0, 'Pod Template:\n');
  if (!template) {
    w.write(LEVEL_1, '<unset>');
    return;
  }
  const spec = template.spec ?? { containers: [] };
  printLabelsMultiline(w, '  Labels', template.metadata?.labels);
  if (Object.keys(template.metadata?.annotations ?? {}).length > 0) {
    printAnnotationsMultiline(w, '  Annotations', template.metadata?.annotations);
  }
  if (spec.serviceAccountName) w.write(LEVEL_1, `Service Account:\t${spec.serviceAccountName}\n`);
  if ((spec.initContainers ?? []).length > 0) {
    describeContainers('Init Containers', spec.initContainers!, undefined, undefined, w, '  ');
  }
  describeContainers('Containers', spec.containers ?? [], undefined, undefined, w, '  ');
  describeVolumes(spec.volumes, w, '  ');
  describeTopologySpreadConstraints(spec.topologySpreadConstraints, w, '  ');
  if (spec.priorityClassName) w.write(LEVEL_1, `Priority Class Name:\t${spec.priorityClassName}\n`);
  printLabelsMultiline(w, '  Node-Selectors', spec.nodeSelector);
  printTolerationsMultiline(w, '  Tolerations', spec.tolerations);
}
