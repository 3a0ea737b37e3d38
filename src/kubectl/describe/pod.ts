/**
 * `kubectl describe pod` (describe.go: describePod).
 */
import type { Pod, TopologySpreadConstraint } from 'kubernetes-types/core/v1';
import { controllerOf } from '../../core/api/ownerReferences.ts';
import type { KubeObject, OwnerReference } from '../../core/api/types.ts';
import { describeContainers, describeResources } from './containers.ts';
import { describeEvents } from './events.ts';
import { formatLabelSelector, formatRFC1123Z, translateTimestampSince } from './format.ts';
import { printAnnotationsMultiline, printLabelsMultiline, printTolerationsMultiline } from './metaSections.ts';
import { podQOS } from './podResources.ts';
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from './prefixWriter.ts';
import type { DescribeContext } from './types.ts';
import { describeVolumes } from './volumes.ts';

/** controllerOf is metav1.GetControllerOf, re-exported for the other describers. */
export { controllerOf };

/** printController renders "Kind/name" of the controlling owner, or "" (describe.go printController). */
export function printController(obj: { metadata?: { ownerReferences?: OwnerReference[] } }): string {
  const ref = controllerOf(obj);
  return ref ? `${ref.kind}/${ref.name}` : '';
}

/** describeTopologySpreadConstraints writes the constraints sorted by topology key; nothing when there are none. */
export function describeTopologySpreadConstraints(
  constraints: TopologySpreadConstraint[] | undefined,
  w: PrefixWriter,
  space: string,
): void {
  if (!constraints || constraints.length === 0) return;
  const sorted = [...constraints].sort((a, b) => (a.topologyKey < b.topologyKey ? -1 : a.topologyKey > b.topologyKey ? 1 : 0));
  w.write(LEVEL_0, `${space}Topology Spread Constraints:\t`);
  sorted.forEach((c, i) => {
    if (i !== 0) w.write(LEVEL_0, `${space}\t`);
    let text = `${c.topologyKey}:${c.whenUnsatisfiable} when max skew ${c.maxSkew} is exceeded`;
    if (c.labelSelector) text += ` for selector ${formatLabelSelector(c.labelSelector)}`;
    w.write(LEVEL_0, `${text}\n`);
  });
}

/** describePod renders `kubectl describe pod` for one Pod. */
export function describePod(obj: KubeObject, ctx: DescribeContext): string {
  const pod = obj as unknown as Pod;
  const meta = pod.metadata ?? {};
  const spec = pod.spec ?? { containers: [] };
  const status = pod.status ?? {};
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`);
    if (spec.priority !== undefined) w.write(LEVEL_0, `Priority:\t${spec.priority}\n`);
    if (spec.priorityClassName) w.write(LEVEL_0, `Priority Class Name:\t${spec.priorityClassName}\n`);
    if (spec.runtimeClassName) w.write(LEVEL_0, `Runtime Class Name:\t${spec.runtimeClassName}\n`);
    if (spec.serviceAccountName) w.write(LEVEL_0, `Service Account:\t${spec.serviceAccountName}\n`);
    if (!spec.nodeName) w.write(LEVEL_0, 'Node:\t<none>\n');
    else w.write(LEVEL_0, `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n`);
    if (status.startTime) w.write(LEVEL_0, `Start Time:\t${formatRFC1123Z(status.startTime)}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    if (meta.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
      w.write(LEVEL_0, `Status:\tTerminating (lasts ${translateTimestampSince(meta.deletionTimestamp, ctx.now)})\n`);
      w.write(LEVEL_0, `Termination Grace Period:\t${meta.deletionGracePeriodSeconds ?? 0}s\n`);
    } else {
      w.write(LEVEL_0, `Status:\t${status.phase ?? ''}\n`);
    }
    if (status.reason) w.write(LEVEL_0, `Reason:\t${status.reason}\n`);
    if (status.message) w.write(LEVEL_0, `Message:\t${status.message}\n`);
    const seccomp = spec.securityContext?.seccompProfile;
    if (seccomp) {
      w.write(LEVEL_0, `SeccompProfile:\t${seccomp.type}\n`);
      if (seccomp.type === 'Localhost') w.write(LEVEL_0, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`);
    }
    w.write(LEVEL_0, `IP:\t${status.podIP ?? ''}\n`);
    const podIPs = status.podIPs ?? [];
    if (podIPs.length === 0) {
      w.write(LEVEL_0, 'IPs:\t<none>\n');
    } else {
      w.write(LEVEL_0, 'IPs:\n');
      for (const ip of podIPs) w.write(LEVEL_1, `IP:\t${ip.ip}\n`);
    }
    const controlledBy = printController(pod);
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    if (status.nominatedNodeName) w.write(LEVEL_0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);
    const podResources = (spec as { resources?: Parameters<typeof describeResources>[0] }).resources;
    if (podResources) {
      w.write(LEVEL_0, 'Resources:\n');
      describeResources(podResources, w, LEVEL_1);
    }
    if ((spec.initContainers ?? []).length > 0) {
      describeContainers('Init Containers', spec.initContainers!, status.initContainerStatuses, pod, w, '');
    }
    describeContainers('Containers', spec.containers ?? [], status.containerStatuses, pod, w, '');
    if ((spec.ephemeralContainers ?? []).length > 0) {
      describeContainers('Ephemeral Containers', spec.ephemeralContainers!, status.ephemeralContainerStatuses, pod, w, '');
    }
    if ((spec.readinessGates ?? []).length > 0) {
      w.write(LEVEL_0, 'Readiness Gates:\n  Type\tStatus\n');
      for (const gate of spec.readinessGates!) {
        const cond = (status.conditions ?? []).find((c) => c.type === gate.conditionType);
        w.write(LEVEL_1, `${gate.conditionType} \t${cond ? cond.status : '<none>'} \n`);
      }
    }
    if ((status.conditions ?? []).length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\n');
      for (const c of status.conditions!) w.write(LEVEL_1, `${c.type} \t${c.status} \n`);
    }
    describeVolumes(spec.volumes, w, '');
    w.write(LEVEL_0, `QoS Class:\t${podQOS(pod)}\n`);
    printLabelsMultiline(w, 'Node-Selectors', spec.nodeSelector);
    printTolerationsMultiline(w, 'Tolerations', spec.tolerations);
    describeTopologySpreadConstraints(spec.topologySpreadConstraints, w, '');
    if (ctx.events) describeEvents(ctx.events, w, ctx.now);
  });
}
