import { describe, expect, it } from 'vitest';
import type { CronJob, Job } from 'kubernetes-types/batch/v1';
import type { KubeObject } from '../../api/types.ts';
import { CRONJOBS, JOBS } from '../../client/client.ts';
import type { Cluster } from '../../sim/cluster.ts';
import { thaw } from '../../storage/freeze.ts';
import { eventMessages, list, newTestCluster } from '../replicaset/testUtils.ts';
import { installCronJobController } from './cronJobController.ts';

function cronJob(spec: Partial<CronJob['spec']> = {}): KubeObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'hello' },
    spec: {
      schedule: '*/1 * * * *',
      jobTemplate: { spec: { template: { spec: { containers: [{ name: 'c', image: 'busybox' }], restartPolicy: 'OnFailure' } } } },
      ...spec,
    },
  };
}

const jobs = (cluster: Cluster) => list<Job & KubeObject>(cluster, JOBS);
const getCronJob = (cluster: Cluster) => cluster.client().get(CRONJOBS, 'default', 'hello') as unknown as CronJob & KubeObject;

/** complete plays the Job controller: the Job gets its Complete condition. */
function complete(cluster: Cluster, job: KubeObject, type: 'Complete' | 'Failed' = 'Complete'): void {
  const j = thaw(cluster.client().get(JOBS, 'default', job.metadata.name ?? '')) as Job & KubeObject;
  const now = new Date(cluster.now()).toISOString().replace('.000Z', 'Z');
  j.status = { startTime: now, ...(type === 'Complete' ? { completionTime: now } : {}), conditions: [{ type, status: 'True', lastTransitionTime: now, lastProbeTime: now }] };
  cluster.client().updateStatus(JOBS, j);
  cluster.settle();
}

/** untilNextMinute advances the clock just past the next whole minute. */
function untilNextMinute(cluster: Cluster): void {
  cluster.advance(60_000 - (cluster.now() % 60_000) + 200);
}

describe('CronJob controller', () => {
  it('creates one Job per scheduled minute, named after it, and tracks it in status.active', () => {
    const cluster = newTestCluster(installCronJobController);
    cluster.client().create(CRONJOBS, 'default', cronJob());
    cluster.settle();
    expect(jobs(cluster)).toEqual([]);
    untilNextMinute(cluster);
    const [job] = jobs(cluster);
    const minute = Math.floor(cluster.now() / 60_000);
    expect(job.metadata.name).toBe(`hello-${minute}`);
    expect(job.metadata.annotations).toEqual({ 'batch.kubernetes.io/cronjob-scheduled-timestamp': new Date(minute * 60_000).toISOString().replace('.000Z', 'Z') });
    const cj = getCronJob(cluster);
    expect(cj.status?.active?.map((r) => r.name)).toEqual([job.metadata.name]);
    expect(cj.status?.lastScheduleTime).toBe(new Date(minute * 60_000).toISOString().replace('.000Z', 'Z'));
    complete(cluster, job);
    expect(getCronJob(cluster).status?.active).toBeUndefined();
    expect(getCronJob(cluster).status?.lastSuccessfulTime).toBeDefined();
    expect(eventMessages(cluster, 'CronJob', 'hello')).toEqual([`SuccessfulCreate: Created job ${job.metadata.name}`, `SawCompletedJob: Saw completed job: ${job.metadata.name}, condition: Complete`]);
  });

  it('keeps successfulJobsHistoryLimit finished Jobs, deleting the oldest', () => {
    const cluster = newTestCluster(installCronJobController);
    cluster.client().create(CRONJOBS, 'default', cronJob({ successfulJobsHistoryLimit: 1 }));
    cluster.settle();
    untilNextMinute(cluster);
    const first = jobs(cluster)[0];
    complete(cluster, first);
    untilNextMinute(cluster);
    const second = jobs(cluster).find((j) => j.metadata.name !== first.metadata.name)!;
    complete(cluster, second);
    expect(jobs(cluster).map((j) => j.metadata.name)).toEqual([second.metadata.name]);
    expect(eventMessages(cluster, 'CronJob', 'hello').at(-1)).toBe(`SuccessfulDelete: Deleted job ${first.metadata.name}`);
  });

  it('skips a run under Forbid while one is active, and replaces it under Replace', () => {
    const cluster = newTestCluster(installCronJobController);
    cluster.client().create(CRONJOBS, 'default', cronJob({ concurrencyPolicy: 'Forbid' }));
    cluster.settle();
    untilNextMinute(cluster);
    untilNextMinute(cluster);
    expect(jobs(cluster)).toHaveLength(1);
    expect(eventMessages(cluster, 'CronJob', 'hello').at(-1)).toBe('JobAlreadyActive: Not starting job because prior execution is running and concurrency policy is Forbid');
    const cj = thaw(cluster.client().get(CRONJOBS, 'default', 'hello'));
    (cj.spec as { concurrencyPolicy: string }).concurrencyPolicy = 'Replace';
    cluster.client().update(CRONJOBS, cj);
    const old = jobs(cluster)[0].metadata.name;
    untilNextMinute(cluster);
    expect(jobs(cluster).map((j) => j.metadata.name)).not.toContain(old);
    expect(getCronJob(cluster).status?.active).toHaveLength(1);
  });

  it('creates nothing while suspended', () => {
    const cluster = newTestCluster(installCronJobController);
    cluster.client().create(CRONJOBS, 'default', cronJob({ suspend: true }));
    cluster.settle();
    cluster.advance(5 * 60_000);
    expect(jobs(cluster)).toEqual([]);
  });
});

describe('CronJob controller edge cases', () => {
  it('waits quietly on a schedule that never comes (30 February)', () => {
    const cluster = newTestCluster(installCronJobController);
    cluster.client().create(CRONJOBS, 'default', cronJob({ schedule: '0 0 30 2 *' }));
    cluster.settle();
    cluster.advance(60 * 60_000);
    expect(jobs(cluster)).toEqual([]);
    expect(eventMessages(cluster, 'CronJob', 'hello')).toEqual([]);
  });
});
