/**
 * batch/v1 validation: ValidateJob, ValidateJobUpdate, ValidateCronJobCreate and
 * ValidateCronJobUpdate (pkg/apis/batch/validation/validation.go, v1.32).
 */
import type { CronJob, Job, JobSpec, JobTemplateSpec } from 'kubernetes-types/batch/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { FieldError, GoStringer } from '../status.ts';
import { CronParseError, isValidTimeZone, parseStandardCron } from '../cron.ts';
import { matches, selectorFromLabelSelector } from '../labels.ts';
import { isDNS1123Label } from '../nameValidation.ts';
import { field, validateNonnegativeField } from './field.ts';
import { goLabelSelector, goStringMap } from './goValue.ts';
import { validateLabelSelector } from './labelSelector.ts';
import { nameIsDNSSubdomain, validateImmutableField, validateObjectMeta, validateObjectMetaUpdate } from './objectMeta.ts';
import { validatePodTemplateSpec } from './podSpec.ts';

/** Label keys the Job registry puts on pod templates (pkg/apis/batch/types.go). */
export const JOB_LABELS = {
  legacyControllerUid: 'controller-uid',
  legacyJobName: 'job-name',
  controllerUid: 'batch.kubernetes.io/controller-uid',
  jobName: 'batch.kubernetes.io/job-name',
} as const;

/** MAX_PARALLELISM_FOR_INDEXED_JOB is upstream's maxParallelismForIndexedJob. */
const MAX_PARALLELISM_FOR_INDEXED_JOB = 100_000;

/**
 * goPodTemplateSpec stands in for the `%#v` dump of a core.PodTemplateSpec in
 * `spec.template: Invalid value: core.PodTemplateSpec{...}: field is immutable`.
 * NOTE: upstream prints every field of the struct (several kilobytes); we print the labels
 * and containers, which is what a learner needs to see which template was refused.
 */
function goPodTemplateSpec(t: PodTemplateSpec | undefined): GoStringer {
  return {
    goString: () => {
      const containers = (t?.spec?.containers ?? [])
        .map((c) => `core.Container{Name:${JSON.stringify(c.name)}, Image:${JSON.stringify(c.image ?? '')}, ...}`)
        .join(', ');
      return `core.PodTemplateSpec{ObjectMeta:v1.ObjectMeta{Labels:${goStringMap(t?.metadata?.labels).goString()}, ...}, Spec:core.PodSpec{Containers:[]core.Container{${containers}}, RestartPolicy:${JSON.stringify(t?.spec?.restartPolicy ?? '')}, ...}}`;
    },
  };
}

function validateHasLabel(labels: Record<string, string> | undefined, path: string, key: string, expected: string): FieldError[] {
  const actual = labels?.[key];
  if (actual === undefined) return [field.required(`${path}.labels[${key}]`, expected)];
  return actual === expected ? [] : [field.invalid(`${path}.labels[${key}]`, goStringMap(labels), `must be '${expected}'`)];
}

/** validateGeneratedSelector: with manualSelector unset or false, the generated labels and selector must be intact. */
function validateGeneratedSelector(job: Job): FieldError[] {
  const spec = job.spec;
  if (spec?.manualSelector) return [];
  const labels = spec?.template?.metadata?.labels;
  if (!labels) return [];
  if (!spec?.selector) return [field.required('spec.selector')];
  const errs: FieldError[] = [];
  const uid = job.metadata?.uid ?? '';
  if (!uid) errs.push(field.required('metadata.uid'));
  const path = 'spec.template.metadata';
  errs.push(...validateHasLabel(labels, path, JOB_LABELS.legacyControllerUid, uid));
  errs.push(...validateHasLabel(labels, path, JOB_LABELS.legacyJobName, job.metadata?.name ?? ''));
  errs.push(...validateHasLabel(labels, path, JOB_LABELS.controllerUid, uid));
  errs.push(...validateHasLabel(labels, path, JOB_LABELS.jobName, job.metadata?.name ?? ''));
  const sel = spec.selector;
  const only = Object.keys(sel.matchLabels ?? {});
  if (only.length !== 1 || sel.matchLabels?.[JOB_LABELS.controllerUid] !== uid || (sel.matchExpressions?.length ?? 0) > 0) {
    errs.push(field.invalid('spec.selector', goLabelSelector(sel), '`selector` not auto-generated'));
  }
  return errs;
}

/** validateJobSpecFields is upstream's validateJobSpec: counts, completion mode, the template and its restartPolicy. */
function validateJobSpecFields(spec: JobSpec | undefined, path: string): FieldError[] {
  const s = spec ?? ({ template: {} } as JobSpec);
  const errs: FieldError[] = [];
  errs.push(...validateNonnegativeField(s.parallelism, `${path}.parallelism`));
  errs.push(...validateNonnegativeField(s.completions, `${path}.completions`));
  errs.push(...validateNonnegativeField(s.activeDeadlineSeconds, `${path}.activeDeadlineSeconds`));
  errs.push(...validateNonnegativeField(s.backoffLimit, `${path}.backoffLimit`));
  errs.push(...validateNonnegativeField(s.ttlSecondsAfterFinished, `${path}.ttlSecondsAfterFinished`));
  if (s.completionMode !== undefined) {
    if (s.completionMode !== 'NonIndexed' && s.completionMode !== 'Indexed') {
      errs.push(field.notSupported(`${path}.completionMode`, s.completionMode, ['NonIndexed', 'Indexed']));
    }
    if (s.completionMode === 'Indexed') {
      if (s.completions === undefined) errs.push(field.required(`${path}.completions`, 'when completion mode is Indexed'));
      if (s.parallelism !== undefined && s.parallelism > MAX_PARALLELISM_FOR_INDEXED_JOB) {
        errs.push(field.invalid(`${path}.parallelism`, s.parallelism, `must be less than or equal to ${MAX_PARALLELISM_FOR_INDEXED_JOB} when completion mode is Indexed`));
      }
    }
  }
  errs.push(...validatePodTemplateSpec(s.template, `${path}.template`));
  // SetDefaults_PodSpec turns an empty restartPolicy into Always, so both mean "not chosen".
  const restartPolicy = s.template?.spec?.restartPolicy ?? '';
  const rpPath = `${path}.template.spec.restartPolicy`;
  if (restartPolicy === 'Always' || restartPolicy === '') {
    errs.push(field.required(rpPath, 'valid values: "OnFailure", "Never"'));
  } else if (restartPolicy !== 'OnFailure' && restartPolicy !== 'Never') {
    errs.push(field.notSupported(rpPath, restartPolicy, ['OnFailure', 'Never']));
  } else if (s.podFailurePolicy && restartPolicy !== 'Never') {
    errs.push(field.invalid(rpPath, restartPolicy, 'only "Never" is supported when podFailurePolicy is specified'));
  }
  return errs;
}

/** validateJobSpec is ValidateJobSpec: the fields, a selector, and a template the selector matches. */
function validateJobSpec(spec: JobSpec | undefined, path: string): FieldError[] {
  const errs = validateJobSpecFields(spec, path);
  if (!spec?.selector) errs.push(field.required(`${path}.selector`));
  else errs.push(...validateLabelSelector(spec.selector, `${path}.selector`));
  let selector;
  try {
    selector = selectorFromLabelSelector(spec?.selector ?? null);
  } catch {
    return errs;
  }
  const labels = spec?.template?.metadata?.labels ?? {};
  if (spec?.selector && !matches(selector, labels)) {
    errs.push(field.invalid(`${path}.template.metadata.labels`, goStringMap(spec.template?.metadata?.labels), '`selector` does not match template `labels`'));
  }
  return errs;
}

/** validateJob checks a Job on create (after the registry generated its selector). */
export function validateJob(job: Job): FieldError[] {
  const errs = validateObjectMeta(job.metadata, true, nameIsDNSSubdomain);
  errs.push(...validateGeneratedSelector(job));
  errs.push(...validateJobSpec(job.spec, 'spec'));
  const completions = job.spec?.completions;
  if (job.spec?.completionMode === 'Indexed' && completions !== undefined && completions > 0) {
    // Pod hostnames are `<job>-<index>`: the largest must still be a DNS label.
    const hostname = `${job.metadata?.name ?? ''}-${completions - 1}`;
    if (isDNS1123Label(hostname).length > 0) {
      errs.push(field.invalid('metadata.name', job.metadata?.name ?? '', `will not able to create pod with invalid DNS label: ${hostname}`));
    }
  }
  return errs;
}

/**
 * validateJobUpdate is ValidateJobUpdate: the spec again, and what may not change. The pod
 * template may change only its scheduling directives while the Job is suspended and has
 * never started (upstream's AllowMutableSchedulingDirectives).
 */
export function validateJobUpdate(job: Job, old: Job): FieldError[] {
  const errs = validateObjectMetaUpdate(job.metadata, old.metadata);
  const spec = job.spec ?? ({ template: {} } as JobSpec);
  const oldSpec = old.spec ?? ({ template: {} } as JobSpec);
  errs.push(...validateJobSpec(spec, 'spec'));
  const elastic = spec.completionMode === 'Indexed';
  if (!elastic) errs.push(...validateImmutableField(spec.completions, oldSpec.completions, 'spec.completions'));
  else if (spec.completions !== oldSpec.completions && spec.completions !== undefined && spec.completions !== spec.parallelism) {
    errs.push(field.invalid('spec.completions', spec.completions, 'can only be modified in tandem with spec.parallelism'));
  }
  errs.push(...validateImmutableField(spec.selector, oldSpec.selector, 'spec.selector', goLabelSelector(spec.selector)));
  let oldTemplate = oldSpec.template;
  if (spec.suspend && !old.status?.startTime && oldTemplate) {
    const t = spec.template;
    oldTemplate = {
      metadata: { ...oldTemplate.metadata, labels: t?.metadata?.labels, annotations: t?.metadata?.annotations },
      spec: { ...oldTemplate.spec!, nodeSelector: t?.spec?.nodeSelector, tolerations: t?.spec?.tolerations, affinity: t?.spec?.affinity, schedulingGates: t?.spec?.schedulingGates },
    };
    dropUndefined(oldTemplate.metadata as Record<string, unknown>);
    dropUndefined(oldTemplate.spec as unknown as Record<string, unknown>);
  }
  errs.push(...validateImmutableField(spec.template, oldTemplate, 'spec.template', goPodTemplateSpec(spec.template)));
  errs.push(...validateImmutableField(spec.completionMode, oldSpec.completionMode, 'spec.completionMode'));
  errs.push(...validateImmutableField(spec.podFailurePolicy, oldSpec.podFailurePolicy, 'spec.podFailurePolicy'));
  errs.push(...validateImmutableField(spec.backoffLimitPerIndex, oldSpec.backoffLimitPerIndex, 'spec.backoffLimitPerIndex'));
  errs.push(...validateImmutableField(spec.managedBy, oldSpec.managedBy, 'spec.managedBy'));
  errs.push(...validateImmutableField(spec.successPolicy, oldSpec.successPolicy, 'spec.successPolicy'));
  return errs;
}

function dropUndefined(o: Record<string, unknown>): void {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
}

/** validateJobStatusUpdate: metadata only (the status strategy keeps the stored spec). */
export function validateJobStatusUpdate(job: Job, old: Job): FieldError[] {
  return validateObjectMetaUpdate(job.metadata, old.metadata);
}

/** validateScheduleFormat: robfig must parse it, and TZ prefixes are refused in favour of spec.timeZone. */
function validateScheduleFormat(schedule: string, allowTZInSchedule: boolean, timeZone: string | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  try {
    parseStandardCron(schedule);
  } catch (err) {
    if (!(err instanceof CronParseError)) throw err;
    errs.push(field.invalid(path, schedule, err.message));
  }
  if (allowTZInSchedule && schedule.includes('TZ') && timeZone !== undefined) {
    errs.push(field.invalid(path, schedule, 'cannot use both timeZone field and TZ or CRON_TZ in schedule'));
  } else if (!allowTZInSchedule && schedule.includes('TZ')) {
    errs.push(field.invalid(path, schedule, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'));
  }
  return errs;
}

const TIME_ZONE_PART = /^[A-Za-z.\-_0-9+]{1,14}$/;

/** validateTimeZone: nil, or an IANA name the time zone database knows (not "Local"). */
function validateTimeZone(tz: string | undefined, path: string): FieldError[] {
  if (tz === undefined) return [];
  if (tz === '') return [field.invalid(path, tz, 'timeZone must be nil or non-empty string')];
  for (const part of tz.split('/')) {
    if (part === '.' || part === '..' || part.startsWith('-') || !TIME_ZONE_PART.test(part)) {
      return [field.invalid(path, tz, `unknown time zone ${tz}`)];
    }
  }
  const errs: FieldError[] = [];
  if (tz.toLowerCase() === 'local') errs.push(field.invalid(path, tz, 'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones'));
  if (!isValidTimeZone(tz) || tz.toLowerCase() === 'local') errs.push(field.invalid(path, tz, `unknown time zone ${tz}`));
  return errs;
}

/** validateJobTemplateSpec: a job spec without a selector (the Job registry generates one). */
function validateJobTemplateSpec(t: JobTemplateSpec | undefined, path: string): FieldError[] {
  const errs = validateJobSpecFields(t?.spec, `${path}.spec`);
  if (t?.spec?.selector) errs.push(field.invalid(`${path}.spec.selector`, goLabelSelector(t.spec.selector), '`selector` will be auto-generated'));
  if (t?.spec?.manualSelector) errs.push(field.notSupported(`${path}.spec.manualSelector`, true, ['nil', 'false']));
  return errs;
}

function validateCronJobSpec(cj: CronJob, old: CronJob | undefined): FieldError[] {
  const spec = cj.spec ?? { schedule: '', jobTemplate: {} };
  const errs: FieldError[] = [];
  if (!spec.schedule) errs.push(field.required('spec.schedule'));
  else errs.push(...validateScheduleFormat(spec.schedule, old?.spec?.schedule?.includes('TZ') ?? false, spec.timeZone, 'spec.schedule'));
  errs.push(...validateNonnegativeField(spec.startingDeadlineSeconds, 'spec.startingDeadlineSeconds'));
  errs.push(...validateTimeZone(spec.timeZone, 'spec.timeZone'));
  const policy = spec.concurrencyPolicy ?? '';
  if (policy === '') errs.push(field.required('spec.concurrencyPolicy'));
  else if (!['Allow', 'Forbid', 'Replace'].includes(policy)) errs.push(field.notSupported('spec.concurrencyPolicy', policy, ['Allow', 'Forbid', 'Replace']));
  errs.push(...validateJobTemplateSpec(spec.jobTemplate, 'spec.jobTemplate'));
  errs.push(...validateNonnegativeField(spec.successfulJobsHistoryLimit, 'spec.successfulJobsHistoryLimit'));
  errs.push(...validateNonnegativeField(spec.failedJobsHistoryLimit, 'spec.failedJobsHistoryLimit'));
  return errs;
}

/** validateCronJob is ValidateCronJobCreate: names leave room for the `-<minutes>` suffix of its Jobs (52 characters). */
export function validateCronJob(cj: CronJob): FieldError[] {
  const errs = validateObjectMeta(cj.metadata, true, nameIsDNSSubdomain);
  errs.push(...validateCronJobSpec(cj, undefined));
  const name = cj.metadata?.name ?? '';
  if (name.length > 52) errs.push(field.invalid('metadata.name', name, 'must be no more than 52 characters'));
  return errs;
}

/** validateCronJobUpdate is ValidateCronJobUpdate (no name length check: the object exists). */
export function validateCronJobUpdate(cj: CronJob, old: CronJob): FieldError[] {
  const errs = validateObjectMetaUpdate(cj.metadata, old.metadata);
  errs.push(...validateCronJobSpec(cj, old));
  return errs;
}
