/**
 * batch/v1 defaulting, modelled on SetDefaults_Job and SetDefaults_CronJob in
 * pkg/apis/batch/v1/defaults.go (v1.32), plus the pod template defaults the generated
 * defaulters apply to the embedded PodTemplateSpec (and, for a CronJob, to the pod
 * template inside its jobTemplate: SetDefaults_Job itself is not applied there, which is
 * why a CronJob's jobTemplate shows no backoffLimit).
 */
import type { CronJob, Job } from 'kubernetes-types/batch/v1';
import { defaultPodTemplateSpec } from './podSpec.ts';

/**
 * defaultJob: completions and parallelism 1 when both are unset, parallelism 1, backoffLimit 6
 * (MaxInt32 with backoffLimitPerIndex), completionMode NonIndexed, suspend false,
 * podReplacementPolicy TerminatingOrFailed (Failed with a podFailurePolicy), and the Job's
 * labels from its template's when it has none.
 */
export function defaultJob(job: Job): void {
  const spec = (job.spec ??= { template: {} });
  if (spec.completions === undefined && spec.parallelism === undefined) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  spec.parallelism ??= 1;
  spec.backoffLimit ??= spec.backoffLimitPerIndex !== undefined ? 2147483647 : 6;
  const templateLabels = spec.template?.metadata?.labels;
  if (templateLabels && Object.keys(job.metadata?.labels ?? {}).length === 0) {
    job.metadata = { ...job.metadata, labels: { ...templateLabels } };
  }
  spec.completionMode ??= 'NonIndexed';
  spec.suspend ??= false;
  for (const rule of spec.podFailurePolicy?.rules ?? []) {
    for (const pattern of rule.onPodConditions ?? []) pattern.status ||= 'True';
  }
  spec.podReplacementPolicy ??= spec.podFailurePolicy ? 'Failed' : 'TerminatingOrFailed';
  defaultPodTemplateSpec(spec.template);
}

/** defaultCronJob: concurrencyPolicy Allow, suspend false, history limits 3 successful and 1 failed. */
export function defaultCronJob(cj: CronJob): void {
  const spec = (cj.spec ??= { schedule: '', jobTemplate: {} });
  spec.concurrencyPolicy ||= 'Allow';
  spec.suspend ??= false;
  spec.successfulJobsHistoryLimit ??= 3;
  spec.failedJobsHistoryLimit ??= 1;
  defaultPodTemplateSpec(spec.jobTemplate?.spec?.template);
}
