/**
 * `kubectl describe job` and `kubectl describe cronjob` as of v1.32
 * (describe.go: describeJob, describeCronJob, describeJobTemplate, printActiveJobs).
 */
import type { CronJob, Job, JobSpec } from 'kubernetes-types/batch/v1';
import type { KubeObject } from '../../core/api/types.ts';
import { describeEvents } from './events.ts';
import { formatRFC1123Z, humanDuration, parseTime, labelSelectorString } from './format.ts';
import { printAnnotationsMultiline, printLabelsMultiline } from './metaSections.ts';
import { printController } from './pod.ts';
import { describePodTemplate } from './podTemplate.ts';
import { LEVEL_0, tabbedString, type PrefixWriter } from './prefixWriter.ts';
import type { DescribeContext } from './types.ts';

/** capIndexesListOrNone shortens a completed-indexes list after `softLimit` characters, at a comma. */
function capIndexesListOrNone(indexes: string | undefined, softLimit: number): string {
  if (!indexes) return '<none>';
  let ix = softLimit;
  while (ix < indexes.length && indexes[ix] !== ',') ix++;
  if (ix >= indexes.length) return indexes;
  return indexes.slice(0, ix + 1) + '...';
}

/** describeJob renders `kubectl describe job`. */
export function describeJob(obj: KubeObject, ctx: DescribeContext): string {
  const job = obj as unknown as Job;
  const spec: Partial<JobSpec> = job.spec ?? {};
  const status = job.status ?? {};
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${job.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${job.metadata?.namespace ?? ''}\n`);
    w.write(LEVEL_0, `Selector:\t${labelSelectorString(spec.selector)}\n`);
    printLabelsMultiline(w, 'Labels', job.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', job.metadata?.annotations);
    const controlledBy = printController(job);
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    if (spec.parallelism !== undefined) w.write(LEVEL_0, `Parallelism:\t${spec.parallelism}\n`);
    w.write(LEVEL_0, `Completions:\t${spec.completions ?? '<unset>'}\n`);
    if (spec.completionMode) w.write(LEVEL_0, `Completion Mode:\t${spec.completionMode}\n`);
    if (spec.suspend !== undefined) w.write(LEVEL_0, `Suspend:\t${spec.suspend}\n`);
    if (spec.backoffLimit !== undefined) w.write(LEVEL_0, `Backoff Limit:\t${spec.backoffLimit}\n`);
    if (spec.ttlSecondsAfterFinished !== undefined) {
      w.write(LEVEL_0, `TTL Seconds After Finished:\t${spec.ttlSecondsAfterFinished}\n`);
    }
    if (status.startTime) w.write(LEVEL_0, `Start Time:\t${formatRFC1123Z(status.startTime)}\n`);
    if (status.completionTime) w.write(LEVEL_0, `Completed At:\t${formatRFC1123Z(status.completionTime)}\n`);
    const start = parseTime(status.startTime);
    const end = parseTime(status.completionTime);
    if (start !== undefined && end !== undefined) w.write(LEVEL_0, `Duration:\t${humanDuration(end - start)}\n`);
    if (spec.activeDeadlineSeconds !== undefined) {
      w.write(LEVEL_0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
    }
    if (status.ready === undefined) {
      w.write(LEVEL_0, `Pods Statuses:\t${status.active ?? 0} Active / ${status.succeeded ?? 0} Succeeded / ${status.failed ?? 0} Failed\n`);
    } else {
      w.write(
        LEVEL_0,
        `Pods Statuses:\t${status.active ?? 0} Active (${status.ready} Ready) / ${status.succeeded ?? 0} Succeeded / ${status.failed ?? 0} Failed\n`,
      );
    }
    if (spec.completionMode === 'Indexed') {
      w.write(LEVEL_0, `Completed Indexes:\t${capIndexesListOrNone(status.completedIndexes, 50)}\n`);
    }
    describePodTemplate(spec.template, w);
    if (ctx.events) describeEvents(ctx.events, w, ctx.now);
  });
}

/** describeJobTemplate writes a CronJob's job template settings and pod template. */
function describeJobTemplate(spec: Partial<JobSpec> | undefined, w: PrefixWriter): void {
  w.write(LEVEL_0, `Selector:\t${spec?.selector ? labelSelectorString(spec.selector) : '<unset>'}\n`);
  w.write(LEVEL_0, `Parallelism:\t${spec?.parallelism ?? '<unset>'}\n`);
  w.write(LEVEL_0, `Completions:\t${spec?.completions ?? '<unset>'}\n`);
  if (spec?.activeDeadlineSeconds !== undefined) {
    w.write(LEVEL_0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
  }
  describePodTemplate(spec?.template, w);
}

/** describeCronJob renders `kubectl describe cronjob` (v1.32 has no Time Zone line). */
export function describeCronJob(obj: KubeObject, ctx: DescribeContext): string {
  const cj = obj as unknown as CronJob;
  const spec = cj.spec ?? { schedule: '', jobTemplate: {} };
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${cj.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${cj.metadata?.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', cj.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', cj.metadata?.annotations);
    w.write(LEVEL_0, `Schedule:\t${spec.schedule}\n`);
    w.write(LEVEL_0, `Concurrency Policy:\t${spec.concurrencyPolicy ?? ''}\n`);
    w.write(LEVEL_0, `Suspend:\t${spec.suspend === undefined ? '<unset>' : spec.suspend ? 'True' : 'False'}\n`);
    w.write(LEVEL_0, `Successful Job History Limit:\t${spec.successfulJobsHistoryLimit ?? '<unset>'}\n`);
    w.write(LEVEL_0, `Failed Job History Limit:\t${spec.failedJobsHistoryLimit ?? '<unset>'}\n`);
    w.write(
      LEVEL_0,
      `Starting Deadline Seconds:\t${spec.startingDeadlineSeconds === undefined ? '<unset>' : `${spec.startingDeadlineSeconds}s`}\n`,
    );
    describeJobTemplate(spec.jobTemplate?.spec, w);
    const last = cj.status?.lastScheduleTime;
    w.write(LEVEL_0, `Last Schedule Time:\t${last ? formatRFC1123Z(last) : '<unset>'}\n`);
    const active = cj.status?.active ?? [];
    w.write(LEVEL_0, 'Active Jobs:\t');
    if (active.length === 0) w.writeLine('<none>');
    else w.writeLine(active.map((j) => j.name ?? '').join(', '));
    if (ctx.events) describeEvents(ctx.events, w, ctx.now);
  });
}
