/**
 * The kubelet's in-memory view of the pods it runs (what upstream keeps in the pod workers,
 * the runtime cache and the status manager): per container its current instance, the last
 * terminated one, restarts and probe results.
 */
import type { ResolvedImage } from '../images/catalog.ts';
import type { ContainerLog } from '../runtime/containerLog.ts';
import type { ContainerProcess } from '../runtime/process.ts';
import type { PodVolume } from './volumes.ts';
import type { ContainerUsage } from './kubelet.ts';

/** Terminated is a container's terminated state in virtual ms. */
export interface Terminated {
  exitCode: number;
  reason: string;
  message?: string;
  signal?: number;
  startedAt: number;
  finishedAt: number;
  containerID?: string;
}

/** ContainerState mirrors core/v1 ContainerState with times in ms. */
export type ContainerState =
  | { waiting: { reason: string; message?: string } }
  | { running: { startedAt: number } }
  | { terminated: Terminated };

/** ContainerRecord is one container of a pod on this node. */
export interface ContainerRecord {
  name: string;
  init: boolean;
  /** sidecar marks an init container with restartPolicy Always (native sidecar, beta in 1.29+). */
  sidecar: boolean;
  state: ContainerState;
  last?: Terminated;
  restartCount: number;
  /** everStarted is true once an instance has been created (so the next one is a restart). */
  everStarted: boolean;
  image?: ResolvedImage;
  containerID?: string;
  process?: ContainerProcess;
  /** log is the current instance's log; previousLog the one before (kubectl logs --previous). */
  log?: ContainerLog;
  previousLog?: ContainerLog;
  ready: boolean;
  started: boolean;
  /** probeGeneration invalidates probe timers of an older instance. */
  probeGeneration: number;
  /** stopping is set while the kubelet is killing this instance (liveness failure, deletion). */
  stopping?: boolean;
}

/** PodRecord is one pod this kubelet runs. */
export interface PodRecord {
  key: string;
  uid: string;
  namespace: string;
  name: string;
  startTime: number;
  sandboxReadyAt: number;
  podIP?: string;
  /** volumes are the set-up volumes, in spec order (an exact-size array: see containers). */
  volumes?: readonly PodVolume[];
  /**
   * containers are the init containers then the app containers, in spec order. An exact-size
   * array: a pod has a handful, and a Map's hash table cost ~150 bytes more per pod
   * (bench/heapProfile.ts); containerNamed finds one by name.
   */
  containers: readonly ContainerRecord[];
  /** terminatingSince is set when the kubelet started killing the pod (deletion). */
  terminatingSince?: number;
  /** terminal is set once the pod reached Succeeded or Failed. */
  terminal?: 'Succeeded' | 'Failed';
  /** stoppedAt is when the last container of a deleted pod stopped (sandbox teardown starts). */
  stoppedAt?: number;
  mountFailure?: { volume: string; message: string; at: number };
  /** deadlineExceeded is set when activeDeadlineSeconds ended the pod. */
  deadlineExceeded?: boolean;
  /** usage is what the last metrics scrape read of the running containers (podUsage.ts). */
  usage?: readonly ContainerUsage[];
}

/** containerNamed is the pod's container record with this name (names are unique across init and app containers). */
export function containerNamed(rec: PodRecord, name: string): ContainerRecord | undefined {
  for (const c of rec.containers) if (c.name === name) return c;
  return undefined;
}

/** isTerminated narrows a state. */
export function terminatedOf(s: ContainerState): Terminated | undefined {
  return 'terminated' in s ? s.terminated : undefined;
}

/** isRunning says whether the container's current instance runs. */
export function isRunning(c: ContainerRecord): boolean {
  return 'running' in c.state;
}
