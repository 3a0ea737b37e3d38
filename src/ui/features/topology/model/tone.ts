/**
 * tone groups a pod's kubectl STATUS into the few colours the topology uses, so a glance
 * tells waiting from running from broken. The badge still shows the exact STATUS text.
 */

/** Tone is a status colour family. */
export type Tone = 'pending' | 'running' | 'ready' | 'terminating' | 'failed' | 'completed' | 'unknown';

const FAILED = new Set(['CrashLoopBackOff', 'ImagePullBackOff', 'ErrImagePull', 'Error', 'OOMKilled', 'CreateContainerConfigError', 'CreateContainerError', 'InvalidImageName', 'RunContainerError', 'ContainerCannotRun', 'Failed', 'Evicted', 'NodeLost', 'DeadlineExceeded', 'StartError']);
const PENDING = new Set(['Pending', 'ContainerCreating', 'PodInitializing', 'SchedulingGated', 'Unschedulable']);

/** podTone maps a kubectl STATUS (and readiness) to a tone. */
export function podTone(status: string, ready: boolean): Tone {
  if (status === 'Terminating') return 'terminating';
  if (status === 'Completed') return 'completed';
  if (status === 'Running') return ready ? 'ready' : 'running';
  if (FAILED.has(status) || status.startsWith('Init:Error') || status.startsWith('Init:CrashLoopBackOff') || status.startsWith('Init:ImagePull') || status.startsWith('Init:ErrImagePull')) return 'failed';
  if (PENDING.has(status) || status.startsWith('Init:')) return 'pending';
  return 'unknown';
}
