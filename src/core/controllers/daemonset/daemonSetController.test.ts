import { describe, expect, it } from 'vitest';
import { rfc3339 } from '../../api/time.ts';
import type { KubeObject } from '../../api/types.ts';
import { EVENTS, NODES, PODS } from '../../client/client.ts';
import type { Cluster } from '../../sim/cluster.ts';
import { thaw } from '../../storage/freeze.ts';
import { newControllerTestCluster } from '../testCluster.ts';
import { DAEMONSETS, installDaemonSetController } from './daemonSetController.ts';
import { CONTROLLER_REVISIONS, type ControllerRevision } from '../history/controllerHistory.ts';

function setup(template: Record<string, unknown> = {}) {
  const c = newControllerTestCluster([installDaemonSetController]);
  const client = c.client();
  client.create(NODES, '', {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: 'controlplane', labels: { 'kubernetes.io/hostname': 'controlplane' } },
    spec: { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] },
  });
  for (const name of ['node01', 'node02']) client.create(NODES, '', { apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { 'kubernetes.io/hostname': name } } });
  client.create(DAEMONSETS, 'kube-system', {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'agent' },
    spec: {
      selector: { matchLabels: { app: 'agent' } },
      template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'a', image: 'busybox:1.36' }], ...template } },
    },
  });
  c.settle();
  return { c, client };
}

const pods = (c: Cluster) =>
  c
    .client()
    .list(PODS, 'kube-system')
    .items.filter((p) => !p.metadata.deletionTimestamp)
    .sort((a, b) => nodeOf(a).localeCompare(nodeOf(b)));
function nodeOf(p: KubeObject): string {
  return (p.spec as { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: Array<{ matchFields: Array<{ values: string[] }> }> } } } }).affinity.nodeAffinity
    .requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchFields[0].values[0];
}

/** readyAll plays scheduler and kubelet for every live daemon pod. */
function readyAll(c: Cluster): void {
  const client = c.client();
  for (const p of pods(c)) {
    if (!(p.spec as { nodeName?: string }).nodeName) client.bind('kube-system', p.metadata.name ?? '', nodeOf(p));
    const pod = thaw(client.get(PODS, 'kube-system', p.metadata.name ?? ''));
    pod.status = { phase: 'Running', podIP: '10.244.1.2', conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: rfc3339(c.now()) }] };
    client.updateStatus(PODS, pod);
  }
  c.settle();
}

describe('daemonset controller', () => {
  it('defaults the DaemonSet and runs one pinned, tolerant pod per untainted node', () => {
    const { c, client } = setup();
    const ds = client.get(DAEMONSETS, 'kube-system', 'agent');
    expect(ds.spec).toMatchObject({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } }, revisionHistoryLimit: 10 });
    expect(ds.metadata.annotations).toEqual({ 'deprecated.daemonset.template.generation': '1' });
    const ps = pods(c);
    expect(ps.map(nodeOf)).toEqual(['node01', 'node02']);
    const p = ps[0];
    expect(p.metadata.name).toMatch(/^agent-[a-z0-9]{5}$/);
    expect(p.metadata.labels).toMatchObject({ app: 'agent', 'pod-template-generation': '1' });
    expect(p.metadata.labels?.['controller-revision-hash']).toMatch(/^[456789bcdf]+$/);
    expect(p.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'agent', uid: ds.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    expect((p.spec as { tolerations: unknown[] }).tolerations).toEqual([
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
      { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
    ]);
    const events = client.list(EVENTS, 'kube-system').items.map((e) => `${e.reason}: ${e.message}`);
    expect(events).toContain(`SuccessfulCreate: Created pod: ${p.metadata.name}`);
    expect(client.get(DAEMONSETS, 'kube-system', 'agent').status).toEqual({
      currentNumberScheduled: 2, numberMisscheduled: 0, desiredNumberScheduled: 2, numberReady: 0, observedGeneration: 1, updatedNumberScheduled: 2, numberUnavailable: 2,
    });
    readyAll(c);
    expect(client.get(DAEMONSETS, 'kube-system', 'agent').status).toEqual({
      currentNumberScheduled: 2, numberMisscheduled: 0, desiredNumberScheduled: 2, numberReady: 2, observedGeneration: 1, updatedNumberScheduled: 2, numberAvailable: 2,
    });
  });

  it('runs on the control plane when the template tolerates its taint, and follows new nodes', () => {
    const { c, client } = setup({ tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }] });
    expect(pods(c).map(nodeOf)).toEqual(['controlplane', 'node01', 'node02']);
    client.create(NODES, '', { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node03' } });
    c.settle();
    expect(pods(c).map(nodeOf)).toEqual(['controlplane', 'node01', 'node02', 'node03']);
    client.delete(NODES, '', 'node03');
    c.settle();
    expect(pods(c).map(nodeOf)).toEqual(['controlplane', 'node01', 'node02']);
  });

  it('rolls a template change out one node at a time', () => {
    const { c, client } = setup();
    readyAll(c);
    const ds = thaw(client.get(DAEMONSETS, 'kube-system', 'agent')) as KubeObject & { spec: { template: { spec: { containers: Array<{ image: string }> } } } };
    ds.spec.template.spec.containers[0].image = 'busybox:1.37';
    client.update(DAEMONSETS, ds);
    c.settle();
    expect(client.get(DAEMONSETS, 'kube-system', 'agent').metadata.annotations?.['deprecated.daemonset.template.generation']).toBe('2');
    const images = () => pods(c).map((p) => (p.spec as { containers: Array<{ image: string }> }).containers[0].image);
    // One old pod deleted, its replacement created; the other waits until the new one is available.
    expect(images().sort()).toEqual(['busybox:1.36', 'busybox:1.37']);
    readyAll(c);
    expect(images()).toEqual(['busybox:1.37', 'busybox:1.37']);
    expect(pods(c).every((p) => p.metadata.labels?.['pod-template-generation'] === '2')).toBe(true);
  });

  it('keeps a pod on a node tainted NoSchedule but removes it for NoExecute', () => {
    const { c, client } = setup();
    const node = thaw(client.get(NODES, '', 'node02'));
    node.spec = { taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }] };
    client.update(NODES, node);
    c.settle();
    expect(pods(c).map(nodeOf)).toEqual(['node01', 'node02']);
    const again = thaw(client.get(NODES, '', 'node02'));
    again.spec = { taints: [{ key: 'dedicated', value: 'db', effect: 'NoExecute' }] };
    client.update(NODES, again);
    c.settle();
    expect(pods(c).map(nodeOf)).toEqual(['node01']);
  });

  it('keeps a ControllerRevision per template, labels pods with its hash and renumbers it on rollback', () => {
    const { c, client } = setup();
    readyAll(c);
    const revisions = () =>
      client
        .list(CONTROLLER_REVISIONS, 'kube-system')
        .items.map((r) => r as ControllerRevision)
        .sort((a, b) => a.revision - b.revision);
    const [first] = revisions();
    const hash = first.metadata.labels?.['controller-revision-hash'];
    expect(first.metadata.name).toBe(`agent-${hash}`);
    expect(first.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'DaemonSet', name: 'agent', controller: true });
    expect(pods(c).every((p) => p.metadata.labels?.['controller-revision-hash'] === hash)).toBe(true);
    const setImage = (image: string) => {
      client.patch(DAEMONSETS, 'kube-system', 'agent', 'strategic', { spec: { template: { spec: { containers: [{ name: 'a', image }] } } } });
      for (let i = 0; i < 3; i++) readyAll(c);
    };
    setImage('busybox:1.37');
    expect(revisions().map((r) => r.revision)).toEqual([1, 2]);
    setImage('busybox:1.36');
    expect(revisions().map((r) => [r.metadata.name, r.revision])).toEqual([
      [revisions()[0].metadata.name, 2],
      [first.metadata.name, 3],
    ]);
    expect(pods(c).every((p) => p.metadata.labels?.['controller-revision-hash'] === hash)).toBe(true);
  });
});
