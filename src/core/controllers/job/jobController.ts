/**
 * The Job controller: runs a Job's pods to completion.
 *
 * Modelled on pkg/controller/job/job_controller.go (v1.32, syncJob): each reconcile claims
 * the Job's pods, counts pods that finished since the last sync through
 * `status.uncountedTerminatedPods` and the `batch.kubernetes.io/job-tracking` finalizer
 * (so a pod is counted once even if it is deleted right after), decides whether the Job
 * succeeded (completions reached), failed (backoffLimit or activeDeadlineSeconds) or is
 * suspended, and otherwise creates or deletes pods towards parallelism. Failed pods are
 * replaced after an exponential back-off (10 s, 20 s, ... 6 min). As in v1.32 the terminal
 * condition waits for the Job's pods to be gone: `SuccessCriteriaMet` then `Complete`,
 * `FailureTarget` then `Failed`.
 */
import type { Job, JobStatus } from 'kubernetes-types/batch/v1';
import { isStatusError } from '../../api/status.ts';
import { parseTime, rfc3339 } from '../../api/time.ts';
import { selectorFromLabelSelector } from '../../api/labels.ts';
import { asPod, isPodActive, isPodReady } from '../../api/podUtil.ts';
import type { KubeObject, Pod } from '../../api/types.ts';
import { JOBS, PODS, type Client } from '../../client/client.ts';
import type { EventRecorder } from '../../client/events.ts';
import { keyOf, splitKey, type Informer } from '../../client/informer.ts';
import { WorkQueue } from '../../client/workqueue.ts';
import type { Cluster } from '../../sim/cluster.ts';
import type { Result } from '../../sim/loop.ts';
import { thaw } from '../../storage/freeze.ts';
import { claimObjects, controllerOf } from '../replicaset/controllerRef.ts';
import { updateStatusRetryOnce } from '../statusUpdate.ts';
import { slowStartBatch } from '../replicaset/replicaSetController.ts';
import {
  JOB_REASONS,
  JOB_TRACKING_FINALIZER,
  formatIndexes,
  hasTrueCondition,
  isJobFinished,
  parseIndexes,
  podBackoffRemainingMs,
  setCondition,
  wantActive,
} from './jobConditions.ts';
import { hasTrackingFinalizer, newJobPod, podFinishedAtMs, podIndex, restartCount } from './jobPods.ts';

/** JOB_CONTROLLER_USER is the identity kube-controller-manager uses for this controller. */
export const JOB_CONTROLLER_USER = {
  username: 'system:serviceaccount:kube-system:job-controller',
  groups: ['system:serviceaccounts', 'system:serviceaccounts:kube-system', 'system:authenticated'],
};

/** ORPHAN_PREFIX marks queue keys of pods whose Job is gone but which still hold our finalizer. */
const ORPHAN_PREFIX = 'orphan-pod:';

type JobObject = Job & KubeObject;
type MutableStatus = JobStatus & { uncountedTerminatedPods: { succeeded?: string[]; failed?: string[] } };

/** BackoffRecord is upstream's backoffRecord: failures since the last success and when the last one happened. */
interface BackoffRecord {
  failuresAfterLastSuccess: number;
  lastFailureMs?: number;
}

/** isPodFailedForJob is isPodFailed: Failed, or deleted before succeeding (unless only Failed pods are replaced). */
function isPodFailedForJob(pod: Pod, job: Job): boolean {
  if (pod.status?.phase === 'Failed') return true;
  if (job.spec?.podReplacementPolicy === 'Failed') return false;
  return !!pod.metadata?.deletionTimestamp && pod.status?.phase !== 'Succeeded';
}

/** JobController reconciles Jobs against their pods. */
export class JobController {
  readonly name = 'job-controller';
  readonly queue: WorkQueue;
  private readonly client: Client;
  private readonly recorder: EventRecorder;
  private readonly jobInformer: Informer;
  private readonly podInformer: Informer;
  private readonly backoff = new Map<string, BackoffRecord>();

  constructor(private readonly cluster: Cluster) {
    this.queue = new WorkQueue('job', cluster.clock);
    this.client = cluster.client('kube-controller-manager', JOB_CONTROLLER_USER);
    this.recorder = cluster.recorder('job-controller');
    this.jobInformer = cluster.informers.forResource(JOBS);
    this.podInformer = cluster.informers.forResource(PODS);
    this.jobInformer.addHandler({
      add: (job) => this.queue.add(keyOf(job)),
      update: (_old, job) => this.queue.add(keyOf(job)),
      delete: (job) => this.jobDeleted(job),
    });
    this.podInformer.addHandler({
      add: (pod) => this.podChanged(pod),
      update: (_old, pod) => this.podChanged(pod),
      delete: (pod) => this.podChanged(pod),
    });
  }

  /** save returns the back-off records (in-memory upstream too, but a snapshot must not lose them). */
  save(): Record<string, BackoffRecord> {
    return Object.fromEntries(this.backoff);
  }

  /** load restores the back-off records of a snapshot. */
  load(data: unknown): void {
    this.backoff.clear();
    for (const [key, record] of Object.entries((data ?? {}) as Record<string, BackoffRecord>)) this.backoff.set(key, { ...record });
  }

  // ---- event wiring: only enqueue keys ------------------------------------------------

  private podChanged(pod: KubeObject): void {
    const ref = controllerOf(pod);
    // A pod orphaned with our finalizer (`delete job --cascade=orphan`) must not be stuck with it.
    if (!ref) return void (hasTrackingFinalizer(asPod(pod)) && this.queue.add(ORPHAN_PREFIX + keyOf(pod)));
    if (ref.kind !== 'Job') return;
    const job = this.jobInformer.get(pod.metadata.namespace ?? '', ref.name);
    if (job && job.metadata.uid === ref.uid) this.queue.add(keyOf(job));
    else if (hasTrackingFinalizer(asPod(pod))) this.queue.add(ORPHAN_PREFIX + keyOf(pod));
  }

  private jobDeleted(job: KubeObject): void {
    this.backoff.delete(keyOf(job));
    for (const pod of this.podInformer.list(job.metadata.namespace ?? '')) {
      if (controllerOf(pod)?.uid === job.metadata.uid && hasTrackingFinalizer(asPod(pod))) this.queue.add(ORPHAN_PREFIX + keyOf(pod));
    }
  }

  // ---- reconcile ----------------------------------------------------------------------

  /** reconcile is syncJob (or the orphan-pod finalizer removal for ORPHAN_PREFIX keys). */
  reconcile(key: string): Result | void {
    if (key.startsWith(ORPHAN_PREFIX)) return this.releaseOrphan(key.slice(ORPHAN_PREFIX.length));
    const cached = this.jobInformer.getByKey(key);
    if (!cached) return;
    let job = cached as JobObject;
    // JobManagedBy (beta, on in v1.32): a Job managed by another controller is left alone.
    const managedBy = job.spec?.managedBy;
    if (managedBy && managedBy !== 'kubernetes.io/job-controller') return;
    const pods = this.claimPods(job);
    const now = this.cluster.clock.now();
    const nowText = rfc3339(now);
    const status = thaw(job.status ?? {}) as MutableStatus;
    status.uncountedTerminatedPods ??= {};
    job = this.countFinishedPods(key, job, pods, status, now);
    if (isJobFinished(job)) return void this.writeStatus(job, status);

    const active = pods.filter((p) => isPodActive(p));
    let terminating = pods.filter((p) => p.metadata?.deletionTimestamp && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed').length;
    const succeeded = status.succeeded ?? 0;
    const failed = status.failed ?? 0;
    const suspended = job.spec?.suspend === true;
    let requeueAfter: number | undefined;
    let createdNow = 0;

    if (!suspended && !status.startTime) status.startTime = nowText;
    let finishing: 'Failed' | 'Complete' | '' = hasTrueCondition({ status }, 'FailureTarget') ? 'Failed' : hasTrueCondition({ status }, 'SuccessCriteriaMet') ? 'Complete' : '';
    if (!finishing) {
      const onFailure = job.spec?.template?.spec?.restartPolicy === 'OnFailure';
      const backoffLimit = job.spec?.backoffLimit ?? 6;
      const restarts = onFailure ? active.reduce((n, p) => n + restartCount(p), 0) : 0;
      const pastOnFailure = onFailure && (backoffLimit === 0 ? restarts > 0 : restarts >= backoffLimit);
      const deadline = job.spec?.activeDeadlineSeconds;
      const startMs = parseTime(status.startTime);
      if (failed > backoffLimit || pastOnFailure) {
        finishing = this.failureTarget(status, JOB_REASONS.backoffLimitExceeded, nowText);
      } else if (!suspended && deadline !== undefined && !Number.isNaN(startMs) && now - startMs >= deadline * 1000) {
        finishing = this.failureTarget(status, JOB_REASONS.deadlineExceeded, nowText);
      } else if (!suspended && deadline !== undefined && !Number.isNaN(startMs)) {
        requeueAfter = startMs + deadline * 1000 - now;
      }
      if (!finishing && this.complete(job, status, active.length)) {
        const r = JOB_REASONS.completionsReached;
        setCondition(status, 'SuccessCriteriaMet', 'True', r.reason, r.message, nowText);
        finishing = 'Complete';
      }
    }

    if (finishing) {
      terminating += this.deletePods(job, active);
      if (terminating === 0) this.finish(job, status, finishing, nowText);
    } else if (suspended) {
      terminating += this.deletePods(job, active);
      const r = JOB_REASONS.suspended;
      if (setCondition(status, 'Suspended', 'True', r.reason, r.message, nowText)) this.recorder.normal(job, 'Suspended', r.message);
    } else {
      if (hasTrueCondition({ status }, 'Suspended')) {
        const r = JOB_REASONS.resumed;
        setCondition(status, 'Suspended', 'False', r.reason, r.message, nowText);
        status.startTime = nowText;
        this.recorder.normal(job, 'Resumed', r.message);
      }
      // A Job being deleted (foreground) only counts its pods: the garbage collector is removing them.
      if (!job.metadata.deletionTimestamp) {
        const { wait, created } = this.managePods(key, job, active, terminating, succeeded, status, now);
        createdNow = created;
        if (wait > 0) requeueAfter = requeueAfter === undefined ? wait : Math.min(requeueAfter, wait);
      }
    }

    const ready = active.filter((p) => isPodReady(p) && !p.metadata?.deletionTimestamp).length;
    status.active = finishing || suspended ? undefined : active.length + createdNow || undefined;
    status.ready = finishing || suspended ? 0 : ready;
    status.terminating = terminating;
    this.writeStatus(job, status);
    if (requeueAfter !== undefined) return { requeueAfter: Math.max(1, requeueAfter) };
  }

  /** claimPods: the Job's pods by selector and controller reference (ClaimPods, with adoption of orphans). */
  private claimPods(job: JobObject): Pod[] {
    let selector;
    try {
      selector = selectorFromLabelSelector(job.spec?.selector);
    } catch {
      return [];
    }
    const candidates = this.podInformer.list(job.metadata.namespace ?? '').filter((p) => controllerOf(p)?.uid === job.metadata.uid || !controllerOf(p));
    return claimObjects(
      { client: this.client, dependents: PODS, ownerResource: JOBS, owner: job, ownerApiVersion: 'batch/v1', ownerKind: 'Job', selector },
      candidates.filter((p) => !(p.metadata.deletionTimestamp && !hasTrackingFinalizer(asPod(p)) && !controllerOf(p))),
    ).map(asPod);
  }

  /**
   * countFinishedPods is trackJobStatusAndRemoveFinalizers: finished pods still holding the
   * finalizer go to uncountedTerminatedPods (written first), lose the finalizer, and are
   * then moved into succeeded/failed (and completedIndexes).
   */
  private countFinishedPods(key: string, job: JobObject, pods: Pod[], status: MutableStatus, now: number): JobObject {
    const uncounted = status.uncountedTerminatedPods;
    const finished = pods.filter((p) => hasTrackingFinalizer(p) && (p.status?.phase === 'Succeeded' || isPodFailedForJob(p, job)));
    if (finished.length === 0 && !uncounted.succeeded?.length && !uncounted.failed?.length) return job;
    const record = this.backoff.get(key) ?? { failuresAfterLastSuccess: 0 };
    for (const pod of finished) {
      const uid = pod.metadata?.uid ?? '';
      const list = pod.status?.phase === 'Succeeded' ? (uncounted.succeeded ??= []) : (uncounted.failed ??= []);
      if (list.includes(uid)) continue;
      list.push(uid);
      if (pod.status?.phase === 'Succeeded') record.failuresAfterLastSuccess = 0;
      else {
        record.failuresAfterLastSuccess++;
        record.lastFailureMs = Math.max(record.lastFailureMs ?? 0, podFinishedAtMs(pod, now));
      }
    }
    this.backoff.set(key, record);
    const written = this.writeStatus(job, status);
    for (const pod of finished) this.removeFinalizer(pod);
    const indexes = parseIndexes(status.completedIndexes);
    for (const pod of finished) {
      const index = podIndex(pod);
      if (pod.status?.phase === 'Succeeded' && index !== undefined) indexes.add(index);
    }
    if (job.spec?.completionMode === 'Indexed') {
      status.succeeded = indexes.size || undefined;
      if (indexes.size > 0) status.completedIndexes = formatIndexes(indexes);
    } else {
      status.succeeded = (status.succeeded ?? 0) + (uncounted.succeeded?.length ?? 0) || undefined;
    }
    status.failed = (status.failed ?? 0) + (uncounted.failed?.length ?? 0) || undefined;
    status.uncountedTerminatedPods = {};
    return written;
  }

  /** complete: enough successes (completions, or distinct indexes), or for a work queue Job one success and nothing running. */
  private complete(job: JobObject, status: MutableStatus, active: number): boolean {
    const succeeded = status.succeeded ?? 0;
    const completions = job.spec?.completions;
    if (completions === undefined || completions === null) return succeeded > 0 && active === 0;
    return succeeded >= completions;
  }

  private failureTarget(status: MutableStatus, r: { reason: string; message: string }, now: string): 'Failed' {
    setCondition(status, 'FailureTarget', 'True', r.reason, r.message, now);
    return 'Failed';
  }

  /** finish adds the terminal condition once no pod is left running: Complete (with completionTime) or Failed. */
  private finish(job: JobObject, status: MutableStatus, type: 'Complete' | 'Failed', now: string): void {
    const target = status.conditions?.find((c) => c.type === (type === 'Complete' ? 'SuccessCriteriaMet' : 'FailureTarget'));
    setCondition(status, type, 'True', target?.reason ?? '', target?.message ?? '', now);
    if (type === 'Complete') {
      status.completionTime = now;
      this.recorder.normal(job, 'Completed', 'Job completed');
    } else {
      this.recorder.warning(job, target?.reason ?? 'Failed', target?.message ?? '');
    }
  }

  /**
   * managePods is manageJob: create pods up to wantActive (after the failure back-off, the
   * lowest missing indexes first for Indexed Jobs) or delete the surplus. Returns how long
   * to wait before pods may be created, or 0.
   */
  private managePods(
    key: string,
    job: JobObject,
    active: Pod[],
    terminating: number,
    succeeded: number,
    status: MutableStatus,
    now: number,
  ): { wait: number; created: number } {
    const want = wantActive(job, succeeded, active.length);
    // With podReplacementPolicy Failed, terminating pods still hold their slot.
    const occupied = active.length + (job.spec?.podReplacementPolicy === 'Failed' ? terminating : 0);
    if (occupied > want) {
      const surplus = [...active].sort((a, b) => Number(isPodReady(a)) - Number(isPodReady(b))).slice(0, occupied - want);
      this.deletePods(job, surplus);
      return { wait: 0, created: 0 };
    }
    const missing = want - occupied;
    if (missing <= 0) return { wait: 0, created: 0 };
    const record = this.backoff.get(key);
    const wait = podBackoffRemainingMs(record?.failuresAfterLastSuccess ?? 0, record?.lastFailureMs, now);
    if (wait > 0) return { wait, created: 0 };
    const indexes = job.spec?.completionMode === 'Indexed' ? this.freeIndexes(job, active, status, missing) : undefined;
    let i = 0;
    const { successes, error } = slowStartBatch(indexes ? indexes.length : missing, 1, () => this.createPod(job, indexes?.[i++]));
    return { wait: error ? 1000 : 0, created: successes };
  }

  /** freeIndexes: the lowest indexes neither completed nor held by an active pod. */
  private freeIndexes(job: JobObject, active: Pod[], status: MutableStatus, n: number): number[] {
    const taken = parseIndexes(status.completedIndexes);
    for (const p of active) {
      const index = podIndex(p);
      if (index !== undefined) taken.add(index);
    }
    const out: number[] = [];
    for (let i = 0; i < (job.spec?.completions ?? 0) && out.length < n; i++) if (!taken.has(i)) out.push(i);
    return out;
  }

  private createPod(job: JobObject, index: number | undefined): void {
    try {
      const created = this.client.create(PODS, job.metadata.namespace ?? '', newJobPod(job, index));
      this.recorder.normal(job, 'SuccessfulCreate', `Created pod: ${created.metadata.name}`);
    } catch (err) {
      this.recorder.warning(job, 'FailedCreate', `Error creating: ${(err as Error).message}`);
      throw err;
    }
  }

  /** deletePods deletes pods (RealPodControl.DeletePod events); returns how many are now terminating. */
  private deletePods(job: JobObject, pods: Pod[]): number {
    let n = 0;
    for (const pod of pods) {
      const name = pod.metadata?.name ?? '';
      try {
        this.client.delete(PODS, job.metadata.namespace ?? '', name);
        this.recorder.normal(job, 'SuccessfulDelete', `Deleted pod: ${name}`);
        n++;
      } catch (err) {
        if (isStatusError(err) && err.code === 404) continue;
        this.recorder.warning(job, 'FailedDelete', `Error deleting: ${(err as Error).message}`);
      }
    }
    return n;
  }

  /** removeFinalizer drops the job-tracking finalizer (upstream sends a JSON patch). */
  private removeFinalizer(pod: Pod): void {
    const finalizers = (pod.metadata?.finalizers ?? []).filter((f) => f !== JOB_TRACKING_FINALIZER);
    try {
      this.client.patch(PODS, pod.metadata?.namespace ?? '', pod.metadata?.name ?? '', 'merge', { metadata: { finalizers: finalizers.length ? finalizers : null } });
    } catch (err) {
      if (!isStatusError(err) || err.code !== 404) throw err;
    }
  }

  /** releaseOrphan removes the finalizer from a pod whose Job no longer exists, so it can go. */
  private releaseOrphan(podKey: string): void {
    const pod = this.podInformer.getByKey(podKey);
    if (!pod || !hasTrackingFinalizer(asPod(pod))) return;
    const ref = controllerOf(pod);
    const ns = splitKey(podKey).namespace;
    const job = ref ? this.jobInformer.get(ns, ref.name) : undefined;
    if (job && job.metadata.uid === ref?.uid) return void this.queue.add(keyOf(job));
    this.removeFinalizer(asPod(pod));
  }

  /** writeStatus skips writes that change nothing and returns the stored Job. */
  private writeStatus(job: JobObject, status: MutableStatus): JobObject {
    if (JSON.stringify(job.status ?? {}) === JSON.stringify(status)) return job;
    return updateStatusRetryOnce<JobObject>(this.client, JOBS, job, status);
  }
}

/** installJobController registers the Job controller with the cluster. */
export function installJobController(cluster: Cluster): JobController {
  const controller = new JobController(cluster);
  cluster.addReconciler(controller);
  cluster.registerState('job-controller', controller);
  return controller;
}
