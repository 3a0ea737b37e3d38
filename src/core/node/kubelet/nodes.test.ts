import { describe, expect, it } from 'vitest';
import { NODES, PODS, SERVICES } from '../../client/client.ts';
import type { NodeManager } from '../install.ts';
import type { Kubelet } from './kubelet.ts';
import { createPod, getNode, getPod, nodeCluster, podEvents, run } from './testCluster.ts';

describe('kubelet: nodes at runtime', () => {
  it('addNode registers node03 with the next IP and CIDR; removeNode deletes it', async () => {
    const cluster = nodeCluster();
    const nodes = cluster.services.get('nodes') as NodeManager;
    nodes.addNode({ name: 'node03', controlPlane: false, cpu: '4', memory: '8Gi', pods: '110' });
    await run(cluster, 1000);
    const n = getNode(cluster, 'node03');
    expect(n.spec!.podCIDR).toBe('10.244.3.0/24');
    expect(n.status!.addresses![0]).toEqual({ address: '172.30.4.2', type: 'InternalIP' });
    expect(n.status!.capacity!.cpu).toBe('4');
    nodes.removeNode('node03');
    expect(cluster.client().tryGet(NODES, '', 'node03')).toBeUndefined();
    expect(cluster.services.has('kubelet/node03')).toBe(false);
  });

  it('a stopped kubelet does not start pods until started again', async () => {
    const cluster = nodeCluster();
    const k = cluster.services.get('kubelet/node01') as Kubelet;
    k.stop();
    createPod(cluster, { containers: [{ name: 'web', image: 'nginx' }] });
    await run(cluster, 20_000);
    expect(getPod(cluster).status?.containerStatuses).toBeUndefined();
    k.start();
    await run(cluster, 20_000);
    expect(getPod(cluster).status?.phase).toBe('Running');
  });

  it('recreates a deleted mirror pod', async () => {
    const cluster = nodeCluster();
    await run(cluster, 30_000);
    const before = cluster.client().get(PODS, 'kube-system', 'etcd-controlplane');
    cluster.client().delete(PODS, 'kube-system', 'etcd-controlplane', { gracePeriodSeconds: 0 });
    await run(cluster, 1000);
    const after = cluster.client().get(PODS, 'kube-system', 'etcd-controlplane');
    expect(after.metadata.uid).not.toBe(before.metadata.uid);
    expect(after.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Node', name: 'controlplane', controller: true });
  });

  it('reports pulled images in node status', async () => {
    const cluster = nodeCluster();
    createPod(cluster, { containers: [{ name: 'web', image: 'redis:7.4' }] });
    await run(cluster, 30_000);
    const n = getNode(cluster, 'node01');
    expect(n.status!.images!.some((i) => i.names?.includes('docker.io/library/redis:7.4'))).toBe(true);
  });
});

describe('kubelet: pod features', () => {
  it('runs init containers in order before app containers', async () => {
    const cluster = nodeCluster();
    createPod(cluster, {
      initContainers: [
        { name: 'one', image: 'busybox', command: ['sh', '-c', 'echo one > /work/log; sleep 2'], volumeMounts: [{ name: 'w', mountPath: '/work' }] },
        { name: 'two', image: 'busybox', command: ['sh', '-c', 'echo two >> /work/log'], volumeMounts: [{ name: 'w', mountPath: '/work' }] },
      ],
      containers: [{ name: 'web', image: 'busybox', command: ['sh', '-c', 'cat /work/log; sleep 3600'], volumeMounts: [{ name: 'w', mountPath: '/work' }] }],
      volumes: [{ name: 'w', emptyDir: {} }],
    });
    await run(cluster, 2000);
    let pod = getPod(cluster);
    expect(pod.status?.phase).toBe('Pending');
    expect(pod.status?.conditions?.find((c) => c.type === 'Initialized')).toMatchObject({ status: 'False', reason: 'ContainersNotInitialized', message: 'containers with incomplete status: [one two]' });
    expect(pod.status?.containerStatuses?.[0].state?.waiting?.reason).toBe('PodInitializing');
    await run(cluster, 20_000);
    pod = getPod(cluster);
    expect(pod.status?.phase).toBe('Running');
    expect(pod.status?.initContainerStatuses?.map((s) => s.state?.terminated?.reason)).toEqual(['Completed', 'Completed']);
    expect(cluster.client().logs('default', 'web', { container: 'web' })).toBe('one\ntwo\n');
  });

  it('injects service links, secret and downward API volumes', async () => {
    const cluster = nodeCluster();
    cluster.client().create(SERVICES, 'default', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'db' }, spec: { clusterIP: '10.96.7.7', ports: [{ port: 5432 }] } });
    cluster.client().create({ group: '', resource: 'secrets' }, 'default', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'creds' }, data: { user: 'YWRtaW4=' } });
    createPod(cluster, {
      containers: [{ name: 'web', image: 'busybox', command: ['sleep', '3600'], volumeMounts: [{ name: 's', mountPath: '/s' }, { name: 'info', mountPath: '/info' }] }],
      volumes: [{ name: 's', secret: { secretName: 'creds' } }, { name: 'info', downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }] } }],
    });
    cluster.client().patch(PODS, 'default', 'web', 'merge', { metadata: { labels: { app: 'web' } } });
    await run(cluster, 10_000);
    let out = '';
    const io = { container: 'web', stdin: '', tty: false, stdout: (t: string) => (out += t), stderr: (t: string) => (out += t) };
    await cluster.client().exec('default', 'web', { ...io, command: ['sh', '-c', 'echo $DB_SERVICE_HOST:$DB_SERVICE_PORT; cat /s/user; echo; cat /info/labels'] });
    expect(out).toBe('10.96.7.7:5432\nadmin\napp="web"');
    out = '';
    const code = await cluster.client().exec('default', 'web', { ...io, command: ['sh', '-c', 'echo x > /s/new'] });
    expect(code).not.toBe(0);
    expect(out).toContain('Read-only file system');
  });

  it('a missing ConfigMap volume leaves the pod ContainerCreating with FailedMount', async () => {
    const cluster = nodeCluster();
    createPod(cluster, { containers: [{ name: 'web', image: 'nginx', volumeMounts: [{ name: 'c', mountPath: '/c' }] }], volumes: [{ name: 'c', configMap: { name: 'missing' } }] });
    await run(cluster, 20_000);
    expect(getPod(cluster).status?.containerStatuses?.[0].state?.waiting?.reason).toBe('ContainerCreating');
    expect(podEvents(cluster)).toContain('FailedMount: MountVolume.SetUp failed for volume "c" : configmap "missing" not found');
  });
});
