import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../api/types.ts';
import { EVENTS, PERSISTENTVOLUMECLAIMS, PODS } from '../../../client/client.ts';
import { createCluster, restoreCluster } from '../../../sim/createCluster.ts';
import { PROVISION_MS, unsupportedClaim } from './localPathProvisioner.ts';

type Dict = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const claim: KubeObject = {
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name: 'data' },
  spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
};

const pod: KubeObject = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'app' },
  spec: { containers: [{ name: 'c', image: 'busybox', command: ['sleep', '3600'] }], volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'data' } }] },
};

describe('LocalPathProvisioner', () => {
  it('finishes a provisioning that was in flight when the cluster was saved', () => {
    const cluster = createCluster();
    const client = cluster.client('test');
    client.create(PERSISTENTVOLUMECLAIMS, 'default', claim);
    client.create(PODS, 'default', pod);
    cluster.advance(PROVISION_MS / 2);
    const pending = client.get(PERSISTENTVOLUMECLAIMS, 'default', 'data') as Dict;
    expect(pending.status.phase).toBe('Pending');
    expect(pending.metadata.annotations['volume.kubernetes.io/selected-node']).toMatch(/^node0[12]$/);

    const restored = restoreCluster(JSON.parse(JSON.stringify(cluster.snapshot())));
    // The restored kubelets restart containers, the provisioner's too: it resumes once Running again.
    restored.advance(PROVISION_MS + 10_000);
    const after = restored.client('test');
    const bound = after.get(PERSISTENTVOLUMECLAIMS, 'default', 'data') as Dict;
    expect(bound.status.phase).toBe('Bound');
    expect(bound.spec.volumeName).toBe(`pvc-${bound.metadata.uid}`);
    expect((after.get(PODS, 'default', 'app') as Dict).spec.nodeName).toBe(pending.metadata.annotations['volume.kubernetes.io/selected-node']);
    // The saved start time carried over: provisioning was not started a second time.
    const provisioning = after.list(EVENTS, 'default').items.filter((e) => (e as Dict).reason === 'Provisioning');
    expect(provisioning.map((e) => (e as Dict).count)).toEqual([1]);
  });

  it('refuses selectors and shared access modes', () => {
    expect(unsupportedClaim({ selector: { matchLabels: { a: 'b' } }, accessModes: ['ReadWriteOnce'] })).toBe('claim Selector is not supported');
    expect(unsupportedClaim({ accessModes: ['ReadOnlyMany'] })).toBe('NodePath only supports ReadWriteOnce and ReadWriteOncePod (1.22+) access modes');
    expect(unsupportedClaim({ accessModes: ['ReadWriteOncePod'] })).toBeUndefined();
  });
});
