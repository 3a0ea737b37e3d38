import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../core/api/types.ts';
import { podsForDeletion, type DrainFilterOptions } from './drainFilters.ts';

const opts = (o: Partial<DrainFilterOptions> = {}): DrainFilterOptions => ({
  force: false,
  ignoreDaemonSets: false,
  deleteEmptyDirData: false,
  skipWaitForDeleteTimeoutSeconds: 0,
  nowMs: 0,
  daemonSetLookup: () => true,
  ...o,
});

function pod(name: string, owner?: string, extra: Partial<KubeObject> = {}): KubeObject {
  const ownerReferences = owner ? [{ apiVersion: 'apps/v1', kind: owner, name: 'o', uid: 'u', controller: true }] : undefined;
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', ownerReferences }, spec: { containers: [] }, ...extra } as KubeObject;
}

describe('podsForDeletion', () => {
  const proxy = { ...pod('kube-proxy-abcde', 'DaemonSet'), metadata: { name: 'kube-proxy-abcde', namespace: 'kube-system', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'kube-proxy', uid: 'u', controller: true }] } } as KubeObject;
  const mirror = { ...pod('etcd-controlplane'), metadata: { name: 'etcd-controlplane', namespace: 'kube-system', annotations: { 'kubernetes.io/config.mirror': 'x' } } } as KubeObject;
  const web = pod('web-1', 'ReplicaSet');
  const bare = pod('x');
  const cache = pod('cache', 'ReplicaSet', { spec: { containers: [], volumes: [{ name: 'c', emptyDir: {} }] } } as Partial<KubeObject>);

  it('refuses DaemonSet pods, unmanaged pods and emptyDir pods with kubectl texts', () => {
    const list = podsForDeletion([proxy, web, bare, cache], opts());
    expect(list.errors).toEqual([
      'cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/kube-proxy-abcde',
      'cannot delete Pods that declare no controller (use --force to override): default/x',
      'cannot delete Pods with local storage (use --delete-emptydir-data to override): default/cache',
    ]);
  });

  it('with the override flags, warns and evicts what may go; mirror pods are skipped silently', () => {
    const list = podsForDeletion([proxy, mirror, web, bare, cache], opts({ force: true, ignoreDaemonSets: true, deleteEmptyDirData: true }));
    expect(list.errors).toEqual([]);
    expect(list.pods.map((p) => p.metadata.name)).toEqual(['web-1', 'x', 'cache']);
    expect(list.warnings).toBe('ignoring DaemonSet-managed Pods: kube-system/kube-proxy-abcde; deleting Pods that declare no controller: default/x');
  });
});
