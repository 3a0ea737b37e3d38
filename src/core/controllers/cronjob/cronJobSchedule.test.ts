import { describe, expect, it } from 'vitest';
import type { CronJob } from 'kubernetes-types/batch/v1';
import { parseStandardCron } from '../../api/cron.ts';
import type { KubeObject } from '../../api/types.ts';
import { formatInZone, jobFromTemplate, jobNameFor, mostRecentScheduleTime, nextScheduleDelay } from './cronJobSchedule.ts';

const at = (iso: string) => Date.parse(iso);

function cronJob(extra: Partial<CronJob['spec']> = {}, status: CronJob['status'] = {}): CronJob & KubeObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'hello', namespace: 'default', uid: 'u-1', creationTimestamp: '2026-01-15T09:10:30Z' },
    spec: {
      schedule: '*/1 * * * *',
      jobTemplate: { metadata: { labels: { app: 'x' } }, spec: { template: { spec: { containers: [{ name: 'c', image: 'busybox' }], restartPolicy: 'OnFailure' } } } },
      ...extra,
    },
    status,
  };
}

describe('CronJob schedule arithmetic', () => {
  it('finds the most recent unmet time after the creation or the last schedule', () => {
    const s = parseStandardCron('*/1 * * * *');
    expect(mostRecentScheduleTime(cronJob(), at('2026-01-15T09:10:59Z'), s, true).mostRecent).toBeUndefined();
    expect(mostRecentScheduleTime(cronJob(), at('2026-01-15T09:11:00.100Z'), s, true)).toMatchObject({ mostRecent: at('2026-01-15T09:11:00Z'), missed: 1 });
    expect(mostRecentScheduleTime(cronJob({}, { lastScheduleTime: '2026-01-15T09:11:00Z' }), at('2026-01-15T09:13:05Z'), s, true)).toMatchObject({
      mostRecent: at('2026-01-15T09:13:00Z'),
      missed: 2,
    });
  });

  it('looks again 100 ms after the next activation', () => {
    expect(nextScheduleDelay(cronJob(), at('2026-01-15T09:10:30Z'), parseStandardCron('*/1 * * * *'))).toBe(30_100);
  });

  it('names Jobs after the scheduled minute and stamps the scheduled time', () => {
    const cj = cronJob();
    expect(jobNameFor(cj, at('2026-01-15T09:11:00Z'))).toBe('hello-29474471');
    const job = jobFromTemplate(cj, at('2026-01-15T09:11:00Z'));
    expect(job.metadata).toEqual({
      name: 'hello-29474471',
      labels: { app: 'x' },
      annotations: { 'batch.kubernetes.io/cronjob-scheduled-timestamp': '2026-01-15T09:11:00Z' },
      ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'hello', uid: 'u-1', controller: true, blockOwnerDeletion: true }],
    });
    expect(formatInZone(at('2026-01-15T09:11:00Z'), 'Europe/Paris')).toBe('2026-01-15T10:11:00+01:00');
  });
});
