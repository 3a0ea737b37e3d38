import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types.ts';
import { CONFIGMAPS, NODES, PODS, REPLICASETS } from '../../client/client.ts';
import type { Cluster } from '../../sim/cluster.ts';
import { newControllerTestCluster } from '../testCluster.ts';
import { installGarbageCollector } from './garbageCollector.ts';

function setup(): { c: Cluster; rs: KubeObject } {
  const c = newControllerTestCluster([installGarbageCollector]);
  const rs = c.client().create(REPLICASETS, 'default', {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'web' },
    spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
  });
  for (const name of ['web-a', 'web-b']) addPod(c, name, [ownerRef(rs, 'apps/v1', 'ReplicaSet')]);
  c.settle();
  return { c, rs };
}

function ownerRef(owner: KubeObject, apiVersion: string, kind: string, block = true) {
  return { apiVersion, kind, name: owner.metadata.name ?? '', uid: owner.metadata.uid ?? '', controller: true, blockOwnerDeletion: block };
}

function addPod(c: Cluster, name: string, ownerReferences: unknown[], nodeName?: string): KubeObject {
  return c.client().create(PODS, 'default', {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels: { app: 'web' }, ownerReferences: ownerReferences as never },
    spec: { containers: [{ name: 'c', image: 'nginx' }], ...(nodeName ? { nodeName } : {}) },
  });
}

const podNames = (c: Cluster) => c.client().list(PODS, 'default').items.map((p) => p.metadata.name).sort();

describe('garbage collector', () => {
  it('Background: deletes dependents once their owner is gone', () => {
    const { c } = setup();
    c.client().delete(REPLICASETS, 'default', 'web');
    c.settle();
    expect(podNames(c)).toEqual([]);
  });

  it('deletes a dependent created for an owner that no longer exists (dangling)', () => {
    const c = newControllerTestCluster([installGarbageCollector]);
    addPod(c, 'lost', [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'gone', uid: 'no-such-uid' }]);
    c.settle();
    expect(podNames(c)).toEqual([]);
  });

  it('keeps a dependent with one live owner, dropping the reference to the dead one', () => {
    const { c, rs } = setup();
    const cm = c.client().create(CONFIGMAPS, 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'keep' } });
    addPod(c, 'shared', [ownerRef(rs, 'apps/v1', 'ReplicaSet'), { ...ownerRef(cm, 'v1', 'ConfigMap'), controller: false }]);
    c.settle();
    c.client().delete(REPLICASETS, 'default', 'web');
    c.settle();
    expect(podNames(c)).toEqual(['shared']);
    expect(c.client().get(PODS, 'default', 'shared').metadata.ownerReferences?.map((r) => r.kind)).toEqual(['ConfigMap']);
  });

  it('Foreground: the owner waits with its finalizer until blocking dependents are gone', () => {
    const { c } = setup();
    // Bound pods terminate gracefully, so the owner must wait for the kubelet.
    const client = c.client();
    for (const p of client.list(PODS, 'default').items) client.bind('default', p.metadata.name ?? '', 'node01');
    c.settle();
    client.delete(REPLICASETS, 'default', 'web', { propagationPolicy: 'Foreground' });
    c.settle();
    const rs = client.get(REPLICASETS, 'default', 'web');
    expect(rs.metadata.finalizers).toEqual(['foregroundDeletion']);
    expect(client.list(PODS, 'default').items.every((p) => !!p.metadata.deletionTimestamp)).toBe(true);
    for (const p of client.list(PODS, 'default').items) client.delete(PODS, 'default', p.metadata.name ?? '', { gracePeriodSeconds: 0 });
    c.settle();
    expect(client.tryGet(REPLICASETS, 'default', 'web')).toBeUndefined();
  });

  it('Orphan: strips ownerReferences from dependents, then removes the owner', () => {
    const { c } = setup();
    c.client().delete(REPLICASETS, 'default', 'web', { propagationPolicy: 'Orphan' });
    c.settle();
    expect(c.client().tryGet(REPLICASETS, 'default', 'web')).toBeUndefined();
    expect(podNames(c)).toEqual(['web-a', 'web-b']);
    expect(c.client().list(PODS, 'default').items.map((p) => p.metadata.ownerReferences)).toEqual([undefined, undefined]);
  });

  it('a cluster-scoped owner: a Node owns its mirror pods', () => {
    const c = newControllerTestCluster([installGarbageCollector]);
    const node = c.client().create(NODES, '', { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node09' } });
    addPod(c, 'etcd-node09', [{ apiVersion: 'v1', kind: 'Node', name: 'node09', uid: node.metadata.uid, controller: true }]);
    c.settle();
    expect(podNames(c)).toEqual(['etcd-node09']);
    c.client().delete(NODES, '', 'node09');
    c.settle();
    expect(podNames(c)).toEqual([]);
  });
});
