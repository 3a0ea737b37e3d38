/**
 * `kubectl describe pv` and `kubectl describe pvc` (describe.go:
 * describePersistentVolume, describePersistentVolumeClaim, printPersistentVolumeClaim).
 */
import type {
  PersistentVolume,
  PersistentVolumeClaim,
  Pod,
  VolumeNodeAffinity,
} from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../core/api/types.ts';
import { accessModesString } from '../../core/api/accessModes.ts';
import { describeEvents } from './events.ts';
import { formatRFC1123Z, translateTimestampSince } from './format.ts';
import { printAnnotationsMultiline, printLabelsMultiline } from './metaSections.ts';
import { LEVEL_0, LEVEL_1, LEVEL_2, tabbedString, type PrefixWriter } from './prefixWriter.ts';
import { canonicalQuantity } from './quantity.ts';
import type { DescribeContext } from './types.ts';
import { printCSIVolumeAttributes } from './volumes.ts';
import { claimStorageClass } from './workloads.ts';

/** goStringSlice renders a []string through Go's %v: "[a b]". */
const goStringSlice = (list: string[] | undefined): string => `[${(list ?? []).join(' ')}]`;

/** printVolumeNodeAffinity writes a PV's `Node Affinity:` and its required terms. */
function printVolumeNodeAffinity(w: PrefixWriter, affinity: VolumeNodeAffinity | undefined): void {
  w.write(LEVEL_0, 'Node Affinity:\t');
  if (!affinity?.required) {
    w.writeLine('<none>');
    return;
  }
  w.writeLine('');
  w.write(LEVEL_1, 'Required Terms:\t');
  const terms = affinity.required.nodeSelectorTerms ?? [];
  if (terms.length === 0) {
    w.writeLine('<none>');
    return;
  }
  w.writeLine('');
  terms.forEach((term, i) => {
    w.write(LEVEL_2, `Term ${i}:\t`);
    const reqs = term.matchExpressions ?? [];
    if (reqs.length === 0) w.writeLine('<none>');
    reqs.forEach((req, j) => {
      if (j !== 0) w.write(LEVEL_2, '\t');
      let expr = `${req.key} ${req.operator.toLowerCase()}`;
      if ((req.values ?? []).length > 0) expr += ` [${req.values!.join(', ')}]`;
      w.write(LEVEL_0, `${expr}\n`);
    });
  });
}

/** describePersistentVolume renders `kubectl describe pv`. */
export function describePersistentVolume(obj: KubeObject, ctx: DescribeContext): string {
  const pv = obj as unknown as PersistentVolume;
  const spec = pv.spec ?? {};
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${pv.metadata?.name ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', pv.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', pv.metadata?.annotations);
    w.write(LEVEL_0, `Finalizers:\t${goStringSlice(pv.metadata?.finalizers)}\n`);
    const sc = pv.metadata?.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? spec.storageClassName ?? '';
    w.write(LEVEL_0, `StorageClass:\t${sc}\n`);
    if (pv.metadata?.deletionTimestamp) {
      w.write(LEVEL_0, `Status:\tTerminating (lasts ${translateTimestampSince(pv.metadata.deletionTimestamp, ctx.now)})\n`);
    } else {
      w.write(LEVEL_0, `Status:\t${pv.status?.phase ?? ''}\n`);
    }
    const claim = spec.claimRef ? `${spec.claimRef.namespace ?? ''}/${spec.claimRef.name ?? ''}` : '';
    w.write(LEVEL_0, `Claim:\t${claim}\n`);
    w.write(LEVEL_0, `Reclaim Policy:\t${spec.persistentVolumeReclaimPolicy ?? ''}\n`);
    w.write(LEVEL_0, `Access Modes:\t${accessModesString(spec.accessModes)}\n`);
    if (spec.volumeMode) w.write(LEVEL_0, `VolumeMode:\t${spec.volumeMode}\n`);
    w.write(LEVEL_0, `Capacity:\t${canonicalQuantity(spec.capacity?.['storage'])}\n`);
    printVolumeNodeAffinity(w, spec.nodeAffinity);
    w.write(LEVEL_0, `Message:\t${pv.status?.message ?? ''}\n`);
    w.write(LEVEL_0, 'Source:\n');
    if (spec.hostPath) {
      w.write(
        LEVEL_2,
        `Type:\tHostPath (bare host directory volume)\n    Path:\t${spec.hostPath.path}\n    HostPathType:\t${spec.hostPath.type ?? '<none>'}\n`,
      );
    } else if (spec.nfs) {
      w.write(
        LEVEL_2,
        `Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t${spec.nfs.server}\n    Path:\t${spec.nfs.path}\n    ReadOnly:\t${spec.nfs.readOnly === true}\n`,
      );
    } else if (spec.local) {
      w.write(LEVEL_2, `Type:\tLocalVolume (a persistent volume backed by local storage on a node)\n    Path:\t${spec.local.path}\n`);
    } else if (spec.csi) {
      w.write(
        LEVEL_2,
        'Type:\tCSI (a Container Storage Interface (CSI) volume source)\n' +
          `    Driver:\t${spec.csi.driver}\n    FSType:\t${spec.csi.fsType ?? ''}\n` +
          `    VolumeHandle:\t${spec.csi.volumeHandle}\n    ReadOnly:\t${spec.csi.readOnly === true}\n`,
      );
      printCSIVolumeAttributes(w, spec.csi.volumeAttributes);
    } else {
      w.write(LEVEL_1, '<unknown>\n');
    }
    if (ctx.events) describeEvents(ctx.events, w, ctx.now);
  });
}

/** podsUsingClaim lists pods that mount the claim or own it (getPodsForPVC), sorted by name. */
function podsUsingClaim(pvc: PersistentVolumeClaim, pods: Pod[]): string[] {
  const names = new Set<string>();
  for (const pod of pods) {
    if ((pod.spec?.volumes ?? []).some((v) => v.persistentVolumeClaim?.claimName === pvc.metadata?.name)) {
      names.add(pod.metadata?.name ?? '');
    }
  }
  for (const ref of pvc.metadata?.ownerReferences ?? []) {
    if (ref.kind !== 'Pod') continue;
    const owner = pods.find((p) => p.metadata?.uid === ref.uid);
    if (owner) names.add(owner.metadata?.name ?? '');
  }
  return [...names].sort();
}

/** describePersistentVolumeClaim renders `kubectl describe pvc`. */
export function describePersistentVolumeClaim(obj: KubeObject, ctx: DescribeContext): string {
  const pvc = obj as unknown as PersistentVolumeClaim;
  const spec = pvc.spec ?? {};
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${pvc.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${pvc.metadata?.namespace ?? ''}\n`);
    w.write(LEVEL_0, `StorageClass:\t${claimStorageClass(pvc)}\n`);
    if (pvc.metadata?.deletionTimestamp) {
      w.write(LEVEL_0, `Status:\tTerminating (lasts ${translateTimestampSince(pvc.metadata.deletionTimestamp, ctx.now)})\n`);
    } else {
      w.write(LEVEL_0, `Status:\t${pvc.status?.phase ?? ''}\n`);
    }
    w.write(LEVEL_0, `Volume:\t${spec.volumeName ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', pvc.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', pvc.metadata?.annotations);
    w.write(LEVEL_0, `Finalizers:\t${goStringSlice(pvc.metadata?.finalizers)}\n`);
    let capacity = '';
    let accessModes = '';
    if (spec.volumeName) {
      accessModes = accessModesString(pvc.status?.accessModes);
      capacity = canonicalQuantity(pvc.status?.capacity?.['storage']);
    }
    w.write(LEVEL_0, `Capacity:\t${capacity}\n`);
    w.write(LEVEL_0, `Access Modes:\t${accessModes}\n`);
    if (spec.volumeMode) w.write(LEVEL_0, `VolumeMode:\t${spec.volumeMode}\n`);
    if (spec.dataSource) {
      w.write(LEVEL_0, 'DataSource:\n');
      if (spec.dataSource.apiGroup) w.write(LEVEL_1, `APIGroup:\t${spec.dataSource.apiGroup}\n`);
      w.write(LEVEL_1, `Kind:\t${spec.dataSource.kind}\n`);
      w.write(LEVEL_1, `Name:\t${spec.dataSource.name}\n`);
    }
    const users = podsUsingClaim(pvc, ctx.pods ?? []);
    w.write(LEVEL_0, 'Used By:\t');
    if (users.length === 0) w.writeLine('<none>');
    users.forEach((name, i) => {
      if (i !== 0) w.write(LEVEL_0, '\t');
      w.write(LEVEL_0, `${name}\n`);
    });
    const conditions = pvc.status?.conditions ?? [];
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n');
      w.write(LEVEL_1, 'Type\tStatus\tLastProbeTime\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
      for (const c of conditions) {
        w.write(
          LEVEL_1,
          `${c.type} \t${c.status} \t${formatRFC1123Z(c.lastProbeTime)} \t${formatRFC1123Z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`,
        );
      }
    }
    if (ctx.events) describeEvents(ctx.events, w, ctx.now);
  });
}
