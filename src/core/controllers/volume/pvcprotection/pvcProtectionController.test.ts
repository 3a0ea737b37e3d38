import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../api/types.ts';
import { PERSISTENTVOLUMECLAIMS, PODS } from '../../../client/client.ts';
import { newControllerTestCluster } from '../../testCluster.ts';
import { installPVCProtectionController, podUsesClaim } from './pvcProtectionController.ts';

const claim: KubeObject = {
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name: 'data', finalizers: ['kubernetes.io/pvc-protection'] },
  spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
};

const pod = (name: string, nodeName?: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name },
  spec: { nodeName, containers: [{ name: 'c', image: 'busybox' }], volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'data' } }] },
});

describe('PVCProtectionController', () => {
  it('keeps a claim a scheduled pod uses, and lets it go with the pod', () => {
    const cluster = newControllerTestCluster([installPVCProtectionController]);
    const client = cluster.client('test');
    client.create(PERSISTENTVOLUMECLAIMS, 'default', claim);
    client.create(PODS, 'default', pod('user', 'node01'));
    client.delete(PERSISTENTVOLUMECLAIMS, 'default', 'data');
    cluster.settle();
    expect(client.tryGet(PERSISTENTVOLUMECLAIMS, 'default', 'data')?.metadata.deletionTimestamp).toBeDefined();
    client.delete(PODS, 'default', 'user', { gracePeriodSeconds: 0 });
    cluster.settle();
    expect(client.tryGet(PERSISTENTVOLUMECLAIMS, 'default', 'data')).toBeUndefined();
  });

  it('does not count pods that are not scheduled or have finished', () => {
    expect(podUsesClaim(pod('pending') as never, 'data')).toBe(false);
    expect(podUsesClaim({ ...pod('done', 'node01'), status: { phase: 'Succeeded' } } as never, 'data')).toBe(false);
    expect(podUsesClaim(pod('running', 'node01') as never, 'data')).toBe(true);
  });
});
