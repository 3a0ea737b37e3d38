/**
 * syncPod is one pass of the kubelet's pod worker (pkg/kubelet/kubelet.go SyncPod and
 * kuberuntime_manager.go computePodActions): sandbox with its IP, volumes, init containers
 * one at a time in order, then every app container, restarts per restartPolicy with
 * back-off; and, once the pod has a deletionTimestamp, SyncTerminatingPod: preStop, the stop
 * signal, SIGKILL when the grace period ends, then the final status and the delete with
 * gracePeriodSeconds 0 and a UID precondition (the kubelet's status manager does that).
 */
import type { Container, Pod } from '../../api/types.ts';
import { parseTime } from '../../api/time.ts';
import { execInContainer } from '../runtime/exec.ts';
import { fieldPathOf, SANDBOX_MS, type KubeletContext } from './context.ts';
import { shouldRestart, startContainer, type CrashBackoff } from './containerStart.ts';
import { containerNamed, type ContainerRecord, type PodRecord } from './podState.ts';
import { podPhase } from './podStatus.ts';
import { setUpVolumes } from './volumes.ts';

/** newPodRecord starts tracking a pod: its sandbox will be ready after SANDBOX_MS. */
export function newPodRecord(pod: Pod, key: string, now: number): PodRecord {
  const inits = pod.spec?.initContainers ?? [];
  // With init containers every container waits as PodInitializing; without, as ContainerCreating.
  const reason = inits.length > 0 ? 'PodInitializing' : 'ContainerCreating';
  // map and concat allocate exact-size arrays (a pushed-to array keeps spare capacity).
  const apps = (pod.spec?.containers ?? []).map((c) => newContainerRecord(c, false, reason));
  const containers = inits.length > 0 ? inits.map((c) => newContainerRecord(c, true, reason)).concat(apps) : apps;
  // Every field is present from the start (undefined until set): records then share one
  // hidden class, so the code that reads them for every pod (status, metrics scrape) stays
  // monomorphic instead of meeting a shape per order in which fields were added.
  return {
    key, uid: pod.metadata!.uid!, namespace: pod.metadata!.namespace!, name: pod.metadata!.name!,
    startTime: now, sandboxReadyAt: now + SANDBOX_MS, podIP: undefined, volumes: undefined, containers,
    terminatingSince: undefined, terminal: undefined, stoppedAt: undefined, mountFailure: undefined, deadlineExceeded: undefined, usage: undefined,
  };
}

/** newContainerRecord is a container that has not been created yet, waiting for `reason`. */
function newContainerRecord(c: Container, init: boolean, reason: string): ContainerRecord {
  // All fields present from the start, as in newPodRecord: one hidden class for every container record.
  return {
    name: c.name, init, sidecar: init && c.restartPolicy === 'Always', state: { waiting: { reason } }, last: undefined, restartCount: 0, everStarted: false,
    image: undefined, containerID: undefined, process: undefined, log: undefined, previousLog: undefined,
    ready: false, started: false, probeGeneration: 0, stopping: undefined,
  };
}

/** syncPod advances a live (not terminating) pod as far as it can go now. */
export function syncPod(ctx: KubeletContext, pod: Pod, rec: PodRecord, backoff: CrashBackoff): void {
  const now = ctx.clock.now();
  if (rec.terminal) return;
  if (now < rec.sandboxReadyAt) {
    ctx.wake(rec.key, rec.sandboxReadyAt);
    return;
  }
  if (!rec.podIP) rec.podIP = pod.spec?.hostNetwork ? ctx.nodeIP : ctx.podIP(pod);
  if (!rec.volumes) {
    const r = setUpVolumes(pod, ctx.lookup);
    if (!r.ok) {
      // The volume manager retries; the event repeats (aggregated by the recorder).
      if (!rec.mountFailure || now - rec.mountFailure.at >= 120_000) {
        ctx.recorder.warning(pod, 'FailedMount', `MountVolume.SetUp failed for volume "${r.volume}" : ${r.message}`);
        rec.mountFailure = { volume: r.volume, message: r.message, at: now };
      }
      ctx.wake(rec.key, now + 10_000);
      return;
    }
    rec.volumes = r.volumes;
    rec.mountFailure = undefined;
  }
  const policy = pod.spec?.restartPolicy ?? 'Always';

  // activeDeadlineSeconds counts from the pod's startTime (pkg/kubelet/active_deadline.go).
  const deadline = pod.spec?.activeDeadlineSeconds;
  if (deadline !== undefined) {
    const at = rec.startTime + deadline * 1000;
    if (now >= at) {
      ctx.recorder.warning(pod, 'DeadlineExceeded', 'Pod was active on the node longer than the specified deadline');
      rec.deadlineExceeded = true;
      rec.terminal = 'Failed';
      stopRunning(ctx, pod, rec, () => true);
      return;
    }
    ctx.wake(rec.key, at);
  }

  // Init containers run to completion one by one; a sidecar (restartPolicy Always) only has
  // to be started, then keeps running (and restarting) beside the app containers.
  for (const spec of pod.spec?.initContainers ?? []) {
    const c = containerNamed(rec, spec.name)!;
    if (c.sidecar) {
      // Once app containers have started, a sidecar restarting (or in back-off) blocks nothing.
      const pastInit = (pod.spec?.containers ?? []).some((a) => containerNamed(rec, a.name)?.everStarted);
      if ('running' in c.state && c.started) continue;
      if ('running' in c.state || c.stopping) {
        if (pastInit) continue;
        return;
      }
      startContainer(ctx, pod, rec, c, spec, backoff);
      if (pastInit || ('running' in c.state && c.started)) continue;
      return;
    }
    if ('running' in c.state || c.stopping) return;
    if ('terminated' in c.state && c.state.terminated.exitCode === 0) continue;
    if ('terminated' in c.state && !shouldRestart(policy === 'Always' ? 'OnFailure' : policy, c.state.terminated.exitCode)) {
      finishIfTerminal(ctx, pod, rec);
      return;
    }
    startContainer(ctx, pod, rec, c, spec, backoff);
    return;
  }

  for (const spec of pod.spec?.containers ?? []) {
    const c = containerNamed(rec, spec.name)!;
    if ('running' in c.state || c.stopping) continue;
    if (c.everStarted) {
      const last = 'terminated' in c.state ? c.state.terminated : c.last;
      if ('terminated' in c.state && !shouldRestart(policy, last?.exitCode ?? 0)) continue;
    }
    startContainer(ctx, pod, rec, c, spec, backoff);
  }
  finishIfTerminal(ctx, pod, rec);
}

/** finishIfTerminal marks the pod Succeeded/Failed once nothing will run again, and stops its sidecars. */
function finishIfTerminal(ctx: KubeletContext, pod: Pod, rec: PodRecord): void {
  const phase = podPhase(pod, rec);
  if (phase !== 'Succeeded' && phase !== 'Failed') return;
  rec.terminal = phase;
  stopRunning(ctx, pod, rec, (c) => c.sidecar);
}

/** stopRunning stops the matching running containers with the pod's grace period. */
function stopRunning(ctx: KubeletContext, pod: Pod, rec: PodRecord, which: (c: ContainerRecord) => boolean): void {
  for (const c of rec.containers) {
    if (!c.process?.running || c.stopping || !which(c)) continue;
    c.stopping = true;
    ctx.recorder.normal(pod, 'Killing', `Stopping container ${c.name}`, fieldPathOf(c.name, c.init));
    void c.process.stop(c.image!.definition.config.stopSignal, (pod.spec?.terminationGracePeriodSeconds ?? 30) * 1000);
  }
}

/**
 * syncTerminatingPod kills the pod's containers for deletion. It returns true once every
 * container has stopped (the caller then writes the final status and deletes the pod).
 */
export function syncTerminatingPod(ctx: KubeletContext, pod: Pod, rec: PodRecord): boolean {
  const now = ctx.clock.now();
  if (rec.terminatingSince === undefined) {
    rec.terminatingSince = now;
    const graceSeconds = pod.metadata!.deletionGracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30;
    const deadline = pod.metadata!.deletionTimestamp ? Math.min(parseTime(pod.metadata!.deletionTimestamp), now + graceSeconds * 1000) : now + graceSeconds * 1000;
    const containers = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
    for (const c of rec.containers) {
      const proc = c.process;
      const spec = containers.find((x) => x.name === c.name);
      if (!proc || !proc.running || !spec) {
        // A container that never started or is waiting to restart will not be started again.
        if (!('terminated' in c.state)) c.state = c.last ? { terminated: c.last } : c.state;
        continue;
      }
      // A container keeps its ready status until it stops (kubernetes#129552, documented in
      // pod-lifecycle): a deleted pod shows 1/1 Terminating during its grace period. Endpoints drop
      // it anyway, because it is terminating.
      c.stopping = true;
      ctx.recorder.normal(pod, 'Killing', `Stopping container ${c.name}`, fieldPathOf(c.name, c.init));
      const stopSignal = c.image!.definition.config.stopSignal;
      const preStop = spec.lifecycle?.preStop;
      const stop = (): void => {
        const remaining = Math.max(0, deadline - ctx.clock.now());
        void proc.stop(stopSignal, remaining);
      };
      if (preStop?.exec?.command) {
        // The preStop hook runs first and eats into the grace period; SIGKILL still comes at the deadline.
        let done = false;
        void execInContainer(proc, [...preStop.exec.command]).then(() => {
          if (!done) stop();
          done = true;
        });
        ctx.clock.at(deadline, () => {
          if (!done) {
            done = true;
            proc.signal('SIGKILL');
          }
        });
      } else if (preStop?.sleep) {
        ctx.clock.after(Math.min(preStop.sleep.seconds * 1000, Math.max(0, deadline - now)), stop);
      } else {
        stop();
      }
    }
  }
  return rec.containers.every((c) => !c.process || !c.process.running);
}

/** killAll SIGKILLs whatever still runs (a pod removed from the API without grace). */
export function killAll(rec: PodRecord): void {
  for (const c of rec.containers) {
    c.probeGeneration++;
    c.process?.signal('SIGKILL');
  }
}
