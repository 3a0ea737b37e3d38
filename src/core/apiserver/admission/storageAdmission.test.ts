import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types.ts';
import { PERSISTENTVOLUMECLAIMS, PERSISTENTVOLUMES, STORAGECLASSES } from '../../client/client.ts';
import { bootstrapNamespaces, Cluster, DEFAULT_OPTIONS } from '../../sim/cluster.ts';
import { installAdmission } from './install.ts';

type Dict = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function cluster(): Cluster {
  const c = new Cluster(DEFAULT_OPTIONS);
  installAdmission(c);
  bootstrapNamespaces(c);
  return c;
}

const claim = (name: string, spec: Dict = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name },
  spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, ...spec },
});

const storageClass = (name: string, isDefault: boolean): KubeObject => ({
  apiVersion: 'storage.k8s.io/v1',
  kind: 'StorageClass',
  metadata: { name, annotations: isDefault ? { 'storageclass.kubernetes.io/is-default-class': 'true' } : {} },
  provisioner: 'example.com/disk',
});

describe('DefaultStorageClass and StorageObjectInUseProtection admission', () => {
  it('gives a claim without a class the default one, and protects it with a finalizer', () => {
    const c = cluster();
    const client = c.client();
    expect((client.create(PERSISTENTVOLUMECLAIMS, 'default', claim('before')) as Dict).spec.storageClassName).toBeUndefined();
    client.create(STORAGECLASSES, '', storageClass('slow', false));
    client.create(STORAGECLASSES, '', storageClass('fast', true));
    const created = client.create(PERSISTENTVOLUMECLAIMS, 'default', claim('data')) as Dict;
    expect(created.spec.storageClassName).toBe('fast');
    expect(created.metadata.finalizers).toEqual(['kubernetes.io/pvc-protection']);
    expect(created.status).toEqual({ phase: 'Pending' });
    // An explicit empty class means "no class" and stays.
    expect((client.create(PERSISTENTVOLUMECLAIMS, 'default', claim('none', { storageClassName: '' })) as Dict).spec.storageClassName).toBe('');
  });

  it('protects new volumes and defaults their reclaim policy and phase', () => {
    const client = cluster().client();
    const pv = client.create(PERSISTENTVOLUMES, '', {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name: 'pv1' },
      spec: { capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: '/mnt/data' } },
    }) as Dict;
    expect(pv.metadata.finalizers).toEqual(['kubernetes.io/pv-protection']);
    expect(pv.spec).toMatchObject({ persistentVolumeReclaimPolicy: 'Retain', volumeMode: 'Filesystem', hostPath: { path: '/mnt/data', type: '' } });
    expect(pv.status.phase).toBe('Pending');
  });
});
