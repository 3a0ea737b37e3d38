/**
 * Job conditions and the small pure rules of pkg/controller/job/job_controller.go (v1.32)
 * that decide them: which condition finishes a Job, the reasons and messages upstream
 * writes, and the back-off before a failed pod is replaced.
 */
import type { Job, JobCondition } from 'kubernetes-types/batch/v1';

/** Reasons and messages of the conditions the Job controller sets (pkg/apis/batch/types.go). */
export const JOB_REASONS = {
  backoffLimitExceeded: { reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' },
  deadlineExceeded: { reason: 'DeadlineExceeded', message: 'Job was active longer than specified deadline' },
  completionsReached: { reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods' },
  suspended: { reason: 'JobSuspended', message: 'Job suspended' },
  resumed: { reason: 'JobResumed', message: 'Job resumed' },
} as const;

/** JOB_TRACKING_FINALIZER keeps a finished pod until the controller has counted it. */
export const JOB_TRACKING_FINALIZER = 'batch.kubernetes.io/job-tracking';
/** JOB_COMPLETION_INDEX_ANNOTATION (also a label since PodIndexLabel) holds an Indexed Job pod's index. */
export const JOB_COMPLETION_INDEX = 'batch.kubernetes.io/job-completion-index';

/** DEFAULT_JOB_POD_BACKOFF_MS and MAX_JOB_POD_BACKOFF_MS: 10 s doubling per failure, capped at 6 minutes. */
export const DEFAULT_JOB_POD_BACKOFF_MS = 10_000;
export const MAX_JOB_POD_BACKOFF_MS = 360_000;

type Status = NonNullable<Job['status']>;

/** findCondition returns the Job's condition of a type, if any. */
export function findCondition(job: { status?: Status }, type: string): JobCondition | undefined {
  return job.status?.conditions?.find((c) => c.type === type);
}

/** hasTrueCondition: the condition exists with status True. */
export function hasTrueCondition(job: { status?: Status }, type: string): boolean {
  return findCondition(job, type)?.status === 'True';
}

/** isJobFinished is jobutil.IsJobFinished: Complete or Failed is True. */
export function isJobFinished(job: { status?: Status }): boolean {
  return hasTrueCondition(job, 'Complete') || hasTrueCondition(job, 'Failed');
}

/** finishedCondition returns "Complete" or "Failed" for a finished Job. */
export function finishedCondition(job: { status?: Status }): 'Complete' | 'Failed' | undefined {
  if (hasTrueCondition(job, 'Complete')) return 'Complete';
  if (hasTrueCondition(job, 'Failed')) return 'Failed';
  return undefined;
}

/**
 * setCondition is ensureJobConditionStatus: a new condition is appended; an existing one
 * with a different status, reason or message is updated (lastTransitionTime moves only
 * when the status changes). Returns whether anything changed.
 */
export function setCondition(status: Status, type: string, value: 'True' | 'False', reason: string, message: string, now: string): boolean {
  const conditions = (status.conditions ??= []);
  const existing = conditions.find((c) => c.type === type);
  if (!existing) {
    if (value === 'False') return false;
    conditions.push({ type, status: value, lastProbeTime: now, lastTransitionTime: now, reason, message });
    return true;
  }
  if (existing.status === value && existing.reason === reason && existing.message === message) return false;
  if (existing.status !== value) existing.lastTransitionTime = now;
  existing.status = value;
  existing.lastProbeTime = now;
  existing.reason = reason;
  existing.message = message;
  return true;
}

/**
 * podBackoffRemainingMs is getRemainingTimeForFailuresCount: after n failures since the
 * last success, wait 10 s × 2^(n-1) (capped at 6 min) from the last failure.
 */
export function podBackoffRemainingMs(failuresAfterLastSuccess: number, lastFailureMs: number | undefined, now: number): number {
  if (failuresAfterLastSuccess === 0 || lastFailureMs === undefined) return 0;
  let backoff = DEFAULT_JOB_POD_BACKOFF_MS;
  for (let i = 1; i < failuresAfterLastSuccess; i++) {
    backoff *= 2;
    if (backoff >= MAX_JOB_POD_BACKOFF_MS) {
      backoff = MAX_JOB_POD_BACKOFF_MS;
      break;
    }
  }
  const elapsed = now - lastFailureMs;
  return backoff < elapsed ? 0 : backoff - elapsed;
}

/**
 * wantActive is how many pods should run: for a fixed completion count, what is left
 * (at most parallelism); without one, parallelism until the first success, after which
 * running pods finish but none are added.
 */
export function wantActive(job: Job, succeeded: number, active: number): number {
  const parallelism = job.spec?.parallelism ?? 1;
  const completions = job.spec?.completions;
  if (completions === undefined || completions === null) return succeeded > 0 ? active : parallelism;
  return Math.max(0, Math.min(parallelism, completions - succeeded));
}

/** parseIndexes reads completedIndexes ("1,3-5,7") into a set. */
export function parseIndexes(text: string | undefined): Set<number> {
  const out = new Set<number>();
  for (const part of (text ?? '').split(',')) {
    if (!part) continue;
    const [a, b] = part.split('-').map(Number);
    for (let i = a; i <= (b ?? a); i++) out.add(i);
  }
  return out;
}

/** formatIndexes writes indexes as upstream's completedIndexes: sorted intervals, "1,3-5,7". */
export function formatIndexes(indexes: Iterable<number>): string {
  const sorted = [...new Set(indexes)].sort((x, y) => x - y);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(j === i ? String(sorted[i]) : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}
