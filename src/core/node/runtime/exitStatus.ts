/**
 * How a container's PID 1 ended, and the watchers told of it (the kubelet's, `kubectl exec`'s).
 */
import type { Signal } from './types.ts';

/** TerminationReason is containerStatuses[].state.terminated.reason as the runtime reports it. */
export type TerminationReason = 'Completed' | 'Error' | 'OOMKilled';

/** ExitStatus is how a process ended. */
export interface ExitStatus {
  exitCode: number;
  reason: TerminationReason;
  /** signal is set when a signal killed it. */
  signal?: Signal;
  startedAt: number;
  finishedAt: number;
}

/**
 * ExitWatcher is an exit callback as an object: a watcher every container has (the kubelet's)
 * keeps its few values in one small object instead of a closure and its context (~90 bytes
 * less per container, bench/heapProfile.ts).
 */
export interface ExitWatcher {
  /** exited is called once, with the process's exit status. */
  exited(s: ExitStatus): void;
}

/** OnExit is what onExit takes: a callback or an ExitWatcher. */
export type OnExit = ((s: ExitStatus) => void) | ExitWatcher;

/** notifyExit tells one watcher how the process ended. */
export function notifyExit(w: OnExit, s: ExitStatus): void {
  if (typeof w === 'function') w(s);
  else w.exited(s);
}
