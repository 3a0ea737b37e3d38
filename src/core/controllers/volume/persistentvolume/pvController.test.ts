import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../api/types.ts';
import { EVENTS, PERSISTENTVOLUMECLAIMS, PERSISTENTVOLUMES, STORAGECLASSES } from '../../../client/client.ts';
import type { Cluster } from '../../../sim/cluster.ts';
import { newControllerTestCluster } from '../../testCluster.ts';
import { installPersistentVolumeController } from './pvController.ts';

type Dict = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const volume = (name: string, spec: Dict): KubeObject => ({
  apiVersion: 'v1',
  kind: 'PersistentVolume',
  metadata: { name },
  spec: { capacity: { storage: '2Gi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: `/mnt/${name}` }, ...spec },
});

const claim = (name: string, spec: Dict = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name, namespace: 'default' },
  spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, storageClassName: '', ...spec },
});

function setup(): { cluster: Cluster; pv: (n: string) => Dict; pvc: (n: string) => Dict; events: () => string[] } {
  const cluster = newControllerTestCluster([installPersistentVolumeController]);
  const client = cluster.client('test');
  return {
    cluster,
    pv: (n) => client.get(PERSISTENTVOLUMES, '', n) as Dict,
    pvc: (n) => client.get(PERSISTENTVOLUMECLAIMS, 'default', n) as Dict,
    events: () => client.list(EVENTS, 'default').items.map((e) => `${(e as Dict).involvedObject.name} ${(e as Dict).reason}: ${(e as Dict).message}`),
  };
}

describe('PersistentVolumeController', () => {
  it('makes a new volume Available and binds a matching claim both ways', () => {
    const { cluster, pv, pvc } = setup();
    const client = cluster.client('test');
    client.create(PERSISTENTVOLUMES, '', volume('pv1', {}));
    cluster.settle();
    expect(pv('pv1').status.phase).toBe('Available');
    client.create(PERSISTENTVOLUMECLAIMS, 'default', claim('data'));
    cluster.settle();
    const c = pvc('data');
    const v = pv('pv1');
    expect(c.spec.volumeName).toBe('pv1');
    expect(c.metadata.annotations).toEqual({ 'pv.kubernetes.io/bind-completed': 'yes', 'pv.kubernetes.io/bound-by-controller': 'yes' });
    expect(c.status).toEqual({ phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '2Gi' } });
    expect(v.spec.claimRef).toMatchObject({ kind: 'PersistentVolumeClaim', namespace: 'default', name: 'data', uid: c.metadata.uid });
    expect(v.metadata.annotations).toEqual({ 'pv.kubernetes.io/bound-by-controller': 'yes' });
    expect(v.status.phase).toBe('Bound');
  });

  it('hands a claim without a volume to its class provisioner, or says no class is set', () => {
    const { cluster, pvc, events } = setup();
    const client = cluster.client('test');
    client.create(STORAGECLASSES, '', { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'nfs' }, provisioner: 'example.com/nfs' });
    client.create(PERSISTENTVOLUMECLAIMS, 'default', claim('dyn', { storageClassName: 'nfs' }));
    client.create(PERSISTENTVOLUMECLAIMS, 'default', claim('none'));
    client.create(STORAGECLASSES, '', { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'manual' }, provisioner: 'kubernetes.io/no-provisioner' });
    client.create(PERSISTENTVOLUMECLAIMS, 'default', claim('static', { storageClassName: 'manual' }));
    cluster.settle();
    expect(pvc('dyn').metadata.annotations).toEqual({
      'volume.beta.kubernetes.io/storage-provisioner': 'example.com/nfs',
      'volume.kubernetes.io/storage-provisioner': 'example.com/nfs',
    });
    expect(pvc('dyn').status.phase).toBe('Pending');
    expect(events()).toEqual([
      "dyn ExternalProvisioning: Waiting for a volume to be created either by the external provisioner 'example.com/nfs' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.",
      'none FailedBinding: no persistent volumes available for this claim and no storage class is set',
      'static ProvisioningFailed: no volume plugin matched name: kubernetes.io/no-provisioner',
    ]);
    // Resynced every 15 s: the event count grows as upstream's does.
    cluster.advance(30_000);
    const none = cluster.client('test').list(EVENTS, 'default').items.find((e) => (e as Dict).reason === 'FailedBinding') as Dict;
    expect(none.count).toBe(3);
  });

  it('releases a volume whose claim is gone: Retain keeps it, Delete without a deleter fails', () => {
    const { cluster, pv, events } = setup();
    const client = cluster.client('test');
    client.create(PERSISTENTVOLUMES, '', volume('keep', { persistentVolumeReclaimPolicy: 'Retain', storageClassName: 'a' }));
    client.create(PERSISTENTVOLUMES, '', volume('drop', { persistentVolumeReclaimPolicy: 'Delete', storageClassName: 'b' }));
    client.create(PERSISTENTVOLUMECLAIMS, 'default', claim('a', { storageClassName: 'a' }));
    client.create(PERSISTENTVOLUMECLAIMS, 'default', claim('b', { storageClassName: 'b' }));
    cluster.settle();
    client.delete(PERSISTENTVOLUMECLAIMS, 'default', 'a');
    client.delete(PERSISTENTVOLUMECLAIMS, 'default', 'b');
    cluster.settle();
    expect(pv('keep').status.phase).toBe('Released');
    expect(pv('drop').status).toMatchObject({ phase: 'Failed', message: 'host_path deleter only supports /tmp/.+ but received provided /mnt/drop' });
    expect(events()).toContain('drop VolumeFailedDelete: host_path deleter only supports /tmp/.+ but received provided /mnt/drop');
  });

  it('binds a claim that names its volume, without marking it bound-by-controller', () => {
    const { cluster, pv, pvc } = setup();
    const client = cluster.client('test');
    client.create(PERSISTENTVOLUMECLAIMS, 'default', claim('data', { volumeName: 'later' }));
    cluster.settle();
    expect(pvc('data').status.phase).toBe('Pending');
    client.create(PERSISTENTVOLUMES, '', volume('later', {}));
    cluster.settle();
    expect(pvc('data').metadata.annotations).toEqual({ 'pv.kubernetes.io/bind-completed': 'yes' });
    expect(pvc('data').status.phase).toBe('Bound');
    expect(pv('later').status.phase).toBe('Bound');
  });
});
