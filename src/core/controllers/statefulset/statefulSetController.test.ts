import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types.ts';
import { PODS } from '../../client/client.ts';
import type { Cluster } from '../../sim/cluster.ts';
import { CONTROLLER_REVISIONS, type ControllerRevision } from '../history/controllerHistory.ts';
import { installGarbageCollector } from '../garbagecollector/garbageCollector.ts';
import { eventMessages, finishTerminatingPods, list, markPodsReady, newTestCluster } from '../replicaset/testUtils.ts';
import { installStatefulSetController, STATEFULSETS } from './statefulSetController.ts';
import { PERSISTENT_VOLUME_CLAIMS } from './statefulPodControl.ts';

type Spec = Record<string, unknown>;

function setup(spec: Spec = {}) {
  const c = newTestCluster(installStatefulSetController, installGarbageCollector);
  const client = c.client();
  client.create(STATEFULSETS, 'default', {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web' },
    spec: {
      serviceName: 'nginx',
      replicas: 3,
      selector: { matchLabels: { app: 'nginx' } },
      template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } },
      ...spec,
    },
  });
  c.settle();
  return { c, client };
}

/** livePods: names of the pods not being deleted, in ordinal order. */
const livePods = (c: Cluster) =>
  list(c, PODS)
    .filter((p) => !p.metadata.deletionTimestamp)
    .map((p) => p.metadata.name);
const sts = (c: Cluster) => c.client().get(STATEFULSETS, 'default', 'web') as KubeObject & { status: Record<string, unknown>; spec: Spec };
const revisionLabel = (c: Cluster, name: string) => c.client().get(PODS, 'default', name).metadata.labels?.['controller-revision-hash'];

/** readyOneByOne plays kubelet until no new pod appears: returns the order pods were created in. */
function readyOneByOne(c: Cluster): string[] {
  const seen: string[] = [];
  for (let i = 0; i < 10; i++) {
    for (const n of livePods(c)) if (!seen.includes(n ?? '')) seen.push(n ?? '');
    if (markPodsReady(c, 'app=nginx') === 0) break;
  }
  return seen;
}

describe('statefulset controller', () => {
  it('defaults the StatefulSet as v1.32 does', () => {
    const { c } = setup();
    expect(sts(c).spec).toMatchObject({
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
      revisionHistoryLimit: 10,
    });
  });

  it('creates web-0 first and the next ordinal only once the previous one is Running and Ready', () => {
    const { c } = setup();
    expect(livePods(c)).toEqual(['web-0']);
    const pod = c.client().get(PODS, 'default', 'web-0');
    expect(pod.spec).toMatchObject({ hostname: 'web-0', subdomain: 'nginx' });
    expect(pod.metadata.labels).toMatchObject({ app: 'nginx', 'statefulset.kubernetes.io/pod-name': 'web-0', 'apps.kubernetes.io/pod-index': '0' });
    expect(pod.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'StatefulSet', name: 'web', controller: true, blockOwnerDeletion: true });
    expect(readyOneByOne(c)).toEqual(['web-0', 'web-1', 'web-2']);
    expect(eventMessages(c, 'StatefulSet', 'web')).toEqual([
      'SuccessfulCreate: create Pod web-0 in StatefulSet web successful',
      'SuccessfulCreate: create Pod web-1 in StatefulSet web successful',
      'SuccessfulCreate: create Pod web-2 in StatefulSet web successful',
    ]);
    const revs = list<ControllerRevision>(c, CONTROLLER_REVISIONS);
    expect(revs).toHaveLength(1);
    expect(revs[0].revision).toBe(1);
    expect(revs[0].metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]+$/);
    expect(revs[0].metadata.labels).toMatchObject({ app: 'nginx' });
    expect(revisionLabel(c, 'web-2')).toBe(revs[0].metadata.name);
    expect(sts(c).status).toEqual({
      replicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
      currentReplicas: 3,
      updatedReplicas: 3,
      currentRevision: revs[0].metadata.name,
      updateRevision: revs[0].metadata.name,
      collisionCount: 0,
      observedGeneration: 1,
    });
  });

  it('creates every pod at once with Parallel', () => {
    const { c } = setup({ podManagementPolicy: 'Parallel' });
    expect(livePods(c)).toEqual(['web-0', 'web-1', 'web-2']);
  });

  it('scales down from the highest ordinal, one pod at a time', () => {
    const { c, client } = setup();
    readyOneByOne(c);
    client.patch(STATEFULSETS, 'default', 'web', 'merge', { spec: { replicas: 1 } });
    c.settle();
    expect(livePods(c)).toEqual(['web-0', 'web-1']);
    finishTerminatingPods(c);
    expect(livePods(c)).toEqual(['web-0']);
    expect(eventMessages(c, 'StatefulSet', 'web').slice(-2)).toEqual([
      'SuccessfulDelete: delete Pod web-2 in StatefulSet web successful',
      'SuccessfulDelete: delete Pod web-1 in StatefulSet web successful',
    ]);
  });

  it('rolls a new template from the highest ordinal down, honouring the partition', () => {
    const { c, client } = setup();
    readyOneByOne(c);
    const first = sts(c).status.currentRevision;
    client.patch(STATEFULSETS, 'default', 'web', 'merge', {
      spec: { updateStrategy: { rollingUpdate: { partition: 1 } }, template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.26' }] } } },
    });
    c.settle();
    const update = sts(c).status.updateRevision as string;
    expect(update).not.toBe(first);
    const order: string[] = [];
    for (let i = 0; i < 6; i++) {
      for (const p of list(c, PODS)) if (p.metadata.deletionTimestamp && !order.includes(p.metadata.name ?? '')) order.push(p.metadata.name ?? '');
      finishTerminatingPods(c);
      markPodsReady(c, 'app=nginx');
    }
    expect(order).toEqual(['web-2', 'web-1']);
    expect(revisionLabel(c, 'web-0')).toBe(first);
    expect(revisionLabel(c, 'web-1')).toBe(update);
    expect(sts(c).status).toMatchObject({ currentRevision: first, updateRevision: update, updatedReplicas: 2, currentReplicas: 1 });
    // Partition 0 finishes the roll out and the update revision becomes current.
    client.patch(STATEFULSETS, 'default', 'web', 'merge', { spec: { updateStrategy: { rollingUpdate: { partition: 0 } } } });
    c.settle();
    finishTerminatingPods(c);
    markPodsReady(c, 'app=nginx');
    expect(revisionLabel(c, 'web-0')).toBe(update);
    expect(sts(c).status).toMatchObject({ currentRevision: update, updateRevision: update, updatedReplicas: 3, currentReplicas: 3 });
  });

  it('leaves running pods alone with OnDelete and gives replacements the new template', () => {
    const { c, client } = setup({ updateStrategy: { type: 'OnDelete' } });
    readyOneByOne(c);
    client.patch(STATEFULSETS, 'default', 'web', 'merge', { spec: { template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.26' }] } } } });
    c.settle();
    expect(list(c, PODS).filter((p) => p.metadata.deletionTimestamp)).toEqual([]);
    client.delete(PODS, 'default', 'web-1', { gracePeriodSeconds: 0 });
    c.settle();
    expect(revisionLabel(c, 'web-1')).toBe(sts(c).status.updateRevision);
    expect(revisionLabel(c, 'web-0')).toBe(sts(c).status.currentRevision);
  });

  it('renumbers the old revision on rollback and prunes history past revisionHistoryLimit', () => {
    const { c, client } = setup({ replicas: 1, revisionHistoryLimit: 1 });
    const image = (tag: string) => client.patch(STATEFULSETS, 'default', 'web', 'merge', { spec: { template: { spec: { containers: [{ name: 'nginx', image: `nginx:${tag}` }] } } } });
    const roll = () => {
      for (let i = 0; i < 3; i++) {
        c.settle();
        finishTerminatingPods(c);
        markPodsReady(c, 'app=nginx');
      }
    };
    roll();
    image('1.26');
    roll();
    image('1.27');
    roll();
    const revs = list<ControllerRevision>(c, CONTROLLER_REVISIONS).sort((a, b) => a.revision - b.revision);
    expect(revs.map((r) => r.revision)).toEqual([2, 3]);
    image('1.25');
    roll();
    expect(list<ControllerRevision>(c, CONTROLLER_REVISIONS).map((r) => r.revision).sort()).toEqual([3, 4]);
  });

  it('replaces a failed pod under the same name', () => {
    const { c, client } = setup({ replicas: 1 });
    markPodsReady(c, 'app=nginx');
    const pod = client.get(PODS, 'default', 'web-0');
    const uid = pod.metadata.uid;
    client.updateStatus(PODS, { ...pod, status: { phase: 'Failed' } } as KubeObject);
    c.settle();
    finishTerminatingPods(c);
    const again = client.get(PODS, 'default', 'web-0');
    expect(again.metadata.uid).not.toBe(uid);
  });

  it('records FailedCreate in upstream words when the API server rejects the pod', () => {
    const { c } = setup({ replicas: 1, template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx' }] } } });
    expect(livePods(c)).toEqual([]);
    expect(eventMessages(c, 'StatefulSet', 'web')[0]).toBe(
      'FailedCreate: create Pod web-0 in StatefulSet web failed error: Pod "web-0" is invalid: spec.containers[0].image: Required value',
    );
  });

  it('creates a claim per volumeClaimTemplate before the pod and mounts it', () => {
    const { c, client } = setup({
      replicas: 1,
      template: {
        metadata: { labels: { app: 'nginx' } },
        spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', volumeMounts: [{ name: 'www', mountPath: '/usr/share/nginx/html' }] }] },
      },
      volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
    });
    const claim = client.get(PERSISTENT_VOLUME_CLAIMS, 'default', 'www-web-0');
    expect(claim.metadata.labels).toEqual({ app: 'nginx' });
    expect(claim.metadata.ownerReferences).toBeUndefined();
    expect((client.get(PODS, 'default', 'web-0').spec as { volumes: unknown[] }).volumes[0]).toEqual({ name: 'www', persistentVolumeClaim: { claimName: 'www-web-0' } });
    expect(eventMessages(c, 'StatefulSet', 'web')).toEqual([
      'SuccessfulCreate: create Claim www-web-0 Pod web-0 in StatefulSet web success',
      'SuccessfulCreate: create Pod web-0 in StatefulSet web successful',
    ]);
    // Claims outlive the StatefulSet (whenDeleted: Retain).
    client.delete(STATEFULSETS, 'default', 'web');
    c.settle();
    expect(client.tryGet(PERSISTENT_VOLUME_CLAIMS, 'default', 'www-web-0')).toBeDefined();
  });

  it('gives claims the owners persistentVolumeClaimRetentionPolicy asks for', () => {
    const claimTemplate = [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }];
    const { c, client } = setup({ replicas: 2, volumeClaimTemplates: claimTemplate, persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Delete', whenScaled: 'Delete' } });
    readyOneByOne(c);
    const set = sts(c);
    const owners = (name: string) => client.get(PERSISTENT_VOLUME_CLAIMS, 'default', name).metadata.ownerReferences;
    expect(owners('www-web-1')).toEqual([{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: set.metadata.uid }]);
    // Scaling down hands web-1's claim to the pod, so it goes when the pod goes.
    client.patch(STATEFULSETS, 'default', 'web', 'merge', { spec: { replicas: 1 } });
    c.settle();
    const pod1 = client.get(PODS, 'default', 'web-1');
    expect(owners('www-web-1')).toEqual([{ apiVersion: 'v1', kind: 'Pod', name: 'web-1', uid: pod1.metadata.uid }]);
    finishTerminatingPods(c);
    const gone = (name: string) => {
      const claim = client.tryGet(PERSISTENT_VOLUME_CLAIMS, 'default', name);
      return !claim || !!claim.metadata.deletionTimestamp;
    };
    expect(gone('www-web-1')).toBe(true);
    expect(gone('www-web-0')).toBe(false);
    client.delete(STATEFULSETS, 'default', 'web');
    c.settle();
    expect(gone('www-web-0')).toBe(true);
  });

  it('adopts the pods and revisions a StatefulSet deleted with --cascade=orphan left behind', () => {
    const { c, client } = setup({ replicas: 2 });
    readyOneByOne(c);
    const oldRevision = sts(c).status.currentRevision;
    client.delete(STATEFULSETS, 'default', 'web', { propagationPolicy: 'Orphan' });
    c.settle();
    expect(client.get(PODS, 'default', 'web-0').metadata.ownerReferences).toBeUndefined();
    client.create(STATEFULSETS, 'default', {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'web' },
      spec: {
        serviceName: 'nginx',
        replicas: 2,
        selector: { matchLabels: { app: 'nginx' } },
        template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } },
      },
    });
    c.settle();
    const uid = sts(c).metadata.uid;
    expect(client.get(PODS, 'default', 'web-0').metadata.ownerReferences?.[0]).toMatchObject({ kind: 'StatefulSet', uid, controller: true });
    const revs = list<ControllerRevision>(c, CONTROLLER_REVISIONS);
    expect(revs.map((r) => [r.metadata.name, r.revision, r.metadata.ownerReferences?.[0]?.uid])).toEqual([[oldRevision, 1, uid]]);
    expect(livePods(c)).toEqual(['web-0', 'web-1']);
  });

  it('restores identity labels a user removed from a pod', () => {
    const { c, client } = setup({ replicas: 1 });
    markPodsReady(c, 'app=nginx');
    client.patch(PODS, 'default', 'web-0', 'json', [{ op: 'remove', path: '/metadata/labels/statefulset.kubernetes.io~1pod-name' }]);
    c.settle();
    expect(client.get(PODS, 'default', 'web-0').metadata.labels?.['statefulset.kubernetes.io/pod-name']).toBe('web-0');
    expect(eventMessages(c, 'StatefulSet', 'web').at(-1)).toBe('SuccessfulUpdate: update Pod web-0 in StatefulSet web successful');
  });

  it('the garbage collector removes pods and revisions with the StatefulSet', () => {
    const { c, client } = setup({ replicas: 1 });
    client.delete(STATEFULSETS, 'default', 'web');
    c.settle();
    finishTerminatingPods(c);
    expect(livePods(c)).toEqual([]);
    expect(list(c, CONTROLLER_REVISIONS)).toEqual([]);
  });
});
