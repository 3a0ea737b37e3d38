import { describe, expect, it } from 'vitest';
import { invalid } from '../status.ts';
import type { KubeObject } from '../types.ts';
import {
  validatePersistentVolume,
  validatePersistentVolumeClaim,
  validatePersistentVolumeClaimUpdate,
  validatePersistentVolumeUpdate,
} from './persistentVolume.ts';
import { validateStorageClass, validateStorageClassUpdate } from './storageClass.ts';

const message = (kind: string, name: string, errs: ReturnType<typeof validatePersistentVolume>) =>
  invalid(kind === 'StorageClass' ? 'storage.k8s.io' : '', kind, name, errs).message;

const claim = (spec: Record<string, unknown>, status: Record<string, unknown> = { phase: 'Pending' }): KubeObject => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name: 'data', namespace: 'default', resourceVersion: '1' },
  spec: { volumeMode: 'Filesystem', ...spec },
  status,
});

const volume = (spec: Record<string, unknown>): KubeObject => ({ apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'pv1', resourceVersion: '1' }, spec });

describe('PersistentVolumeClaim validation', () => {
  it('requires access modes and a storage request', () => {
    expect(message('PersistentVolumeClaim', 'data', validatePersistentVolumeClaim(claim({ resources: {} })))).toBe(
      'PersistentVolumeClaim "data" is invalid: [spec.accessModes: Required value: at least 1 access mode is required, spec.resources[storage]: Required value]',
    );
  });

  it('rejects unknown modes, mixing ReadWriteOncePod and bad class names', () => {
    const errs = validatePersistentVolumeClaim(claim({ accessModes: ['ReadWriteOncePod', 'ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, storageClassName: 'Bad_Name' }));
    expect(errs.map((e) => `${e.field}: ${e.type}`)).toEqual(['spec.accessModes: FieldValueForbidden', 'spec.storageClassName: FieldValueInvalid']);
  });

  it('keeps the spec fixed except the storage request of a bound claim', () => {
    const old = claim({ accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } });
    const modes = claim({ accessModes: ['ReadWriteMany'], resources: { requests: { storage: '1Gi' } } });
    expect(message('PersistentVolumeClaim', 'data', validatePersistentVolumeClaimUpdate(modes, old))).toBe(
      'PersistentVolumeClaim "data" is invalid: spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims',
    );
    // Binding sets volumeName once.
    expect(validatePersistentVolumeClaimUpdate(claim({ accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, volumeName: 'pv1' }), old)).toEqual([]);
    const bound = (size: string) => claim({ accessModes: ['ReadWriteOnce'], resources: { requests: { storage: size } }, volumeName: 'pv1' }, { phase: 'Bound', capacity: { storage: '1Gi' } });
    expect(validatePersistentVolumeClaimUpdate(bound('2Gi'), bound('1Gi'))).toEqual([]);
    expect(validatePersistentVolumeClaimUpdate(claim({ accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '2Gi' } } }), old)).toHaveLength(1);
  });
});

describe('PersistentVolume validation', () => {
  it('needs a capacity, access modes and exactly one source', () => {
    expect(message('PersistentVolume', 'pv1', validatePersistentVolume(volume({ persistentVolumeReclaimPolicy: 'Retain' })))).toBe(
      'PersistentVolume "pv1" is invalid: [spec.accessModes: Required value, spec.capacity: Required value, spec.capacity: Unsupported value: core.ResourceList(nil): supported values: "storage", spec: Required value: must specify a volume type]',
    );
    const two = volume({ capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: '/a' }, nfs: { server: 's', path: '/' } });
    expect(message('PersistentVolume', 'pv1', validatePersistentVolume(two))).toBe('PersistentVolume "pv1" is invalid: spec.nfs: Forbidden: may not specify more than 1 volume type');
  });

  it('asks local volumes for node affinity and checks the reclaim policy', () => {
    const local = volume({ capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], local: { path: '/mnt/disk' }, persistentVolumeReclaimPolicy: 'Keep' });
    expect(message('PersistentVolume', 'pv1', validatePersistentVolume(local))).toBe(
      'PersistentVolume "pv1" is invalid: [spec.persistentVolumeReclaimPolicy: Unsupported value: "Keep": supported values: "Delete", "Recycle", "Retain", spec.nodeAffinity: Required value: Local volume requires node affinity]',
    );
  });

  it('keeps the volume source fixed', () => {
    const old = volume({ capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: '/a' }, volumeMode: 'Filesystem' });
    const moved = volume({ capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: '/b' }, volumeMode: 'Filesystem' });
    expect(message('PersistentVolume', 'pv1', validatePersistentVolumeUpdate(moved, old))).toBe(
      'PersistentVolume "pv1" is invalid: spec.persistentvolumesource: Forbidden: spec.persistentvolumesource is immutable after creation',
    );
  });
});

describe('StorageClass validation', () => {
  const sc = (extra: Record<string, unknown>): KubeObject => ({ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'fast', resourceVersion: '1' }, volumeBindingMode: 'Immediate', reclaimPolicy: 'Delete', ...extra });

  it('requires a provisioner and known policies', () => {
    expect(message('StorageClass', 'fast', validateStorageClass(sc({ reclaimPolicy: 'Recycle', volumeBindingMode: 'Later' })))).toBe(
      'StorageClass.storage.k8s.io "fast" is invalid: [provisioner: Required value, reclaimPolicy: Unsupported value: "Recycle": supported values: "Delete", "Retain", volumeBindingMode: Unsupported value: "Later": supported values: "Immediate", "WaitForFirstConsumer"]',
    );
  });

  it('forbids changing the provisioner', () => {
    expect(message('StorageClass', 'fast', validateStorageClassUpdate(sc({ provisioner: 'b' }), sc({ provisioner: 'a' })))).toBe(
      'StorageClass.storage.k8s.io "fast" is invalid: provisioner: Forbidden: updates to provisioner are forbidden.',
    );
  });
});

describe('storage sizes', () => {
  it('must be greater than zero', () => {
    expect(message('PersistentVolumeClaim', 'data', validatePersistentVolumeClaim(claim({ accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '0' } } })))).toBe(
      'PersistentVolumeClaim "data" is invalid: spec.resources[storage]: Invalid value: "0": must be greater than zero',
    );
    expect(message('PersistentVolume', 'pv1', validatePersistentVolume(volume({ capacity: { storage: '0' }, accessModes: ['ReadWriteOnce'], hostPath: { path: '/a' } })))).toBe(
      'PersistentVolume "pv1" is invalid: spec.capacity[storage]: Invalid value: "0": must be greater than zero',
    );
  });
});
