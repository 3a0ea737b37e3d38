/**
 * startContainer is the kubelet's per-container start path (kuberuntime_manager SyncPod →
 * startContainer): CrashLoopBackOff check, EnsureImageExists, env and mounts, CreateContainer
 * + StartContainer through the fake runtime, the Created/Started events, postStart, probes,
 * and the exit watch that brings the pod back to its worker.
 */
import type { Container, Pod } from '../../api/types.ts';
import type { Clock } from '../../sim/clock.ts';
import { normalizePath } from '../../../shell/paths.ts';
import { createRootFS } from '../images/rootfs.ts';
import { formatGoDuration } from '../images/pullEvents.ts';
import { execInContainer } from '../runtime/exec.ts';
import { MountedFS } from '../runtime/mountFS.ts';
import { internString } from '../runtime/intern.ts';
import type { ContainerProcess, ExitStatus, ExitWatcher } from '../runtime/process.ts';
import { NetworkCommandsSource, startProcess } from '../runtime/start.ts';
import type { ExecCommand } from '../runtime/types.ts';
import { Backoff } from './backoff.ts';
import { fieldPathOf, podDisplayName, type KubeletContext } from './context.ts';
import { containerEnvVars } from './env.ts';
import { hex } from './nodeObject.ts';
import type { ContainerRecord, PodRecord } from './podState.ts';
import { runProbe, startProbeWorker, type ProbeKind } from './probes.ts';
import { containerMounts } from './volumes.ts';
import { resolvConfFor, writePodFiles } from './podFiles.ts';
import { parseQuantity } from '../../api/quantity.ts';

/** crashBackoff is shared by the node's containers (the kubelet keeps one backOff per node). */
export type CrashBackoff = Backoff;

/** shouldRestart applies restartPolicy to a terminated container. */
export function shouldRestart(policy: string, exitCode: number): boolean {
  if (policy === 'Always') return true;
  if (policy === 'OnFailure') return exitCode !== 0;
  return false;
}

/** NO_LIMITS is every unlimited container's limits (kept by its process: one shared object). */
const NO_LIMITS: { cpuMilli?: number; memoryBytes?: number } = Object.freeze({});

function limitsOf(container: Container): { cpuMilli?: number; memoryBytes?: number } {
  const l = container.resources?.limits ?? {};
  if (l.cpu === undefined && l.memory === undefined) return NO_LIMITS;
  return {
    ...(l.cpu !== undefined ? { cpuMilli: parseQuantity(String(l.cpu)).milliValue() } : {}),
    ...(l.memory !== undefined ? { memoryBytes: parseQuantity(String(l.memory)).value() } : {}),
  };
}

/**
 * toolsFlavor says whose network tools an image ships: busybox/alpine (busybox applets, with
 * busybox 1.28 and older still on the libc nslookup the Kubernetes docs show) or Debian's.
 */
function toolsFlavor(reference: string): 'busybox' | 'busybox-1.28' | 'debian' {
  const legacy = /library\/busybox:1\.(\d+)/.exec(reference);
  if (legacy && Number(legacy[1]) <= 28) return 'busybox-1.28';
  return ['busybox', 'alpine'].some((n) => reference.includes(`library/${n}`)) ? 'busybox' : 'debian';
}

/**
 * startContainer tries to bring `c` to running. It returns false while it waits (pull,
 * back-off, config error); the pod is woken when there is something new to do.
 */
export function startContainer(ctx: KubeletContext, pod: Pod, rec: PodRecord, c: ContainerRecord, spec: Container, backoff: CrashBackoff): boolean {
  const now = ctx.clock.now();
  const fieldPath = fieldPathOf(c.name, c.init);
  const bkey = `${rec.uid}/${c.name}`;

  // CrashLoopBackOff: a container that ran before waits out its back-off from when it finished.
  const lastRun = 'terminated' in c.state ? c.state.terminated : c.last;
  if (c.everStarted && lastRun) {
    const remaining = backoff.remainingSince(bkey, lastRun.finishedAt, now);
    if (remaining > 0) {
      if ('terminated' in c.state) c.last = c.state.terminated;
      const delay = formatGoDuration(backoff.delay(bkey));
      const wasWaiting = 'waiting' in c.state && c.state.waiting.reason === 'CrashLoopBackOff';
      c.state = { waiting: { reason: 'CrashLoopBackOff', message: `back-off ${delay} restarting failed container=${c.name} pod=${podDisplayName(pod)}` } };
      if (!wasWaiting) ctx.recorder.warning(pod, 'BackOff', `Back-off restarting failed container ${c.name} in pod ${podDisplayName(pod)}`, fieldPath);
      ctx.wake(rec.key, now + remaining);
      return false;
    }
  }

  const img = ctx.images.ensure(pod, rec.key, bkey, spec.image ?? '', spec.imagePullPolicy ?? 'IfNotPresent', fieldPath);
  if (img.state === 'pulling') {
    // While it pulls again after a back-off the kubelet still reports the last sync's error (its
    // reasonCache), so the pod goes ErrImagePull ⇄ ImagePullBackOff, never back to ContainerCreating.
    const pullError = 'waiting' in c.state && (c.state.waiting.reason === 'ErrImagePull' || c.state.waiting.reason === 'ImagePullBackOff');
    if (!c.everStarted && !pullError) c.state = { waiting: { reason: 'ContainerCreating' } };
    return false;
  }
  if (img.state === 'error') {
    c.state = { waiting: { reason: img.reason, message: img.message } };
    return false;
  }
  c.image = img.image;

  const env = containerEnvVars(pod, spec, ctx.lookup);
  if (!env.ok) {
    c.state = { waiting: { reason: 'CreateContainerConfigError', message: env.message } };
    ctx.recorder.warning(pod, 'Failed', `Error: ${env.message}`, fieldPath);
    ctx.wake(rec.key, now + 10_000);
    return false;
  }

  ctx.images.taken(bkey);
  if (c.everStarted) {
    backoff.next(bkey, now);
    if ('terminated' in c.state) c.last = c.state.terminated;
    c.restartCount++;
  }
  c.everStarted = true;
  c.previousLog = c.log ?? c.previousLog;
  const mounts = containerMounts(spec.volumeMounts, rec.volumes ?? []);
  const rootfs = createRootFS(img.image, clockNow(ctx.clock), mounts.map((m) => m.path).filter(notUnderPodFile));
  const podIP = rec.podIP ?? '';
  const resolv = ctx.network?.resolvConf?.({ kind: 'pod', namespace: rec.namespace, podName: rec.name, podIP, nodeName: ctx.nodeName });
  // Interned: the pods of a namespace share one resolv.conf text.
  writePodFiles(rootfs, pod, podIP, internString(resolvConfFor(pod, ctx.clusterDomain, resolv)));
  const fs = new MountedFS(rootfs, mounts);
  const result = startProcess(
    {
      image: img.image,
      command: spec.command,
      args: spec.args,
      workingDir: spec.workingDir,
      env: env.env,
      fs,
      hostname: pod.spec?.hostname ?? pod.metadata!.name!,
      podIP: rec.podIP,
      limits: limitsOf(spec),
      tty: spec.tty,
      stdin: spec.stdin,
      networkCommands: new PodTools(ctx, rec, podIP, img.image.reference),
    },
    { clock: ctx.clock, shell: ctx.shell, cpus: ctx.cpus, seed: ctx.random.int(2 ** 31) },
  );
  const containerID = hex(() => ctx.random.next(), 64, 'containerd://');
  if (!result.ok) {
    const f = result.failure;
    ctx.recorder.warning(pod, 'Failed', `Error: ${f.message}`, fieldPath);
    if (f.reason === 'CreateContainerError') {
      c.state = { waiting: { reason: 'CreateContainerError', message: f.message } };
      ctx.wake(rec.key, now + 10_000);
    } else {
      ctx.recorder.normal(pod, 'Created', `Created container: ${c.name}`, fieldPath);
      c.containerID = containerID;
      c.state = { terminated: { exitCode: f.exitCode ?? 128, reason: 'StartError', message: f.message, startedAt: 0, finishedAt: now, containerID } };
      ctx.enqueue(rec.key);
    }
    return false;
  }
  const proc = result.process;
  c.process = proc;
  c.log = proc.log;
  c.containerID = containerID;
  c.state = { running: { startedAt: now } };
  c.ready = false;
  c.started = false;
  c.stopping = false;
  const generation = ++c.probeGeneration;
  ctx.network?.attach?.(podIP, rec.uid, c.name, proc);
  ctx.recorder.normal(pod, 'Created', `Created container: ${c.name}`, fieldPath);
  ctx.recorder.normal(pod, 'Started', `Started container ${c.name}`, fieldPath);

  watchExit(ctx, rec, c, proc, containerID);

  if (spec.lifecycle?.postStart?.exec?.command) {
    const argv = [...spec.lifecycle.postStart.exec.command];
    void execInContainer(proc, argv).then((r) => {
      const failed = !r.ok || r.result.exitCode !== 0;
      if (failed && instanceAlive(c, proc, generation)) {
        const msg = r.ok ? `command '${argv.join(' ')}' exited with ${r.result.exitCode}: ${r.result.stdout}${r.result.stderr}` : r.message;
        ctx.recorder.warning(pod, 'FailedPostStartHook', `Exec lifecycle hook (${JSON.stringify(argv).replace(/"/g, '').replace(/,/g, ' ')}) for Container "${c.name}" in Pod "${podDisplayName(pod)}" failed - error: ${msg}`, fieldPath);
        c.stopping = true;
        void proc.stop(img.image.definition.config.stopSignal, (pod.spec?.terminationGracePeriodSeconds ?? 30) * 1000);
      }
    });
  }

  if (spec.startupProbe || spec.livenessProbe || spec.readinessProbe) startProbes(ctx, pod, rec, c, spec, () => instanceAlive(c, proc, generation));
  if (!spec.startupProbe) c.started = true;
  if (!spec.readinessProbe && (!c.init || c.sidecar)) c.ready = true;
  return true;
}

/** POD_FILES are the files writePodFiles puts in every container's root before volumes are mounted. */
const POD_FILES = ['/etc/hosts', '/etc/hostname', '/etc/resolv.conf'];

/**
 * notUnderPodFile keeps a mount path out of the shared mount-point layer when it is (or is under)
 * a file the kubelet writes first: its directory must not exist before that write, so such a
 * mount behaves as before (MountedFS finds the file, or fails on it).
 */
function notUnderPodFile(path: string): boolean {
  const p = normalizePath(path);
  return !POD_FILES.some((f) => p === f || p.startsWith(f + '/'));
}

/** nowOf holds one `now` function per clock, shared by the filesystems of the node's containers. */
const nowOf = new WeakMap<Clock, () => number>();

/** clockNow is `() => clock.now()`, one per clock rather than one (and its scope) per container. */
function clockNow(clock: Clock): () => number {
  let now = nowOf.get(clock);
  if (!now) nowOf.set(clock, (now = () => clock.now()));
  return now;
}

/**
 * watchExit brings the pod back to its worker when the instance exits. A function of its own:
 * the watch lives as long as the container, and a closure keeps its whole enclosing scope.
 */
function watchExit(ctx: KubeletContext, rec: PodRecord, c: ContainerRecord, proc: ContainerProcess, containerID: string): void {
  proc.onExit(new ExitWatch(ctx, rec, c, proc, containerID));
}

/** ExitWatch records a container instance's exit in its record (an object, not a closure: see ExitWatcher). */
class ExitWatch implements ExitWatcher {
  constructor(
    private readonly ctx: KubeletContext,
    private readonly rec: PodRecord,
    private readonly c: ContainerRecord,
    private readonly proc: ContainerProcess,
    private readonly containerID: string,
  ) {}

  exited(s: ExitStatus): void {
    const { ctx, rec, c } = this;
    if (c.process !== this.proc) return;
    // NOTE: containerd's CRI never reports `signal`; a killed process shows only exit code 128+n.
    c.state = {
      terminated: {
        exitCode: s.exitCode,
        reason: s.reason,
        startedAt: s.startedAt,
        finishedAt: s.finishedAt,
        containerID: this.containerID,
      },
    };
    c.process = undefined;
    ctx.network?.detach?.(rec.uid, c.name);
    c.ready = false;
    c.started = false;
    c.stopping = false;
    ctx.enqueue(rec.key);
  }
}

/**
 * PodTools builds the pod's network clients for its container when it first execs or runs a
 * script (an idle container holds none): its four inputs, not startContainer's whole scope.
 */
class PodTools extends NetworkCommandsSource {
  constructor(
    private readonly ctx: KubeletContext,
    private readonly rec: PodRecord,
    private readonly podIP: string,
    private readonly reference: string,
  ) {
    super();
  }

  build(): Record<string, ExecCommand> | undefined {
    const { ctx, rec } = this;
    return ctx.podTools?.({ namespace: rec.namespace, podName: rec.name, podIP: this.podIP, nodeName: ctx.nodeName }, toolsFlavor(this.reference));
  }
}

/** instanceAlive says whether `proc` is still the container's running instance of probe generation `generation`. */
function instanceAlive(c: ContainerRecord, proc: ContainerProcess, generation: number): boolean {
  return c.process === proc && proc.running && c.probeGeneration === generation;
}

function startProbes(ctx: KubeletContext, pod: Pod, rec: PodRecord, c: ContainerRecord, spec: Container, alive: () => boolean): void {
  const fieldPath = fieldPathOf(c.name, c.init);
  const label: Record<ProbeKind, string> = { liveness: 'Liveness', readiness: 'Readiness', startup: 'Startup' };
  const kinds: [ProbeKind, typeof spec.livenessProbe][] = [
    ['startup', spec.startupProbe],
    ['liveness', spec.livenessProbe],
    ['readiness', spec.readinessProbe],
  ];
  for (const [kind, probe] of kinds) {
    if (!probe) continue;
    startProbeWorker(
      ctx.clock,
      probe,
      () => (c.process ? runProbe(probe, spec, c.process, rec.podIP ?? '', ctx.nodeIP) : { ok: false, message: '' }),
      kind === 'liveness',
      {
        alive: () => alive() && !c.stopping,
        gated: () => kind !== 'startup' && !c.started,
        failed: (message) => ctx.recorder.warning(pod, 'Unhealthy', `${label[kind]} probe failed: ${message}`, fieldPath),
        result: (ok) => {
          if (kind === 'readiness') {
            if (c.ready !== ok) {
              c.ready = ok;
              ctx.enqueue(rec.key);
            }
            return;
          }
          if (kind === 'startup' && ok) {
            c.started = true;
            if (!spec.readinessProbe) c.ready = true;
            ctx.enqueue(rec.key);
            return;
          }
          if (!ok && c.process) {
            // pkg/kubelet/kuberuntime: "Container %s failed %s probe, will be restarted".
            ctx.recorder.normal(pod, 'Killing', `Container ${c.name} failed ${kind} probe, will be restarted`, fieldPath);
            c.stopping = true;
            c.ready = false;
            ctx.enqueue(rec.key);
            void c.process.stop(c.image!.definition.config.stopSignal, (pod.spec?.terminationGracePeriodSeconds ?? 30) * 1000);
          }
        },
      },
    );
  }
}
