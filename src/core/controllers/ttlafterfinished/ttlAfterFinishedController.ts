/**
 * The TTL-after-finished controller: deletes finished Jobs `ttlSecondsAfterFinished`
 * seconds after they finished.
 *
 * Modelled on pkg/controller/ttlafterfinished/ttlafterfinished_controller.go (v1.32): a Job
 * is watched only when it has a TTL and a Complete or Failed condition; its finish time is
 * that condition's lastTransitionTime. When the TTL has passed the Job is deleted with
 * Foreground propagation (its pods go first) and a uid/resourceVersion precondition, so a
 * Job whose TTL was just changed is not deleted by mistake. No events are recorded.
 */
import type { Job } from 'kubernetes-types/batch/v1';
import { isStatusError } from '../../api/status.ts';
import { parseTime } from '../../api/time.ts';
import type { KubeObject } from '../../api/types.ts';
import { JOBS, type Client } from '../../client/client.ts';
import { keyOf, type Informer } from '../../client/informer.ts';
import { WorkQueue } from '../../client/workqueue.ts';
import type { Cluster } from '../../sim/cluster.ts';
import type { Result } from '../../sim/loop.ts';
import { findCondition, finishedCondition } from '../job/jobConditions.ts';

/** TTL_CONTROLLER_USER is the identity kube-controller-manager uses for this controller. */
export const TTL_CONTROLLER_USER = {
  username: 'system:serviceaccount:kube-system:ttl-after-finished-controller',
  groups: ['system:serviceaccounts', 'system:serviceaccounts:kube-system', 'system:authenticated'],
};

type JobObject = Job & KubeObject;

/** needsCleanup: a TTL is set, the Job finished, and it is not already being deleted. */
function needsCleanup(job: JobObject): boolean {
  return job.spec?.ttlSecondsAfterFinished !== undefined && job.spec.ttlSecondsAfterFinished !== null && !!finishedCondition(job) && !job.metadata.deletionTimestamp;
}

/** expireAt is the finish time plus the TTL (epoch ms), or undefined when the finish time is unknown. */
export function expireAt(job: JobObject): number | undefined {
  const type = finishedCondition(job);
  if (!type) return undefined;
  const finished = parseTime(findCondition(job, type)?.lastTransitionTime);
  if (Number.isNaN(finished)) return undefined;
  return finished + (job.spec?.ttlSecondsAfterFinished ?? 0) * 1000;
}

/** TTLAfterFinishedController deletes finished Jobs whose TTL has expired. */
export class TTLAfterFinishedController {
  readonly name = 'ttl-after-finished-controller';
  readonly queue: WorkQueue;
  private readonly client: Client;
  private readonly jobInformer: Informer;

  constructor(private readonly cluster: Cluster) {
    this.queue = new WorkQueue('ttl_jobs_to_delete', cluster.clock);
    this.client = cluster.client('kube-controller-manager', TTL_CONTROLLER_USER);
    this.jobInformer = cluster.informers.forResource(JOBS);
    const enqueue = (job: KubeObject) => {
      if (needsCleanup(job as JobObject)) this.queue.add(keyOf(job));
    };
    this.jobInformer.addHandler({ add: enqueue, update: (_old, job) => enqueue(job), delete: () => {} });
  }

  /** reconcile is processJob: delete when expired, else look again at expiry. */
  reconcile(key: string): Result | void {
    const cached = this.jobInformer.getByKey(key) as JobObject | undefined;
    if (!cached || !needsCleanup(cached)) return;
    const at = expireAt(cached);
    if (at === undefined) return;
    const now = this.cluster.clock.now();
    if (at > now) return { requeueAfter: at - now };
    try {
      this.client.delete(JOBS, cached.metadata.namespace ?? '', cached.metadata.name ?? '', {
        propagationPolicy: 'Foreground',
        preconditions: { uid: cached.metadata.uid, resourceVersion: cached.metadata.resourceVersion },
      });
    } catch (err) {
      if (isStatusError(err) && (err.code === 404 || err.code === 409)) return;
      throw err;
    }
  }
}

/** installTTLAfterFinishedController registers the controller with the cluster. */
export function installTTLAfterFinishedController(cluster: Cluster): TTLAfterFinishedController {
  const controller = new TTLAfterFinishedController(cluster);
  cluster.addReconciler(controller);
  return controller;
}
