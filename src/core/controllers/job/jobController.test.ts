import { describe, expect, it } from 'vitest';
import type { Job } from 'kubernetes-types/batch/v1';
import { rfc3339 } from '../../api/time.ts';
import type { KubeObject, Pod } from '../../api/types.ts';
import { JOBS, PODS } from '../../client/client.ts';
import type { Cluster } from '../../sim/cluster.ts';
import { thaw } from '../../storage/freeze.ts';
import { installGarbageCollector } from '../garbagecollector/garbageCollector.ts';
import { eventMessages, finishTerminatingPods, list, newTestCluster } from '../replicaset/testUtils.ts';
import { installJobController } from './jobController.ts';

function job(name: string, spec: Partial<Job['spec']> = {}): KubeObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name },
    spec: { template: { spec: { containers: [{ name: 'c', image: 'busybox' }], restartPolicy: 'Never' } }, ...spec },
  };
}

const getJob = (cluster: Cluster, name: string) => cluster.client().get(JOBS, 'default', name) as unknown as Job & KubeObject;
const pods = (cluster: Cluster) => list<Pod & KubeObject>(cluster, PODS);

/** finish plays the kubelet: the pod's container exits with a code, the pod goes Succeeded or Failed. */
function finish(cluster: Cluster, pod: Pod, exitCode: number): void {
  const client = cluster.client('kubelet');
  const fresh = thaw(client.get(PODS, 'default', pod.metadata?.name ?? ''));
  const now = rfc3339(cluster.now());
  fresh.status = {
    phase: exitCode === 0 ? 'Succeeded' : 'Failed',
    containerStatuses: [
      { name: 'c', image: 'busybox', imageID: '', ready: false, restartCount: 0, state: { terminated: { exitCode, reason: exitCode === 0 ? 'Completed' : 'Error', finishedAt: now } } },
    ],
  };
  client.updateStatus(PODS, fresh);
  cluster.settle();
}

describe('Job controller', () => {
  it('creates a tracked pod, counts its success through uncountedTerminatedPods, and completes', () => {
    const cluster = newTestCluster(installJobController);
    cluster.client().create(JOBS, 'default', job('pi'));
    cluster.settle();
    const [pod] = pods(cluster);
    const created = getJob(cluster, 'pi');
    expect(pod.metadata.name).toMatch(/^pi-[a-z0-9]{5}$/);
    expect(pod.metadata.finalizers).toEqual(['batch.kubernetes.io/job-tracking']);
    expect(pod.metadata.ownerReferences).toEqual([{ apiVersion: 'batch/v1', kind: 'Job', name: 'pi', uid: created.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    expect(pod.metadata.labels).toEqual({
      'batch.kubernetes.io/controller-uid': created.metadata.uid,
      'batch.kubernetes.io/job-name': 'pi',
      'controller-uid': created.metadata.uid,
      'job-name': 'pi',
    });
    expect(created.status).toEqual({ active: 1, ready: 0, terminating: 0, startTime: rfc3339(cluster.now()), uncountedTerminatedPods: {} });

    cluster.advance(5000);
    finish(cluster, pod, 0);
    const done = getJob(cluster, 'pi');
    expect(done.status?.succeeded).toBe(1);
    expect(done.status?.active).toBeUndefined();
    expect(done.status?.completionTime).toBe(rfc3339(cluster.now()));
    expect(done.status?.conditions?.map((c) => [c.type, c.status, c.reason, c.message])).toEqual([
      ['SuccessCriteriaMet', 'True', 'CompletionsReached', 'Reached expected number of succeeded pods'],
      ['Complete', 'True', 'CompletionsReached', 'Reached expected number of succeeded pods'],
    ]);
    expect(pods(cluster)[0].metadata.finalizers).toBeUndefined();
    expect(eventMessages(cluster, 'Job', 'pi')).toEqual([`SuccessfulCreate: Created pod: ${pod.metadata.name}`, 'Completed: Job completed']);
  });

  it('replaces failed pods after 10 s, then 20 s, and fails past backoffLimit', () => {
    const cluster = newTestCluster(installJobController);
    cluster.client().create(JOBS, 'default', job('flaky', { backoffLimit: 1 }));
    cluster.settle();
    finish(cluster, pods(cluster)[0], 1);
    expect(pods(cluster)).toHaveLength(1); // the replacement waits for the back-off
    cluster.advance(9_999);
    expect(pods(cluster)).toHaveLength(1);
    cluster.advance(1);
    expect(pods(cluster)).toHaveLength(2);
    const second = pods(cluster).find((p) => p.status?.phase !== 'Failed')!;
    finish(cluster, second, 1);
    const failed = getJob(cluster, 'flaky');
    expect(failed.status?.failed).toBe(2);
    expect(failed.status?.conditions?.map((c) => `${c.type}=${c.status} ${c.reason}`)).toEqual(['FailureTarget=True BackoffLimitExceeded', 'Failed=True BackoffLimitExceeded']);
    expect(failed.status?.completionTime).toBeUndefined();
    expect(eventMessages(cluster, 'Job', 'flaky').at(-1)).toBe('BackoffLimitExceeded: Job has reached the specified backoff limit');
    cluster.advance(60_000);
    expect(pods(cluster)).toHaveLength(2);
  });

  it('runs parallel Indexed pods with their index and completes when every index succeeded', () => {
    const cluster = newTestCluster(installJobController);
    cluster.client().create(JOBS, 'default', job('idx', { completions: 3, parallelism: 2, completionMode: 'Indexed' }));
    cluster.settle();
    const first = pods(cluster);
    expect(first.map((p) => p.metadata.annotations?.['batch.kubernetes.io/job-completion-index']).sort()).toEqual(['0', '1']);
    const zero = first.find((p) => p.metadata.labels?.['batch.kubernetes.io/job-completion-index'] === '0')!;
    expect(zero.metadata.name).toMatch(/^idx-0-[a-z0-9]{5}$/);
    expect(zero.spec?.hostname).toBe('idx-0');
    expect(zero.spec?.containers[0].env).toEqual([
      { name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: "metadata.labels['batch.kubernetes.io/job-completion-index']" } } },
    ]);
    finish(cluster, zero, 0);
    expect(pods(cluster).map((p) => p.metadata.name?.split('-')[1]).sort()).toEqual(['0', '1', '2']);
    expect(getJob(cluster, 'idx').status?.completedIndexes).toBe('0');
    for (const p of pods(cluster)) if (p.status?.phase !== 'Succeeded') finish(cluster, p, 0);
    const done = getJob(cluster, 'idx');
    expect(done.status?.completedIndexes).toBe('0-2');
    expect(done.status?.succeeded).toBe(3);
    expect(done.status?.conditions?.at(-1)?.type).toBe('Complete');
  });

  it('deletes active pods on suspend and starts over on resume', () => {
    const cluster = newTestCluster(installJobController);
    cluster.client().create(JOBS, 'default', job('s'));
    cluster.settle();
    const suspend = (value: boolean) => {
      const j = thaw(cluster.client().get(JOBS, 'default', 's'));
      (j.spec as { suspend: boolean }).suspend = value;
      cluster.client().update(JOBS, j);
      cluster.settle();
    };
    suspend(true);
    expect(pods(cluster).every((p) => p.metadata.deletionTimestamp)).toBe(true);
    expect(getJob(cluster, 's').status?.conditions).toEqual([
      { type: 'Suspended', status: 'True', reason: 'JobSuspended', message: 'Job suspended', lastProbeTime: rfc3339(cluster.now()), lastTransitionTime: rfc3339(cluster.now()) },
    ]);
    finishTerminatingPods(cluster);
    cluster.advance(30_000);
    suspend(false);
    const resumed = getJob(cluster, 's');
    expect(resumed.status?.conditions?.[0]).toMatchObject({ type: 'Suspended', status: 'False', reason: 'JobResumed', message: 'Job resumed' });
    expect(resumed.status?.startTime).toBe(rfc3339(cluster.now()));
    expect(pods(cluster).filter((p) => !p.metadata.deletionTimestamp)).toHaveLength(1);
    expect(eventMessages(cluster, 'Job', 's').filter((m) => !m.startsWith('Successful'))).toEqual(['Suspended: Job suspended', 'Resumed: Job resumed']);
  });

  it('fails a Job that outlives activeDeadlineSeconds once its pods are gone', () => {
    const cluster = newTestCluster(installJobController);
    cluster.client().create(JOBS, 'default', job('slow', { activeDeadlineSeconds: 10 }));
    cluster.settle();
    // A pod on a node is deleted gracefully: it stays Terminating until the kubelet is done.
    cluster.client('kube-scheduler').bind('default', pods(cluster)[0].metadata.name ?? '', 'node01');
    cluster.advance(10_000);
    expect(getJob(cluster, 'slow').status?.conditions?.map((c) => c.type)).toEqual(['FailureTarget']);
    finishTerminatingPods(cluster);
    const failed = getJob(cluster, 'slow');
    expect(failed.status?.conditions?.map((c) => `${c.type} ${c.reason}`)).toEqual(['FailureTarget DeadlineExceeded', 'Failed DeadlineExceeded']);
    expect(eventMessages(cluster, 'Job', 'slow').at(-1)).toBe('DeadlineExceeded: Job was active longer than specified deadline');
  });

  it("releases its finalizer from the pods of a deleted Job so the garbage collector's deletes finish", () => {
    const cluster = newTestCluster(installJobController, installGarbageCollector);
    cluster.client().create(JOBS, 'default', job('gone'));
    cluster.settle();
    cluster.client().delete(JOBS, 'default', 'gone', { propagationPolicy: 'Background' });
    cluster.settle();
    finishTerminatingPods(cluster);
    expect(pods(cluster)).toEqual([]);
  });

  it('drops its finalizer from pods orphaned by `delete --cascade=orphan`', () => {
    const cluster = newTestCluster(installJobController, installGarbageCollector);
    cluster.client().create(JOBS, 'default', job('left'));
    cluster.settle();
    cluster.client().delete(JOBS, 'default', 'left', { propagationPolicy: 'Orphan' });
    cluster.settle();
    const [pod] = pods(cluster);
    expect(pod.metadata.ownerReferences).toBeUndefined();
    expect(pod.metadata.finalizers).toBeUndefined();
  });

  it('saves and loads its back-off records for snapshots', () => {
    const cluster = newTestCluster();
    const controller = installJobController(cluster);
    cluster.informers.start();
    cluster.client().create(JOBS, 'default', job('snap'));
    cluster.settle();
    finish(cluster, pods(cluster)[0], 1);
    const saved = JSON.parse(JSON.stringify(controller.save()));
    expect(saved).toEqual({ 'default/snap': { failuresAfterLastSuccess: 1, lastFailureMs: cluster.now() } });
    const other = installJobController(newTestCluster());
    other.load(saved);
    expect(other.save()).toEqual(saved);
  });

  it('leaves a Job managed by another controller alone', () => {
    const cluster = newTestCluster(installJobController);
    cluster.client().create(JOBS, 'default', job('external', { managedBy: 'example.com/batch' }));
    cluster.settle();
    expect(pods(cluster)).toEqual([]);
    expect(getJob(cluster, 'external').status).toEqual({});
  });
});
