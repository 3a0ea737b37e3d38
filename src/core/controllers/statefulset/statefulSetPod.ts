/**
 * A StatefulSet's pods and claims (pkg/controller/statefulset/stateful_set_utils.go): the
 * pod of ordinal i is `<set>-<i>`, with hostname `<set>-<i>` and subdomain serviceName
 * (so `<set>-<i>.<service>.<ns>.svc.cluster.local` resolves), the labels
 * `statefulset.kubernetes.io/pod-name`, `apps.kubernetes.io/pod-index` and
 * `controller-revision-hash` (which, for StatefulSets, holds the revision's full *name*),
 * and one volume per volumeClaimTemplate bound to the claim `<template>-<set>-<i>`.
 */
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { PersistentVolumeClaim, Pod, PodSpec, PodTemplateSpec, Volume } from 'kubernetes-types/core/v1';
import { asPod, isPodAvailable, isPodReady } from '../../api/podUtil.ts';
import type { KubeObject } from '../../api/types.ts';
import { thaw } from '../../storage/freeze.ts';
import { CONTROLLER_REVISION_HASH_LABEL } from '../history/controllerHistory.ts';

/** STATEFULSET_POD_NAME_LABEL is apps.StatefulSetPodNameLabel. */
export const STATEFULSET_POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
/** POD_INDEX_LABEL is apps.PodIndexLabel (PodIndexLabel feature, beta and on in v1.32). */
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';

/** STS is a StatefulSet as stored. */
export type STS = StatefulSet & KubeObject;

/** podName is getPodName: `<set>-<ordinal>`. */
export function podName(set: STS, ordinal: number): string {
  return `${set.metadata.name}-${ordinal}`;
}

/** parentAndOrdinal is getParentNameAndOrdinal: `web-2` → ['web', 2]; -1 when the name has no ordinal. */
export function parentAndOrdinal(pod: KubeObject): [string, number] {
  const m = /^(.*)-([0-9]+)$/.exec(pod.metadata.name ?? '');
  return m ? [m[1], Number(m[2])] : ['', -1];
}

/** startOrdinal is spec.ordinals.start (0 unless set). */
export function startOrdinal(set: STS): number {
  return set.spec?.ordinals?.start ?? 0;
}

/** claimName is getPersistentVolumeClaimName: `<template>-<set>-<ordinal>`. */
export function claimName(set: STS, template: PersistentVolumeClaim, ordinal: number): string {
  return `${template.metadata?.name}-${set.metadata.name}-${ordinal}`;
}

/** podRevision is getPodRevision: the revision name in the pod's controller-revision-hash label. */
export function podRevision(pod: KubeObject): string {
  return pod.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] ?? '';
}

/**
 * persistentVolumeClaims is getPersistentVolumeClaims: the claim objects ordinal i uses,
 * labelled with the template's labels plus the selector's matchLabels.
 */
export function persistentVolumeClaims(set: STS, ordinal: number): KubeObject[] {
  return (set.spec?.volumeClaimTemplates ?? []).map((template) => {
    const t = thaw(template) as PersistentVolumeClaim;
    return {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: {
        ...t.metadata,
        name: claimName(set, template, ordinal),
        namespace: set.metadata.namespace,
        labels: { ...t.metadata?.labels, ...set.spec?.selector?.matchLabels },
      },
      spec: t.spec,
    } as KubeObject;
  });
}

/**
 * newStatefulSetPod is newVersionedStatefulSetPod's pod: the template of `set` (the
 * StatefulSet as of the chosen revision), named and labelled for `ordinal`.
 */
export function newStatefulSetPod(set: STS, template: PodTemplateSpec, ordinal: number, revisionName: string): KubeObject {
  const t = thaw(template);
  const name = podName(set, ordinal);
  const spec = (t.spec ?? { containers: [] }) as PodSpec;
  spec.hostname = name;
  if (set.spec?.serviceName) spec.subdomain = set.spec.serviceName;
  // updateStorage: the claim volumes first, then the template's other volumes.
  const claims = set.spec?.volumeClaimTemplates ?? [];
  const claimVolumes: Volume[] = claims.map((c) => ({ name: c.metadata?.name ?? '', persistentVolumeClaim: { claimName: claimName(set, c, ordinal) } }));
  const others = (spec.volumes ?? []).filter((v) => !claims.some((c) => c.metadata?.name === v.name));
  if (claimVolumes.length + others.length > 0) spec.volumes = [...claimVolumes, ...others];
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: set.metadata.namespace,
      labels: {
        ...t.metadata?.labels,
        [STATEFULSET_POD_NAME_LABEL]: name,
        [POD_INDEX_LABEL]: String(ordinal),
        [CONTROLLER_REVISION_HASH_LABEL]: revisionName,
      },
      ...(t.metadata?.annotations ? { annotations: t.metadata.annotations } : {}),
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: set.metadata.name ?? '', uid: set.metadata.uid ?? '', controller: true, blockOwnerDeletion: true }],
    },
    spec,
  };
}

/** isCreated: the pod has a phase (the API server gave it Pending). */
export function isCreated(pod: KubeObject): boolean {
  return !!asPod(pod).status?.phase;
}

/** isFailedOrSucceeded: the pod will not run again and must be replaced. */
export function isFailedOrSucceeded(pod: KubeObject): boolean {
  const phase = asPod(pod).status?.phase;
  return phase === 'Failed' || phase === 'Succeeded';
}

/** isTerminating: the pod has a deletionTimestamp. */
export function isTerminating(pod: KubeObject): boolean {
  return !!pod.metadata.deletionTimestamp;
}

/** isRunningAndReady: phase Running and the Ready condition True. */
export function isRunningAndReady(pod: KubeObject): boolean {
  const p: Pod = asPod(pod);
  return p.status?.phase === 'Running' && isPodReady(p);
}

/** isRunningAndAvailable: running, ready and ready for at least minReadySeconds. */
export function isRunningAndAvailable(pod: KubeObject, minReadySeconds: number, now: number): boolean {
  return isRunningAndReady(pod) && isPodAvailable(asPod(pod), minReadySeconds, now);
}

/** identityMatches: the pod still carries its ordinal's pod-name and pod-index labels. */
export function identityMatches(pod: KubeObject): boolean {
  const [, ordinal] = parentAndOrdinal(pod);
  const labels = pod.metadata.labels ?? {};
  return labels[STATEFULSET_POD_NAME_LABEL] === pod.metadata.name && labels[POD_INDEX_LABEL] === String(ordinal);
}

/** withIdentity is updateIdentity: a copy of the pod with its identity labels restored. */
export function withIdentity(pod: KubeObject): KubeObject {
  const [, ordinal] = parentAndOrdinal(pod);
  const copy = thaw(pod);
  copy.metadata.labels = { ...copy.metadata.labels, [STATEFULSET_POD_NAME_LABEL]: pod.metadata.name ?? '', [POD_INDEX_LABEL]: String(ordinal) };
  return copy;
}
