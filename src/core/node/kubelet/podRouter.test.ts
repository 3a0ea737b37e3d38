import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types.ts';
import { PODS } from '../../client/client.ts';
import { bootstrapNamespaces, Cluster, DEFAULT_OPTIONS } from '../../sim/cluster.ts';
import { routePodsToNode } from './podRouter.ts';

const pod = (name: string, nodeName?: string): KubeObject =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'busybox' }], ...(nodeName ? { nodeName } : {}) } }) as KubeObject;

/** setup is a bare cluster with the pod informer started and two routed "kubelets" recording keys. */
function setup() {
  const cluster = new Cluster({ ...DEFAULT_OPTIONS });
  bootstrapNamespaces(cluster);
  const client = cluster.client('test');
  const pods = cluster.informers.forResource(PODS);
  const seen: Record<string, string[]> = { node1: [], node2: [] };
  routePodsToNode(pods, 'node1', (k) => seen.node1!.push(k));
  routePodsToNode(pods, 'node2', (k) => seen.node2!.push(k));
  cluster.informers.start();
  return { cluster, client, pods, seen };
}

describe('routePodsToNode', () => {
  it('hands adds, spec changes and deletes to the kubelet of the pod node only, not status writes', () => {
    const { cluster, client, seen } = setup();
    client.create(PODS, 'default', pod('a', 'node1'));
    client.create(PODS, 'default', pod('b'));
    cluster.settle();
    expect(seen).toEqual({ node1: ['default/a'], node2: [] });
    const a = client.get(PODS, 'default', 'a');
    client.updateStatus(PODS, { ...a, status: { phase: 'Running' } } as KubeObject);
    cluster.settle();
    expect(seen.node1).toEqual(['default/a']);
    client.delete(PODS, 'default', 'a', { gracePeriodSeconds: 0 });
    client.delete(PODS, 'default', 'b', { gracePeriodSeconds: 0 });
    cluster.settle();
    expect(seen).toEqual({ node1: ['default/a', 'default/a'], node2: [] });
  });

  it('tells the new node when a pod is bound to it', () => {
    const { cluster, client, seen } = setup();
    client.create(PODS, 'default', pod('b'));
    cluster.settle();
    client.bind('default', 'b', 'node2');
    cluster.settle();
    expect(seen).toEqual({ node1: [], node2: ['default/b'] });
  });

  it('gives a kubelet routed after the informer synced the pods already bound to it, in the informer order', () => {
    const { cluster, client, pods } = setup();
    for (const [name, node] of [['z', 'node3'], ['a', 'node3'], ['m', 'node1'], ['b', 'node3']]) client.create(PODS, 'default', pod(name!, node));
    cluster.settle();
    const got: string[] = [];
    routePodsToNode(pods, 'node3', (k) => got.push(k));
    expect(got).toEqual(['default/z', 'default/a', 'default/b']);
    // A node added again under the same name replaces the earlier kubelet.
    const again: string[] = [];
    routePodsToNode(pods, 'node3', (k) => again.push(k));
    client.delete(PODS, 'default', 'z', { gracePeriodSeconds: 0 });
    cluster.settle();
    expect(got).toEqual(['default/z', 'default/a', 'default/b']);
    expect(again).toEqual(['default/z', 'default/a', 'default/b', 'default/z']);
  });
});
