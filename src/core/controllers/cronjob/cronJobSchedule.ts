/**
 * Schedule arithmetic of the CronJob controller (pkg/controller/cronjob/utils.go, v1.32):
 * which scheduled time is due now, when to look again, and the Job a scheduled time
 * becomes (getJobFromTemplate2).
 */
import type { CronJob } from 'kubernetes-types/batch/v1';
import { zoneOffsetMs, type CronSchedule } from '../../api/cron.ts';
import { parseTime } from '../../api/time.ts';
import type { KubeObject } from '../../api/types.ts';
import { newControllerRef } from '../replicaset/controllerRef.ts';

/** NEXT_SCHEDULE_DELTA_MS is nextScheduleDelta: look again just after the next activation. */
export const NEXT_SCHEDULE_DELTA_MS = 100;

/** CRONJOB_SCHEDULED_TIMESTAMP is the annotation holding a Job's scheduled time. */
export const CRONJOB_SCHEDULED_TIMESTAMP = 'batch.kubernetes.io/cronjob-scheduled-timestamp';

type CronJobObject = CronJob & KubeObject;

/**
 * mostRecentScheduleTime: the latest activation in (earliest, now], where earliest is the
 * last schedule time (or creation), moved up to now - startingDeadlineSeconds when asked.
 * Also returns earliest and how many activations were missed.
 */
export function mostRecentScheduleTime(cj: CronJob & KubeObject, now: number, schedule: CronSchedule, includeStartingDeadline: boolean): { earliest: number; mostRecent?: number; missed: number } {
  let earliest = parseTime(cj.status?.lastScheduleTime ?? cj.metadata.creationTimestamp);
  const deadline = cj.spec?.startingDeadlineSeconds;
  if (includeStartingDeadline && deadline !== undefined && deadline !== null) {
    earliest = Math.max(earliest, now - deadline * 1000);
  }
  let t = schedule.next(earliest);
  if (t > now) return { earliest, missed: 0 };
  let missed = 0;
  let mostRecent = t;
  // Bounded walk: upstream computes the count arithmetically; a few thousand steps cover
  // days of a once-a-minute schedule in virtual time.
  while (t <= now && missed < 10_000) {
    mostRecent = t;
    missed++;
    t = schedule.next(t);
  }
  return { earliest, mostRecent, missed };
}

/** nextScheduleDelay is nextScheduleTimeDuration: from now until just after the next activation. */
export function nextScheduleDelay(cj: CronJobObject, now: number, schedule: CronSchedule): number {
  const { earliest, mostRecent } = mostRecentScheduleTime(cj, now, schedule, false);
  return schedule.next(mostRecent ?? earliest) + NEXT_SCHEDULE_DELTA_MS - now;
}

/** jobNameFor is getJobName: `<cronjob>-<scheduled time in minutes since the epoch>`. */
export function jobNameFor(cj: KubeObject, scheduledMs: number): string {
  return `${cj.metadata.name}-${Math.floor(scheduledMs / 60_000)}`;
}

/** formatInZone renders an instant as Go's time.RFC3339 in a zone: `2026-01-15T10:00:00Z` or `...T11:00:00+01:00`. */
export function formatInZone(ms: number, timeZone: string): string {
  const offset = zoneOffsetMs(timeZone, ms);
  const wall = new Date(ms + offset).toISOString().replace(/\.\d{3}Z$/, '');
  if (offset === 0 && (timeZone === '' || timeZone === 'UTC')) return `${wall}Z`;
  const sign = offset < 0 ? '-' : '+';
  const mins = Math.abs(offset) / 60_000;
  return `${wall}${sign}${String(Math.floor(mins / 60)).padStart(2, '0')}:${String(mins % 60).padStart(2, '0')}`;
}

/**
 * jobFromTemplate is getJobFromTemplate2: the jobTemplate's labels, annotations and spec,
 * the deterministic name (so a scheduled time never runs twice), the scheduled-timestamp
 * annotation and a controller reference to the CronJob.
 */
export function jobFromTemplate(cj: CronJobObject, scheduledMs: number): KubeObject {
  const template = cj.spec?.jobTemplate ?? {};
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name: jobNameFor(cj, scheduledMs),
      labels: { ...(template.metadata?.labels ?? {}) },
      annotations: { ...(template.metadata?.annotations ?? {}), [CRONJOB_SCHEDULED_TIMESTAMP]: formatInZone(scheduledMs, cj.spec?.timeZone ?? '') },
      ownerReferences: [newControllerRef(cj, 'batch/v1', 'CronJob')],
    },
    spec: JSON.parse(JSON.stringify(template.spec ?? {})),
  };
}
