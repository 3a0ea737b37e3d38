/**
 * Building and reading a Job's pods: the pod a Job creates from its template
 * (RealPodControl.CreatePodsWithGenerateName plus the job controller's additions) and the
 * facts the sync reads back from pods (index, finish time).
 */
import type { Job } from 'kubernetes-types/batch/v1';
import type { Container } from 'kubernetes-types/core/v1';
import { parseTime } from '../../api/time.ts';
import type { KubeObject, Pod } from '../../api/types.ts';
import { thaw } from '../../storage/freeze.ts';
import { newControllerRef } from '../replicaset/controllerRef.ts';
import { JOB_COMPLETION_INDEX, JOB_TRACKING_FINALIZER } from './jobConditions.ts';

/**
 * addCompletionIndexEnvVariable: JOB_COMPLETION_INDEX from the pod's index label through the
 * downward API, unless the container already sets it.
 */
function addCompletionIndexEnv(c: Container): void {
  const env = (c.env ??= []);
  if (env.some((e) => e.name === 'JOB_COMPLETION_INDEX')) return;
  env.push({ name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { fieldPath: `metadata.labels['${JOB_COMPLETION_INDEX}']` } } });
}

/**
 * newJobPod is the pod a Job creates: the template's labels, annotations and spec, a
 * controller reference, and the job-tracking finalizer. Indexed Jobs name pods
 * `<job>-<index>-<random>`, mark the index in an annotation and a label, set the hostname
 * `<job>-<index>` and give every container JOB_COMPLETION_INDEX.
 */
export function newJobPod(job: Job & KubeObject, index: number | undefined): KubeObject {
  const template = job.spec?.template ?? {};
  const name = job.metadata.name ?? '';
  const meta: KubeObject['metadata'] = {
    generateName: index === undefined ? `${name}-` : `${name}-${index}-`,
    labels: { ...(template.metadata?.labels ?? {}) },
    ownerReferences: [newControllerRef(job, 'batch/v1', 'Job')],
    finalizers: [...(template.metadata?.finalizers ?? []), JOB_TRACKING_FINALIZER],
  };
  if (template.metadata?.annotations) meta.annotations = { ...template.metadata.annotations };
  const spec = thaw(template.spec ?? { containers: [] });
  if (index !== undefined) {
    meta.annotations = { ...(meta.annotations ?? {}), [JOB_COMPLETION_INDEX]: String(index) };
    meta.labels![JOB_COMPLETION_INDEX] = String(index);
    spec.hostname ||= `${name}-${index}`;
    for (const c of spec.initContainers ?? []) addCompletionIndexEnv(c);
    for (const c of spec.containers ?? []) addCompletionIndexEnv(c);
  }
  return { apiVersion: 'v1', kind: 'Pod', metadata: meta, spec };
}

/** podIndex reads an Indexed Job pod's completion index (undefined when absent or malformed). */
export function podIndex(pod: Pod): number | undefined {
  const v = pod.metadata?.annotations?.[JOB_COMPLETION_INDEX];
  return v !== undefined && /^[0-9]+$/.test(v) ? Number(v) : undefined;
}

/** hasTrackingFinalizer: the pod still waits for the Job controller to count it. */
export function hasTrackingFinalizer(pod: Pod): boolean {
  return (pod.metadata?.finalizers ?? []).includes(JOB_TRACKING_FINALIZER);
}

/** podFinishedAtMs is getFinishedTime: the latest container finish, else the deletion time, else now. */
export function podFinishedAtMs(pod: Pod, now: number): number {
  let latest: number | undefined;
  for (const cs of pod.status?.containerStatuses ?? []) {
    const t = parseTime(cs.state?.terminated?.finishedAt);
    if (!Number.isNaN(t) && (latest === undefined || t > latest)) latest = t;
  }
  if (latest !== undefined) return latest;
  const deleted = parseTime(pod.metadata?.deletionTimestamp);
  return Number.isNaN(deleted) ? now : deleted;
}

/** restartCount sums container restarts, for OnFailure pods' backoffLimit (pastBackoffLimitOnFailure). */
export function restartCount(pod: Pod): number {
  let n = 0;
  for (const cs of pod.status?.initContainerStatuses ?? []) n += cs.restartCount ?? 0;
  for (const cs of pod.status?.containerStatuses ?? []) n += cs.restartCount ?? 0;
  return n;
}
