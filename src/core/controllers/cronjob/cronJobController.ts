/**
 * The CronJob controller: creates a Job at each scheduled time.
 *
 * Modelled on pkg/controller/cronjob/cronjob_controllerv2.go (v1.32, sync/syncCronJob and
 * cleanupFinishedJobs). A reconcile reads the CronJob and the Jobs it controls, drops
 * finished Jobs from `status.active` (SawCompletedJob) and vanished ones (MissingJob), records
 * lastSuccessfulTime, then
 * looks for the most recent unmet scheduled time: too late for startingDeadlineSeconds
 * (MissSchedule), already running under Forbid (JobAlreadyActive), replacing running Jobs
 * under Replace, or creating `<name>-<minutes since epoch>`. Finished Jobs beyond the
 * history limits are deleted, oldest first. The key is requeued just after the next
 * scheduled time on the virtual clock.
 */
import type { CronJob, Job } from 'kubernetes-types/batch/v1';
import type { ObjectReference } from 'kubernetes-types/core/v1';
import { isStatusError } from '../../api/status.ts';
import { parseTime, rfc3339 } from '../../api/time.ts';
import type { KubeObject } from '../../api/types.ts';
import { CRONJOBS, JOBS, type Client } from '../../client/client.ts';
import type { EventRecorder } from '../../client/events.ts';
import { keyOf, type Informer } from '../../client/informer.ts';
import { WorkQueue } from '../../client/workqueue.ts';
import type { Cluster } from '../../sim/cluster.ts';
import type { Result } from '../../sim/loop.ts';
import { thaw } from '../../storage/freeze.ts';
import { controllerOf } from '../replicaset/controllerRef.ts';
import { updateStatusRetryOnce } from '../statusUpdate.ts';
import { finishedCondition } from '../job/jobConditions.ts';
import { isValidTimeZone, parseStandardCron } from '../../api/cron.ts';
import { jobFromTemplate, jobNameFor, mostRecentScheduleTime, nextScheduleDelay } from './cronJobSchedule.ts';

/** CRONJOB_CONTROLLER_USER is the identity kube-controller-manager uses for this controller. */
export const CRONJOB_CONTROLLER_USER = {
  username: 'system:serviceaccount:kube-system:cronjob-controller',
  groups: ['system:serviceaccounts', 'system:serviceaccounts:kube-system', 'system:authenticated'],
};

type CronJobObject = CronJob & KubeObject;
type JobObject = Job & KubeObject;

/** byJobStartTime orders Jobs by status.startTime (unstarted last), then name. */
function byJobStartTime(a: JobObject, b: JobObject): number {
  const sa = a.status?.startTime;
  const sb = b.status?.startTime;
  if (!sa && sb) return 1;
  if (sa && !sb) return -1;
  if (sa && sb && sa !== sb) return parseTime(sa) - parseTime(sb);
  return (a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1;
}

/** CronJobController reconciles CronJobs: it creates their Jobs on schedule. */
export class CronJobController {
  readonly name = 'cronjob-controller';
  readonly queue: WorkQueue;
  private readonly client: Client;
  private readonly recorder: EventRecorder;
  private readonly cronJobInformer: Informer;
  private readonly jobInformer: Informer;

  constructor(private readonly cluster: Cluster) {
    this.queue = new WorkQueue('cronjob', cluster.clock);
    this.client = cluster.client('kube-controller-manager', CRONJOB_CONTROLLER_USER);
    this.recorder = cluster.recorder('cronjob-controller');
    this.cronJobInformer = cluster.informers.forResource(CRONJOBS);
    this.jobInformer = cluster.informers.forResource(JOBS);
    this.cronJobInformer.addHandler({
      add: (cj) => this.queue.add(keyOf(cj)),
      update: (_old, cj) => this.queue.add(keyOf(cj)),
      delete: () => {},
    });
    this.jobInformer.addHandler({
      add: (job) => this.enqueueOwner(job),
      update: (_old, job) => this.enqueueOwner(job),
      delete: (job) => this.enqueueOwner(job),
    });
  }

  private enqueueOwner(job: KubeObject): void {
    const ref = controllerOf(job);
    if (!ref || ref.kind !== 'CronJob') return;
    const cj = this.cronJobInformer.get(job.metadata.namespace ?? '', ref.name);
    if (cj && cj.metadata.uid === ref.uid) this.queue.add(keyOf(cj));
  }

  /** reconcile is sync: syncCronJob, the status write, then cleanupFinishedJobs. */
  reconcile(key: string): Result | void {
    const cached = this.cronJobInformer.getByKey(key);
    if (!cached) return;
    const cj = thaw(cached) as CronJobObject;
    cj.status ??= {};
    const jobs = this.jobInformer.list(cj.metadata.namespace ?? '').filter((j) => controllerOf(j)?.uid === cj.metadata.uid) as JobObject[];
    const before = JSON.stringify(cached.status ?? {});
    const requeueAfter = this.syncCronJob(cj, jobs);
    this.cleanupFinishedJobs(cj, jobs);
    if (JSON.stringify(cj.status) !== before) updateStatusRetryOnce(this.client, CRONJOBS, cached, cj.status);
    // A schedule that never fires again (30 February) has no next time to wait for.
    if (requeueAfter !== undefined && Number.isFinite(requeueAfter)) return { requeueAfter: Math.max(1, requeueAfter) };
  }

  /** syncCronJob updates cj.status in place and returns when to look again. */
  private syncCronJob(cj: CronJobObject, jobs: JobObject[]): number | undefined {
    const status = cj.status!;
    const active = (status.active ??= []);
    for (const job of jobs) {
      const inActive = active.some((r) => r.uid === job.metadata.uid);
      const finished = finishedCondition(job);
      if (!inActive && !finished) {
        this.recorder.warning(cj, 'UnexpectedJob', `Saw a job that the controller did not create or forgot: ${job.metadata.name}`);
      } else if (finished) {
        if (inActive) {
          status.active = (status.active ?? []).filter((r) => r.uid !== job.metadata.uid);
          this.recorder.normal(cj, 'SawCompletedJob', `Saw completed job: ${job.metadata.name}, condition: ${finished}`);
        }
        // A succeeded Job counts even when it was never in the active list (`create job --from`).
        const completed = parseTime(job.status?.completionTime);
        if (finished === 'Complete' && !Number.isNaN(completed)) {
          const last = parseTime(status.lastSuccessfulTime);
          if (Number.isNaN(last) || completed > last) status.lastSuccessfulTime = job.status!.completionTime;
        }
      }
    }
    // An active Job that no longer exists leaves the list (MissingJob).
    for (const ref of [...(status.active ?? [])]) {
      if (jobs.some((j) => j.metadata.uid === ref.uid)) continue;
      this.recorder.normal(cj, 'MissingJob', `Active job went missing: ${ref.name}`);
      status.active = (status.active ?? []).filter((r) => r.uid !== ref.uid);
    }
    if (status.active?.length === 0) delete status.active;
    if (cj.metadata.deletionTimestamp) return undefined;
    const timeZone = cj.spec?.timeZone;
    if (timeZone !== undefined && timeZone !== null && !isValidTimeZone(timeZone)) {
      this.recorder.warning(cj, 'UnknownTimeZone', `invalid timeZone: ${JSON.stringify(timeZone)}: unknown time zone ${timeZone}`);
      return undefined;
    }
    if (cj.spec?.suspend) return undefined;

    let schedule;
    try {
      schedule = parseStandardCron(cj.spec?.schedule ?? '', timeZone ?? '');
    } catch (err) {
      this.recorder.warning(cj, 'UnparseableSchedule', `unparseable schedule: ${JSON.stringify(cj.spec?.schedule ?? '')} : ${(err as Error).message}`);
      return undefined;
    }
    const now = this.cluster.clock.now();
    const { mostRecent } = mostRecentScheduleTime(cj, now, schedule, true);
    if (mostRecent === undefined) return nextScheduleDelay(cj, now, schedule);
    const deadline = cj.spec?.startingDeadlineSeconds;
    if (deadline !== undefined && deadline !== null && mostRecent + deadline * 1000 < now) {
      this.recorder.warning(cj, 'MissSchedule', `Missed scheduled time to start a job: ${new Date(mostRecent).toUTCString().replace('GMT', '+0000')}`);
      return nextScheduleDelay(cj, now, schedule);
    }
    const name = jobNameFor(cj, mostRecent);
    if ((status.active ?? []).some((r) => r.name === name) || parseTime(status.lastScheduleTime) === mostRecent) {
      return nextScheduleDelay(cj, now, schedule);
    }
    if (cj.spec?.concurrencyPolicy === 'Forbid' && (status.active?.length ?? 0) > 0) {
      this.recorder.normal(cj, 'JobAlreadyActive', 'Not starting job because prior execution is running and concurrency policy is Forbid');
      return nextScheduleDelay(cj, now, schedule);
    }
    if (cj.spec?.concurrencyPolicy === 'Replace') {
      for (const ref of [...(status.active ?? [])]) {
        const job = jobs.find((j) => j.metadata.uid === ref.uid);
        if (job) this.deleteJob(cj, job);
      }
    }
    let created: KubeObject;
    try {
      created = this.client.create(JOBS, cj.metadata.namespace ?? '', jobFromTemplate(cj, mostRecent));
      this.recorder.normal(cj, 'SuccessfulCreate', `Created job ${created.metadata.name}`);
    } catch (err) {
      if (!isStatusError(err) || err.code !== 409) {
        this.recorder.warning(cj, 'FailedCreate', `Error creating job: ${(err as Error).message}`);
        throw err;
      }
      created = this.client.get(JOBS, cj.metadata.namespace ?? '', name);
    }
    const ref: ObjectReference = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      name: created.metadata.name,
      namespace: created.metadata.namespace,
      resourceVersion: created.metadata.resourceVersion,
      uid: created.metadata.uid,
    };
    status.active = [...(status.active ?? []), ref];
    status.lastScheduleTime = rfc3339(mostRecent);
    return nextScheduleDelay(cj, now, schedule);
  }

  /** cleanupFinishedJobs deletes the oldest finished Jobs beyond successfulJobsHistoryLimit and failedJobsHistoryLimit. */
  private cleanupFinishedJobs(cj: CronJobObject, jobs: JobObject[]): void {
    const limits: [ReturnType<typeof finishedCondition>, number | undefined][] = [
      ['Complete', cj.spec?.successfulJobsHistoryLimit],
      ['Failed', cj.spec?.failedJobsHistoryLimit],
    ];
    for (const [type, limit] of limits) {
      if (limit === undefined || limit === null) continue;
      const finished = jobs.filter((j) => finishedCondition(j) === type && !j.metadata.deletionTimestamp).sort(byJobStartTime);
      for (const job of finished.slice(0, Math.max(0, finished.length - limit))) this.deleteJob(cj, job);
    }
  }

  /** deleteJob deletes a Job with its pods (Background) and drops it from status.active. */
  private deleteJob(cj: CronJobObject, job: JobObject): void {
    try {
      this.client.delete(JOBS, job.metadata.namespace ?? '', job.metadata.name ?? '', { propagationPolicy: 'Background' });
    } catch (err) {
      if (isStatusError(err) && err.code === 404) return;
      this.recorder.warning(cj, 'FailedDelete', `Deleted job: ${(err as Error).message}`);
      return;
    }
    const status = cj.status!;
    status.active = (status.active ?? []).filter((r) => r.uid !== job.metadata.uid);
    if (status.active.length === 0) delete status.active;
    this.recorder.normal(cj, 'SuccessfulDelete', `Deleted job ${job.metadata.name}`);
  }
}

/** installCronJobController registers the CronJob controller with the cluster. */
export function installCronJobController(cluster: Cluster): CronJobController {
  const controller = new CronJobController(cluster);
  cluster.addReconciler(controller);
  return controller;
}
