import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../api/types.ts';
import { PERSISTENTVOLUMES } from '../../../client/client.ts';
import { newControllerTestCluster } from '../../testCluster.ts';
import { installPVProtectionController } from './pvProtectionController.ts';

describe('PVProtectionController', () => {
  it('keeps a Bound volume and releases an Available one', () => {
    const cluster = newControllerTestCluster([installPVProtectionController]);
    const client = cluster.client('test');
    const volume = (name: string): KubeObject => ({
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name, finalizers: ['kubernetes.io/pv-protection'] },
      spec: { capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: `/mnt/${name}` } },
    });
    for (const [name, phase] of [['bound', 'Bound'], ['free', 'Available']]) {
      const created = client.create(PERSISTENTVOLUMES, '', volume(name));
      client.updateStatus(PERSISTENTVOLUMES, { ...created, status: { phase } } as KubeObject);
      client.delete(PERSISTENTVOLUMES, '', name);
    }
    cluster.settle();
    expect(client.tryGet(PERSISTENTVOLUMES, '', 'bound')?.metadata.deletionTimestamp).toBeDefined();
    expect(client.tryGet(PERSISTENTVOLUMES, '', 'free')).toBeUndefined();
  });
});
