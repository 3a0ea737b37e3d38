/**
 * Building a DaemonSet's pod for one node (pkg/controller/daemon/util/daemonset_util.go):
 * the template with the daemon tolerations added, node affinity pinned to the node with
 * `matchFields metadata.name`, and the `controller-revision-hash` and
 * `pod-template-generation` labels that tell old pods from new ones.
 */
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { PodSpec, PodTemplateSpec, Toleration } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/types.ts';
import { TEMPLATE_GENERATION_ANNOTATION } from '../../apiserver/registry/daemonsets.ts';
import { thaw } from '../../storage/freeze.ts';
import { CONTROLLER_REVISION_HASH_LABEL } from '../history/controllerHistory.ts';

/** REVISION_HASH_LABEL is apps.ControllerRevisionHashLabelKey; TEMPLATE_GENERATION_LABEL is extensions.DaemonSetTemplateGenerationKey. */
export const REVISION_HASH_LABEL = CONTROLLER_REVISION_HASH_LABEL;
export const TEMPLATE_GENERATION_LABEL = 'pod-template-generation';

/** DAEMON_TOLERATIONS are what AddOrUpdateDaemonPodTolerations adds, in its order. */
export const DAEMON_TOLERATIONS: Toleration[] = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
];
/** NETWORK_UNAVAILABLE_TOLERATION is added for hostNetwork daemons (they bring up the network). */
export const NETWORK_UNAVAILABLE_TOLERATION: Toleration = { key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' };

/** withDaemonTolerations returns the spec's tolerations plus the daemon ones it lacks (same key and effect replaces). */
export function withDaemonTolerations(spec: PodSpec | undefined): Toleration[] {
  const out = [...(spec?.tolerations ?? [])];
  const add = spec?.hostNetwork ? [...DAEMON_TOLERATIONS, NETWORK_UNAVAILABLE_TOLERATION] : DAEMON_TOLERATIONS;
  for (const t of add) {
    const i = out.findIndex((o) => o.key === t.key && o.effect === t.effect);
    if (i >= 0) out[i] = { ...t };
    else out.push({ ...t });
  }
  return out;
}

/** newDaemonPod builds the pod the controller creates for `nodeName`. */
export function newDaemonPod(ds: DaemonSet & KubeObject, nodeName: string, hash: string): KubeObject {
  const template = thaw(ds.spec?.template ?? {}) as PodTemplateSpec;
  const spec = (template.spec ?? { containers: [] }) as PodSpec;
  spec.tolerations = withDaemonTolerations(spec);
  const nodeAffinity = spec.affinity?.nodeAffinity ?? {};
  spec.affinity = {
    ...spec.affinity,
    nodeAffinity: {
      ...nodeAffinity,
      requiredDuringSchedulingIgnoredDuringExecution: {
        nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeName] }] }],
      },
    },
  };
  const generation = ds.metadata.annotations?.[TEMPLATE_GENERATION_ANNOTATION] ?? '1';
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: `${ds.metadata.name}-`,
      namespace: ds.metadata.namespace,
      labels: { ...template.metadata?.labels, [REVISION_HASH_LABEL]: hash, [TEMPLATE_GENERATION_LABEL]: generation },
      ...(template.metadata?.annotations ? { annotations: template.metadata.annotations } : {}),
      ownerReferences: [
        { apiVersion: 'apps/v1', kind: 'DaemonSet', name: ds.metadata.name ?? '', uid: ds.metadata.uid ?? '', controller: true, blockOwnerDeletion: true },
      ],
    },
    spec,
  };
}

/** targetNodeName is util.GetTargetNodeName: spec.nodeName, or the node the affinity pins. */
export function targetNodeName(pod: KubeObject): string | undefined {
  const spec = pod.spec as PodSpec | undefined;
  if (spec?.nodeName) return spec.nodeName;
  const terms = spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  for (const t of terms) {
    for (const f of t.matchFields ?? []) if (f.key === 'metadata.name' && f.operator === 'In' && f.values?.length === 1) return f.values[0];
  }
  return undefined;
}
