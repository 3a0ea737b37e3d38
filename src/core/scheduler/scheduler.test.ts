import { describe, expect, it } from 'vitest';
import { NODES, PODS } from '../client/client.ts';
import { controlPlaneNode, eventsFor, podNode, schedulerCluster, testNode, testPod } from './testCluster.ts';

describe('scheduler on a cluster', () => {
  it('binds a pod and records the Scheduled event', () => {
    const { cluster } = schedulerCluster([controlPlaneNode(), testNode('node01')]);
    cluster.client().create(PODS, 'default', testPod('web'));
    cluster.settle();
    expect(podNode(cluster, 'web')).toBe('node01');
    expect(eventsFor(cluster, 'web')).toEqual(['Scheduled: Successfully assigned default/web to node01']);
  });

  it('reports Insufficient cpu and the control-plane taint', () => {
    const { cluster, scheduler } = schedulerCluster([controlPlaneNode(), testNode('node01'), testNode('node02')]);
    cluster.client().create(PODS, 'default', testPod('big', { cpu: '3' }));
    cluster.settle();
    expect(podNode(cluster, 'big')).toBe('');
    const msg =
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. ' +
      'preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod..';
    expect(eventsFor(cluster, 'big')).toEqual([`FailedScheduling: ${msg}`]);
    const pod = cluster.client().get(PODS, 'default', 'big');
    const cond = (pod.status as { conditions: Array<Record<string, unknown>> }).conditions.find((c) => c.type === 'PodScheduled');
    expect(cond).toMatchObject({ status: 'False', reason: 'Unschedulable', message: msg });
    const d = scheduler.decisionFor('default', 'big')!;
    expect(d.result).toBe('Unschedulable');
    expect(d.nodes.map((n) => [n.node, n.filters.at(-1)?.plugin, n.filters.at(-1)?.reasons])).toEqual([
      ['controlplane', 'TaintToleration', ['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }']],
      ['node01', 'NodeResourcesFit', ['Insufficient cpu']],
      ['node02', 'NodeResourcesFit', ['Insufficient cpu']],
    ]);
  });

  it('spreads 6 replicas of a ReplicaSet 3/3 over two workers', () => {
    const { cluster } = schedulerCluster([controlPlaneNode(), testNode('node01'), testNode('node02')]);
    const client = cluster.client();
    const rs = client.create({ group: 'apps', resource: 'replicasets' }, 'default', {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'web-7c5ddbdf54' },
      spec: {
        replicas: 0,
        selector: { matchLabels: { app: 'web' } },
        template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'nginx' }] } },
      },
    });
    for (let i = 0; i < 6; i++) {
      client.create(PODS, 'default', testPod(`web-${i}`, { labels: { app: 'web' }, owner: rs }));
      cluster.settle();
    }
    const counts: Record<string, number> = {};
    for (let i = 0; i < 6; i++) counts[podNode(cluster, `web-${i}`)] = (counts[podNode(cluster, `web-${i}`)] ?? 0) + 1;
    expect(counts).toEqual({ node01: 3, node02: 3 });
  });

  it('honours nodeSelector', () => {
    const { cluster } = schedulerCluster([controlPlaneNode(), testNode('node01'), testNode('node02', { labels: { disk: 'ssd' } })]);
    cluster.client().create(PODS, 'default', testPod('fast', { spec: { nodeSelector: { disk: 'ssd' } } }));
    cluster.client().create(PODS, 'default', testPod('gpu', { spec: { nodeSelector: { gpu: 'yes' } } }));
    cluster.settle();
    expect(podNode(cluster, 'fast')).toBe('node02');
    expect(eventsFor(cluster, 'gpu')).toEqual([
      "FailedScheduling: 0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's node affinity/selector. " +
        'preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling..',
    ]);
  });

  it('skips cordoned nodes and schedules on the one left', () => {
    const { cluster } = schedulerCluster([controlPlaneNode(), testNode('node01', { unschedulable: true }), testNode('node02')]);
    cluster.client().create(PODS, 'default', testPod('a'));
    cluster.settle();
    expect(podNode(cluster, 'a')).toBe('node02');
  });

  it('says "were unschedulable" when every worker is cordoned', () => {
    const { cluster } = schedulerCluster([controlPlaneNode(), testNode('node01', { unschedulable: true })]);
    cluster.client().create(PODS, 'default', testPod('a'));
    cluster.settle();
    expect(eventsFor(cluster, 'a')[0]).toBe(
      'FailedScheduling: 0/2 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 1 node(s) were unschedulable. ' +
        'preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling..',
    );
  });

  it('lets a pod that tolerates the control-plane taint land there', () => {
    const { cluster } = schedulerCluster([controlPlaneNode()]);
    cluster.client().create(PODS, 'default', testPod('cp', { spec: { tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }] } }));
    cluster.settle();
    expect(podNode(cluster, 'cp')).toBe('controlplane');
  });

  it('schedules a pending pod when a node is added', () => {
    const { cluster } = schedulerCluster([controlPlaneNode()]);
    const client = cluster.client();
    client.create(PODS, 'default', testPod('waiting'));
    cluster.settle();
    expect(podNode(cluster, 'waiting')).toBe('');
    cluster.advance(2_000);
    client.create(NODES, '', testNode('node01'));
    cluster.settle();
    expect(podNode(cluster, 'waiting')).toBe('node01');
  });

  it('retries after backoff when a node is added right after a failure', () => {
    const { cluster } = schedulerCluster([controlPlaneNode()]);
    const client = cluster.client();
    client.create(PODS, 'default', testPod('waiting'));
    cluster.settle();
    client.create(NODES, '', testNode('node01'));
    cluster.settle();
    expect(podNode(cluster, 'waiting')).toBe('');
    cluster.advance(1_000);
    expect(podNode(cluster, 'waiting')).toBe('node01');
  });

  it('retries an unschedulable pod every 5 minutes when nothing changes', () => {
    const { cluster } = schedulerCluster([controlPlaneNode()]);
    cluster.client().create(PODS, 'default', testPod('stuck'));
    cluster.settle();
    cluster.advance(4 * 60_000);
    expect(cluster.services.get('scheduler') && eventsFor(cluster, 'stuck')).toHaveLength(1);
    const ev = () => cluster.client().list({ group: '', resource: 'events' }, 'default').items[0] as unknown as { count: number };
    expect(ev().count).toBe(1);
    cluster.advance(90_000);
    expect(ev().count).toBe(2);
  });

  it('reports no nodes at all', () => {
    const { cluster } = schedulerCluster([]);
    cluster.client().create(PODS, 'default', testPod('alone'));
    cluster.settle();
    expect(eventsFor(cluster, 'alone')).toEqual(['FailedScheduling: no nodes available to schedule pods']);
  });

  it('ignores pods for another scheduler', () => {
    const { cluster } = schedulerCluster([testNode('node01')]);
    cluster.client().create(PODS, 'default', testPod('other', { spec: { schedulerName: 'my-scheduler' } }));
    cluster.settle();
    expect(podNode(cluster, 'other')).toBe('');
    expect(eventsFor(cluster, 'other')).toEqual([]);
  });
});

describe('preemption', () => {
  it('evicts a lower-priority pod, nominates the node, then binds once the victim is gone', () => {
    const { cluster } = schedulerCluster([controlPlaneNode(), testNode('node01')]);
    const client = cluster.client();
    client.create(PODS, 'default', testPod('low', { cpu: '1500m' }));
    cluster.settle();
    expect(podNode(cluster, 'low')).toBe('node01');
    const high = client.create(PODS, 'default', testPod('high', { cpu: '1', spec: { priority: 1000 } }));
    cluster.settle();
    const low = client.get(PODS, 'default', 'low');
    expect(low.metadata.deletionTimestamp).toBeDefined();
    expect(eventsFor(cluster, 'low')).toContain(`Preempted: Preempted by pod ${high.metadata.uid} on node node01`);
    expect((client.get(PODS, 'default', 'high').status as { nominatedNodeName?: string }).nominatedNodeName).toBe('node01');
    expect(eventsFor(cluster, 'high')).toEqual([
      'FailedScheduling: 0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }.',
    ]);
    // The kubelet would finish the victim; here we remove it ourselves.
    client.delete(PODS, 'default', 'low', { gracePeriodSeconds: 0 });
    cluster.advance(2_000);
    expect(podNode(cluster, 'high')).toBe('node01');
  });

  it('does not preempt pods of equal priority', () => {
    const { cluster } = schedulerCluster([testNode('node01')]);
    const client = cluster.client();
    client.create(PODS, 'default', testPod('a', { cpu: '1500m' }));
    client.create(PODS, 'default', testPod('b', { cpu: '1' }));
    cluster.settle();
    expect(eventsFor(cluster, 'b')).toEqual([
      'FailedScheduling: 0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod..',
    ]);
  });
});
