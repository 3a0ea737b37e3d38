import { describe, expect, it } from 'vitest';
import type { CronJob, Job } from 'kubernetes-types/batch/v1';
import { defaultCronJob, defaultJob } from '../defaults/batch.ts';
import { invalid } from '../status.ts';
import type { FieldError } from '../status.ts';
import { validateCronJob, validateCronJobUpdate, validateJob, validateJobUpdate } from './batch.ts';

const UID = '11111111-2222-3333-4444-555555555555';

/** generatedJob is a defaulted Job as the registry stores it (selector and labels generated). */
function generatedJob(spec: Partial<Job['spec']> = {}, restartPolicy = 'Never'): Job {
  const labels = { 'batch.kubernetes.io/controller-uid': UID, 'batch.kubernetes.io/job-name': 'pi', 'controller-uid': UID, 'job-name': 'pi' };
  const job: Job = {
    metadata: { name: 'pi', namespace: 'default', uid: UID, resourceVersion: '7' },
    spec: {
      selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': UID } },
      manualSelector: false,
      template: { metadata: { labels }, spec: { containers: [{ name: 'pi', image: 'perl' }], restartPolicy } },
      ...spec,
    },
  };
  defaultJob(job);
  return job;
}

const message = (kind: string, name: string, errs: FieldError[]) => (errs.length ? invalid('batch', kind, name, errs).message : '');

describe('batch/v1 defaulting', () => {
  it('fills the v1.32 Job defaults', () => {
    const job = generatedJob();
    expect(job.spec).toMatchObject({ completions: 1, parallelism: 1, backoffLimit: 6, completionMode: 'NonIndexed', suspend: false, podReplacementPolicy: 'TerminatingOrFailed' });
    const workQueue = generatedJob({ parallelism: 3 });
    expect(workQueue.spec?.completions).toBeUndefined();
  });

  it('fills the CronJob defaults but not the Job defaults of its template', () => {
    const cj: CronJob = { metadata: { name: 'c' }, spec: { schedule: '* * * * *', jobTemplate: { spec: { template: { spec: { containers: [{ name: 'c', image: 'busybox' }] } } } } } };
    defaultCronJob(cj);
    expect(cj.spec).toMatchObject({ concurrencyPolicy: 'Allow', suspend: false, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1 });
    expect(cj.spec?.jobTemplate.spec?.backoffLimit).toBeUndefined();
    expect(cj.spec?.jobTemplate.spec?.template.spec?.restartPolicy).toBe('Always');
  });
});

describe('batch/v1 validation', () => {
  it('accepts a generated Job and refuses restartPolicy Always', () => {
    expect(validateJob(generatedJob())).toEqual([]);
    expect(message('Job', 'pi', validateJob(generatedJob({}, 'Always')))).toBe(
      'Job.batch "pi" is invalid: spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"',
    );
  });

  it('requires completions for Indexed Jobs and refuses negative counts', () => {
    expect(message('Job', 'pi', validateJob(generatedJob({ completionMode: 'Indexed', completions: undefined, parallelism: 2 })))).toBe(
      'Job.batch "pi" is invalid: spec.completions: Required value: when completion mode is Indexed',
    );
    expect(message('Job', 'pi', validateJob(generatedJob({ backoffLimit: -1 })))).toBe('Job.batch "pi" is invalid: spec.backoffLimit: Invalid value: -1: must be greater than or equal to 0');
  });

  it('keeps the template, completions and selector immutable', () => {
    const old = generatedJob();
    const changed = generatedJob();
    changed.spec!.template.spec!.containers[0].image = 'perl:5.34.0';
    expect(message('Job', 'pi', validateJobUpdate(changed, old))).toMatch(/^Job\.batch "pi" is invalid: spec\.template: Invalid value: core\.PodTemplateSpec\{.*\}: field is immutable$/);
    const more = generatedJob({ completions: 3 });
    expect(message('Job', 'pi', validateJobUpdate(more, old))).toBe('Job.batch "pi" is invalid: spec.completions: Invalid value: 3: field is immutable');
    const suspended = generatedJob({ suspend: true });
    suspended.spec!.template.spec!.nodeSelector = { disk: 'ssd' };
    expect(validateJobUpdate(suspended, old)).toEqual([]);
  });

  it('checks CronJob schedules, time zones, policies and name length', () => {
    const cj = (spec: Partial<CronJob['spec']>, name = 'hello'): CronJob => {
      const c: CronJob = {
        metadata: { name, namespace: 'default', resourceVersion: '7' },
        spec: { schedule: '*/5 * * * *', jobTemplate: { spec: { template: { spec: { containers: [{ name: 'c', image: 'busybox' }], restartPolicy: 'OnFailure' } } } }, ...spec },
      };
      defaultCronJob(c);
      return c;
    };
    expect(validateCronJob(cj({}))).toEqual([]);
    expect(message('CronJob', 'hello', validateCronJob(cj({ schedule: 'bad' })))).toBe(
      'CronJob.batch "hello" is invalid: spec.schedule: Invalid value: "bad": expected exactly 5 fields, found 1: [bad]',
    );
    expect(message('CronJob', 'hello', validateCronJob(cj({ schedule: 'CRON_TZ=UTC 0 * * * *' })))).toBe(
      'CronJob.batch "hello" is invalid: spec.schedule: Invalid value: "CRON_TZ=UTC 0 * * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead',
    );
    expect(message('CronJob', 'hello', validateCronJob(cj({ timeZone: 'Mars/Olympus' })))).toBe(
      'CronJob.batch "hello" is invalid: spec.timeZone: Invalid value: "Mars/Olympus": unknown time zone Mars/Olympus',
    );
    expect(validateCronJob(cj({ timeZone: 'Europe/Paris' }))).toEqual([]);
    expect(message('CronJob', 'hello', validateCronJob(cj({ concurrencyPolicy: 'Sometimes' as never })))).toBe(
      'CronJob.batch "hello" is invalid: spec.concurrencyPolicy: Unsupported value: "Sometimes": supported values: "Allow", "Forbid", "Replace"',
    );
    const long = 'x'.repeat(53);
    expect(message('CronJob', long, validateCronJob(cj({}, long)))).toBe(`CronJob.batch "${long}" is invalid: metadata.name: Invalid value: "${long}": must be no more than 52 characters`);
    expect(validateCronJobUpdate(cj({}, long), cj({}, long))).toEqual([]);
  });
});
