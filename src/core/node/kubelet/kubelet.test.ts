import { describe, expect, it } from 'vitest';
import { PODS } from '../../client/client.ts';
import type { Kubelet } from './kubelet.ts';
import type { Pod } from '../../api/types.ts';
import { createPod, getLease, getNode, getPod, nodeCluster, podEvents, run, runUntil } from './testCluster.ts';

describe('kubelet: nginx pod', () => {
  it('goes ContainerCreating → Running with pull events', async () => {
    const cluster = nodeCluster();
    createPod(cluster, { containers: [{ name: 'web', image: 'nginx' }] });
    await run(cluster, 500);
    let pod = getPod(cluster);
    expect(pod.status?.phase).toBe('Pending');
    expect(pod.status?.containerStatuses?.[0].state?.waiting?.reason).toBe('ContainerCreating');
    await run(cluster, 10_000);
    pod = getPod(cluster);
    expect(pod.status?.phase).toBe('Running');
    expect(pod.status?.podIP).toBe('10.244.1.2');
    expect(pod.status?.hostIP).toBe('172.30.2.2');
    const cs = pod.status!.containerStatuses![0];
    expect(cs.ready).toBe(true);
    expect(cs.image).toBe('docker.io/library/nginx:latest');
    expect(cs.imageID).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(cs.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    const events = podEvents(cluster);
    expect(events[0]).toBe('Pulling: Pulling image "nginx"');
    expect(events[1]).toMatch(/^Pulled: Successfully pulled image "nginx" in [\d.]+m?s \([\d.]+m?s including waiting\)\. Image size: \d+ bytes\.$/);
    expect(events.slice(2)).toEqual(['Created: Created container: web', 'Started: Started container web']);
    const ready = pod.status!.conditions!.map((c) => `${c.type}=${c.status}`);
    expect(ready).toEqual(['PodReadyToStartContainers=True', 'Initialized=True', 'Ready=True', 'ContainersReady=True', 'PodScheduled=True']);
  });
});

describe('kubelet: node registration', () => {
  it('registers Nodes with labels, taints, addresses and a renewed Lease', async () => {
    const cluster = nodeCluster();
    const cp = getNode(cluster, 'controlplane');
    expect(cp.metadata!.labels!['node-role.kubernetes.io/control-plane']).toBe('');
    expect(cp.spec!.taints).toEqual([{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }]);
    expect(cp.spec!.podCIDR).toBe('10.244.0.0/24');
    expect(cp.status!.addresses).toEqual([{ address: '172.30.1.2', type: 'InternalIP' }, { address: 'controlplane', type: 'Hostname' }]);
    expect(cp.status!.conditions!.find((c) => c.type === 'Ready')).toMatchObject({ status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' });
    expect(cp.status!.nodeInfo!.kubeletVersion).toBe('v1.32.2');
    const n1 = getNode(cluster, 'node01');
    expect(n1.spec!.podCIDR).toBe('10.244.1.0/24');
    expect(n1.spec!.taints).toBeUndefined();
    const lease1 = getLease(cluster, 'node01');
    await run(cluster, 10_000);
    const lease2 = getLease(cluster, 'node01');
    expect(lease2.spec!.renewTime).not.toBe(lease1.spec!.renewTime);
    (cluster.services.get('kubelet/node01') as Kubelet).stop();
    await run(cluster, 30_000);
    const lease3 = getLease(cluster, 'node01');
    expect(lease3.spec!.renewTime).toBe(lease2.spec!.renewTime);
  });

  it('runs the control-plane static pods as mirror pods', async () => {
    const cluster = nodeCluster();
    await run(cluster, 60_000);
    const pods = cluster.client().list(PODS, 'kube-system').items;
    expect(pods.map((p) => p.metadata.name).sort()).toEqual([
      'etcd-controlplane', 'kube-apiserver-controlplane', 'kube-controller-manager-controlplane', 'kube-scheduler-controlplane',
    ]);
    for (const p of pods) {
      expect(p.metadata.annotations!['kubernetes.io/config.source']).toBe('file');
      expect((p as unknown as Pod).status?.phase).toBe('Running');
      expect((p as unknown as Pod).status?.podIP).toBe('172.30.1.2');
    }
    void runUntil;
  });

  it('static pods get Ready under the synchronous loop (httpGet probes answer in the same instant)', () => {
    const cluster = nodeCluster();
    cluster.advance(60_000);
    const api = getPod(cluster, 'kube-apiserver-controlplane', 'kube-system');
    expect(api.status!.containerStatuses![0]).toMatchObject({ ready: true, started: true, restartCount: 0 });
    expect(api.metadata!.ownerReferences![0]).toMatchObject({ apiVersion: 'v1', kind: 'Node', name: 'controlplane', controller: true });
    expect(api.spec!.priorityClassName).toBe('system-node-critical');
  });
});
