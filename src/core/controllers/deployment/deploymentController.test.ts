import { describe, expect, it } from 'vitest';
import { DEPLOYMENTS } from '../../client/client.ts';
import { installReplicaSetController } from '../replicaset/replicaSetController.ts';
import { eventMessages, finishTerminatingPods, markPodsReady, newTestCluster, podsMatching } from '../replicaset/testUtils.ts';
import { installDeploymentController } from './deploymentController.ts';
import { deployment, editDeployment, getDeployment, replicaSetsOf, setImage, sizes } from './testUtils.ts';

const HASH = /^[bcdfghjklmnpqrstvwxz2456789]{9,10}$/;

function setup() {
  return newTestCluster(installDeploymentController, installReplicaSetController);
}

describe('Deployment controller', () => {
  it('creates a ReplicaSet named <deployment>-<hash> with annotations, and pods', () => {
    const cluster = setup();
    const d = cluster.client().create(DEPLOYMENTS, 'default', deployment('web', 3));
    cluster.settle();
    const [rs] = replicaSetsOf(cluster, 'web');
    const hash = rs.metadata.labels?.['pod-template-hash'] ?? '';
    expect(hash).toMatch(HASH);
    expect(rs.metadata.name).toBe(`web-${hash}`);
    expect(rs.metadata.labels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs.spec.selector.matchLabels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs.spec.template?.metadata?.labels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs.metadata.annotations).toEqual({
      'deployment.kubernetes.io/desired-replicas': '3',
      'deployment.kubernetes.io/max-replicas': '4',
      'deployment.kubernetes.io/revision': '1',
    });
    expect(rs.metadata.ownerReferences).toEqual([
      { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: d.metadata.uid, controller: true, blockOwnerDeletion: true },
    ]);
    const pods = podsMatching(cluster, 'app=web');
    expect(pods).toHaveLength(3);
    for (const p of pods) expect(p.metadata?.name).toMatch(new RegExp(`^web-${hash}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));

    const got = getDeployment(cluster, 'web');
    expect(got.metadata.annotations).toEqual({ 'deployment.kubernetes.io/revision': '1' });
    expect(got.status).toMatchObject({ observedGeneration: 1, replicas: 3, updatedReplicas: 3, unavailableReplicas: 3 });
    expect(got.status?.conditions?.map((c) => [c.type, c.status, c.reason, c.message])).toEqual([
      ['Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.'],
      ['Progressing', 'True', 'ReplicaSetUpdated', `ReplicaSet "web-${hash}" is progressing.`],
    ]);
    expect(eventMessages(cluster, 'Deployment', 'web')).toEqual([`ScalingReplicaSet: Scaled up replica set web-${hash} from 0 to 3`]);
  });

  it('reports availability and a completed rollout once pods are ready', () => {
    const cluster = setup();
    cluster.client().create(DEPLOYMENTS, 'default', deployment('web', 2));
    cluster.settle();
    markPodsReady(cluster, 'app=web');
    const [rs] = replicaSetsOf(cluster, 'web');
    const got = getDeployment(cluster, 'web');
    expect(got.status).toEqual({
      observedGeneration: 1,
      replicas: 2,
      updatedReplicas: 2,
      readyReplicas: 2,
      availableReplicas: 2,
      conditions: [
        expect.objectContaining({ type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' }),
        expect.objectContaining({ type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${rs.metadata.name}" has successfully progressed.` }),
      ],
    });
  });

  it('gives the same template the same hash', () => {
    const a = setup();
    const b = setup();
    a.client().create(DEPLOYMENTS, 'default', deployment('web', 1));
    b.client().create(DEPLOYMENTS, 'default', deployment('web', 5));
    a.settle();
    b.settle();
    expect(replicaSetsOf(a, 'web')[0].metadata.name).toBe(replicaSetsOf(b, 'web')[0].metadata.name);
  });

  it('rolls out a new template step by step within maxSurge and maxUnavailable', () => {
    const cluster = setup();
    cluster.client().create(DEPLOYMENTS, 'default', deployment('web', 4, { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } } }));
    cluster.settle();
    markPodsReady(cluster, 'app=web');
    cluster.advance(1000);
    setImage(cluster, 'web', 'nginx:1.28');
    // Surge one new pod; nothing old may go until it is available.
    expect(sizes(cluster, 'web')).toEqual([4, 1]);
    const [oldRS, newRS] = replicaSetsOf(cluster, 'web');
    expect(newRS.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
    expect(getDeployment(cluster, 'web').metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
    const newSel = `pod-template-hash=${newRS.metadata.labels?.['pod-template-hash']}`;
    for (let step = 0; step < 10 && sizes(cluster, 'web')[0] > 0; step++) {
      const [o, n] = sizes(cluster, 'web');
      expect(o + n).toBeLessThanOrEqual(5);
      markPodsReady(cluster, newSel);
      finishTerminatingPods(cluster);
    }
    expect(sizes(cluster, 'web')).toEqual([0, 4]);
    const events = eventMessages(cluster, 'Deployment', 'web');
    expect(events).toContain(`ScalingReplicaSet: Scaled up replica set ${newRS.metadata.name} from 0 to 1`);
    expect(events).toContain(`ScalingReplicaSet: Scaled down replica set ${oldRS.metadata.name} from 4 to 3`);
    expect(events).toContain(`ScalingReplicaSet: Scaled down replica set ${oldRS.metadata.name} from 1 to 0`);
    const status = getDeployment(cluster, 'web').status;
    expect(status?.conditions?.find((c) => c.type === 'Progressing')?.reason).toBe('NewReplicaSetAvailable');
    expect(status?.updatedReplicas).toBe(4);
    expect(cluster.loop.warnings).toEqual([]);
  });

  it('rounds default 25% fenceposts as upstream: surge up, unavailable down', () => {
    const cluster = setup();
    cluster.client().create(DEPLOYMENTS, 'default', deployment('web', 3));
    cluster.settle();
    markPodsReady(cluster, 'app=web');
    setImage(cluster, 'web', 'nginx:1.28');
    // maxSurge = ceil(0.75) = 1, maxUnavailable = floor(0.75) = 0.
    expect(sizes(cluster, 'web')).toEqual([3, 1]);
    const [, newRS] = replicaSetsOf(cluster, 'web');
    expect(newRS.metadata.annotations?.['deployment.kubernetes.io/max-replicas']).toBe('4');
  });

  it('scales proportionally when scaled in the middle of a rollout', () => {
    const cluster = setup();
    cluster.client().create(DEPLOYMENTS, 'default', deployment('web', 10, { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 3, maxUnavailable: 2 } } }));
    cluster.settle();
    markPodsReady(cluster, 'app=web');
    setImage(cluster, 'web', 'nginx:does-not-exist');
    // 13 allowed in total; old scaled down by 2 (to 8), new up to 5.
    expect(sizes(cluster, 'web')).toEqual([8, 5]);
    editDeployment(cluster, 'web', (d) => {
      d.spec.replicas = 15;
    });
    // allowed 15+3=18 (max-replicas annotations said 13): 5 more, split 8:5 as 3:2.
    expect(sizes(cluster, 'web')).toEqual([11, 7]);
    expect(cluster.loop.warnings).toEqual([]);
    const rss = replicaSetsOf(cluster, 'web');
    for (const rs of rss) expect(rs.metadata.annotations?.['deployment.kubernetes.io/desired-replicas']).toBe('15');
  });

  it('Recreate scales the old ReplicaSet to zero and waits for its pods before creating the new one', () => {
    const cluster = setup();
    cluster.client().create(DEPLOYMENTS, 'default', deployment('web', 2, { strategy: { type: 'Recreate' } }));
    cluster.settle();
    markPodsReady(cluster, 'app=web');
    setImage(cluster, 'web', 'nginx:1.28');
    expect(sizes(cluster, 'web')).toEqual([0]);
    // The old pods are terminating (bound to a node): no new ReplicaSet yet.
    expect(podsMatching(cluster, 'app=web').every((p) => p.metadata?.deletionTimestamp)).toBe(true);
    finishTerminatingPods(cluster);
    expect(sizes(cluster, 'web')).toEqual([0, 2]);
    expect(podsMatching(cluster, 'app=web')).toHaveLength(2);
    expect(cluster.loop.warnings).toEqual([]);
  });

  it('pauses rollouts but keeps scaling, and records paused/resumed conditions', () => {
    const cluster = setup();
    cluster.client().create(DEPLOYMENTS, 'default', deployment('web', 2));
    cluster.settle();
    editDeployment(cluster, 'web', (d) => {
      d.spec.paused = true;
    });
    const progressing = () => getDeployment(cluster, 'web').status?.conditions?.find((c) => c.type === 'Progressing');
    expect(progressing()).toMatchObject({ status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused' });
    setImage(cluster, 'web', 'nginx:1.28');
    expect(replicaSetsOf(cluster, 'web')).toHaveLength(1);
    editDeployment(cluster, 'web', (d) => {
      d.spec.replicas = 4;
    });
    expect(sizes(cluster, 'web')).toEqual([4]);
    editDeployment(cluster, 'web', (d) => {
      d.spec.paused = false;
    });
    expect(replicaSetsOf(cluster, 'web')).toHaveLength(2);
    const reasons = eventMessages(cluster, 'Deployment', 'web');
    expect(reasons.some((e) => e.startsWith('ScalingReplicaSet: Scaled up replica set') && e.endsWith('from 2 to 4'))).toBe(true);
  });

  it('reuses an old ReplicaSet on rollback with the next revision and a revision history', () => {
    const cluster = setup();
    cluster.client().create(DEPLOYMENTS, 'default', deployment('web', 1, { strategy: { type: 'Recreate' } }));
    cluster.settle();
    const first = replicaSetsOf(cluster, 'web')[0].metadata.name;
    setImage(cluster, 'web', 'nginx:1.28');
    finishTerminatingPods(cluster);
    setImage(cluster, 'web', 'nginx:1.27');
    finishTerminatingPods(cluster);
    const rss = replicaSetsOf(cluster, 'web');
    expect(rss).toHaveLength(2);
    const back = rss.find((rs) => rs.metadata.name === first)!;
    expect(back.spec.replicas).toBe(1);
    expect(back.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
    expect(back.metadata.annotations?.['deployment.kubernetes.io/revision-history']).toBe('1');
    expect(getDeployment(cluster, 'web').metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
  });

  it('copies kubernetes.io/change-cause and deletes empty ReplicaSets beyond revisionHistoryLimit', () => {
    const cluster = setup();
    cluster.client().create(DEPLOYMENTS, 'default', deployment('web', 1, { revisionHistoryLimit: 1, strategy: { type: 'Recreate' } }));
    cluster.settle();
    for (const tag of ['1.25', '1.26', '1.28']) {
      editDeployment(cluster, 'web', (d) => {
        d.metadata.annotations = { ...d.metadata.annotations, 'kubernetes.io/change-cause': `set image ${tag}` };
        d.spec.template.spec!.containers[0].image = `nginx:${tag}`;
      });
      finishTerminatingPods(cluster);
      markPodsReady(cluster, 'app=web');
    }
    const rss = replicaSetsOf(cluster, 'web');
    expect(rss.map((rs) => rs.metadata.annotations?.['deployment.kubernetes.io/revision'])).toEqual(['3', '4']);
    expect(rss[1].metadata.annotations?.['kubernetes.io/change-cause']).toBe('set image 1.28');
  });

  it('reports ProgressDeadlineExceeded after progressDeadlineSeconds without progress', () => {
    const cluster = setup();
    cluster.client().create(DEPLOYMENTS, 'default', deployment('web', 1, { progressDeadlineSeconds: 60 }));
    cluster.settle();
    cluster.advance(30_000);
    expect(getDeployment(cluster, 'web').status?.conditions?.find((c) => c.type === 'Progressing')?.reason).toBe('ReplicaSetUpdated');
    cluster.advance(32_000);
    const [rs] = replicaSetsOf(cluster, 'web');
    expect(getDeployment(cluster, 'web').status?.conditions?.find((c) => c.type === 'Progressing')).toMatchObject({
      status: 'False',
      reason: 'ProgressDeadlineExceeded',
      message: `ReplicaSet "${rs.metadata.name}" has timed out progressing.`,
    });
  });
});
