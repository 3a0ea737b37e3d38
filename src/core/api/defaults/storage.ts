/**
 * Defaults of the storage kinds (pkg/apis/core/v1/defaults.go SetDefaults_PersistentVolume,
 * SetDefaults_PersistentVolumeClaim; pkg/apis/storage/v1/defaults.go SetDefaults_StorageClass).
 * A new PV starts Pending (the PV controller makes it Available), a new claim Pending.
 */
import type { KubeObject } from '../types.ts';

/** defaultPersistentVolume: reclaim policy Retain, volumeMode Filesystem, phase Pending. */
export function defaultPersistentVolume(obj: KubeObject): void {
  const spec = (obj.spec ??= {}) as Record<string, unknown>;
  spec.persistentVolumeReclaimPolicy ??= 'Retain';
  spec.volumeMode ??= 'Filesystem';
  // SetDefaults_HostPathVolumeSource applies to a PV's source as to a pod volume's.
  const hostPath = spec.hostPath as { type?: string } | undefined;
  if (hostPath) hostPath.type ??= '';
  const status = (obj.status ??= {}) as Record<string, unknown>;
  status.phase ??= 'Pending';
}

/** defaultPersistentVolumeClaim: volumeMode Filesystem, phase Pending. */
export function defaultPersistentVolumeClaim(obj: KubeObject): void {
  const spec = (obj.spec ??= {}) as Record<string, unknown>;
  spec.volumeMode ??= 'Filesystem';
  const status = (obj.status ??= {}) as Record<string, unknown>;
  status.phase ??= 'Pending';
}

/** defaultStorageClass: reclaimPolicy Delete, volumeBindingMode Immediate. */
export function defaultStorageClass(obj: KubeObject): void {
  obj.reclaimPolicy ??= 'Delete';
  obj.volumeBindingMode ??= 'Immediate';
}
