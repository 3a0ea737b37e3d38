/**
 * ContainerProcess is one running container's PID 1: it owns the ProcessContext an image's
 * program sees, the container log, the listening ports, signal delivery and resource usage.
 *
 * Linux rules we keep: PID 1 ignores signals it has no handler for (so `sleep 3600` survives
 * SIGTERM and dies only to SIGKILL after the grace period, exit 137); a killed process exits
 * 128 + signal number; memory over the cgroup limit is an OOM kill (137, reason OOMKilled).
 * Reasons follow containerd's CRI: 0 ⇒ Completed, OOM ⇒ OOMKilled, anything else ⇒ Error.
 */
import type { Clock, TimerHandle } from '../../sim/clock.ts';
import { ProcessAbort } from './abort.ts';
import { ContainerLog } from './containerLog.ts';
import { ContainerContext } from './processContext.ts';
import type { ShellRunner } from './shellRunner.ts';
import type { AbortLike, ExecCommand, Handler, Program, Protocol, Request, Response, Signal, SignalHandler, Usage, VirtualFS } from './types.ts';
import { SIGNAL_NUMBERS } from './types.ts';
import { notifyExit, type ExitStatus, type OnExit, type TerminationReason } from './exitStatus.ts';

export type { ExitStatus, ExitWatcher, TerminationReason } from './exitStatus.ts';

/**
 * DEFAULT_REQUEST_CPU_MS is the CPU a network request costs a server that does not say
 * otherwise (a static nginx answer: ~0.2 ms), so a `wget` loop shows in `kubectl top`.
 */
export const DEFAULT_REQUEST_CPU_MS = 0.2;
/** REQUEST_WINDOW_MS is how long a request counts towards CPU usage (the rate is averaged over it). */
export const REQUEST_WINDOW_MS = 10_000;
const MAX_SERVED = 100_000;

/** ProcessOptions is everything a process is built from (see startProcess for the checks before it). */
export interface ProcessOptions {
  program: Program;
  argv: readonly string[];
  env: ReadonlyMap<string, string>;
  fs: VirtualFS;
  cwd: string;
  hostname: string;
  podIP: string;
  cpus: number;
  image: { reference: string; version: string; variant: string };
  tty: boolean;
  stdin: boolean;
  limits: { cpuMilli?: number; memoryBytes?: number };
  clock: Clock;
  seed: number;
  shell?: ShellRunner;
  /** commands builds the image's extra executables on first use (and returns the same object after). */
  commands: { get(): Record<string, ExecCommand> };
  /** shells are the shell names on the image's PATH. */
  shells: string[];
}

/** Listener is one listening port (a container rarely has more than one: a short array). */
interface Listener {
  port: number;
  protocol: Protocol;
  handler: Handler;
}

/**
 * ContainerProcess is a live (or finished) container main process.
 *
 * An idle container is plain data: its options, its log, its listeners and signal handlers.
 * Everything only some processes need (timers, exit watchers, recent requests, signal
 * handlers, listeners) is created on first use, and the context the program sees is one
 * small object with prototype methods (processContext.ts). See README.md, "Heap".
 */
export class ContainerProcess {
  /** log is the container's output, read by `kubectl logs`. */
  readonly log: ContainerLog;
  /** startedAt is the virtual time the process started. */
  readonly startedAt: number;
  private status: ExitStatus | undefined;
  private listeners: Listener[] | undefined;
  private signalHandlers: Partial<Record<Signal, ((s: Signal) => void) | SignalHandler>> | undefined;
  private timers: Set<TimerHandle> | undefined;
  /** exitWatchers is the one watcher most processes have (the kubelet's) as is, or several in an array. */
  private exitWatchers: OnExit | OnExit[] | undefined;
  private readonly abort = new ProcessAbort();
  private cpuMilli = 0;
  private memoryBytes = 0;
  /** served holds the arrival times of recent network requests (within REQUEST_WINDOW_MS). */
  private served: number[] | undefined;
  private requestCostMs = DEFAULT_REQUEST_CPU_MS;

  constructor(private readonly opts: ProcessOptions) {
    this.startedAt = opts.clock.now();
    this.log = new ContainerLog(opts.clock);
  }

  /** run starts the program; it must be called once, right after construction. */
  run(): void {
    const ctx = new ContainerContext(this, this.opts.seed);
    let result: Promise<number>;
    try {
      result = this.opts.program(ctx);
    } catch (err) {
      result = Promise.reject(err);
    }
    // The program has written its start-up lines; most servers now wait for requests or signals.
    this.log.compact();
    result.then(
      (code) => this.exit(code),
      (err: unknown) => {
        // A program bug: show it the way a crashing process would, then exit 1.
        ctx.log(err instanceof Error ? (err.stack ?? err.message) : String(err), 'stderr');
        this.finish(1, 'Error');
      },
    );
  }

  /** running is true until the process exits. */
  get running(): boolean {
    return this.status === undefined;
  }

  /** exitStatus is set once the process has exited. */
  get exitStatus(): ExitStatus | undefined {
    return this.status;
  }

  /** argv is PID 1's command line. */
  get argv(): readonly string[] {
    return this.opts.argv;
  }

  /** image is the image reference, version and variant the process runs. */
  get image(): { reference: string; version: string; variant: string } {
    return this.opts.image;
  }

  /** env is the container's environment (what `kubectl exec -- env` prints). */
  get env(): ReadonlyMap<string, string> {
    return this.opts.env;
  }

  /** fs is the container's filesystem view. */
  get fs(): VirtualFS {
    return this.opts.fs;
  }

  /** podIP is the pod's IP. */
  get podIP(): string {
    return this.opts.podIP;
  }

  /** cpus is the node's CPU count. */
  get cpus(): number {
    return this.opts.cpus;
  }

  /** tty mirrors the container's `tty` field. */
  get tty(): boolean {
    return this.opts.tty;
  }

  /** stdin mirrors the container's `stdin` field. */
  get stdin(): boolean {
    return this.opts.stdin;
  }

  /** now is the virtual time. */
  now(): number {
    return this.opts.clock.now();
  }

  /**
   * usage is the current resource usage: what the program reports plus the CPU its recent
   * requests cost (averaged over the last 10 s), clamped to the limit as CFS throttling does.
   */
  usage(): Usage {
    this.pruneServed();
    const served = this.served?.length ?? 0;
    if (served === 0 || this.requestCostMs === 0) return { cpuMilli: this.cpuMilli, memoryBytes: this.memoryBytes };
    const serving = (served * this.requestCostMs * 1000) / REQUEST_WINDOW_MS;
    const cpu = this.cpuMilli + serving;
    const limit = this.opts.limits.cpuMilli;
    return { cpuMilli: limit !== undefined ? Math.min(cpu, limit) : cpu, memoryBytes: this.memoryBytes };
  }

  private pruneServed(): void {
    const served = this.served;
    if (!served) return;
    const since = this.opts.clock.now() - REQUEST_WINDOW_MS;
    let i = 0;
    while (i < served.length && served[i] <= since) i++;
    if (i > 0) served.splice(0, i);
  }

  /** onExit calls fn (or fn.exited) when the process exits (immediately if it already has). */
  onExit(fn: OnExit): void {
    const w = this.exitWatchers;
    if (this.status) notifyExit(fn, this.status);
    // No array for the usual single watcher; literal arrays are allocated at their length (a push onto [] reserves 17 slots).
    else if (w === undefined) this.exitWatchers = fn;
    else if (Array.isArray(w)) w.push(fn);
    else this.exitWatchers = [w, fn];
  }

  /** ports lists listening ports with their protocol. */
  ports(): { port: number; protocol: Protocol }[] {
    return (this.listeners ?? []).map((l) => ({ port: l.port, protocol: l.protocol })).sort((a, b) => a.port - b.port);
  }

  private listener(port: number): Listener | undefined {
    const all = this.listeners;
    if (!all) return undefined;
    for (const l of all) if (l.port === port) return l;
    return undefined;
  }

  /** accepts says whether a TCP connect to `port` would succeed (tcpSocket probes, `nc -z`). */
  accepts(port: number): boolean {
    const l = this.listener(port);
    return this.running && !!l && l.protocol !== 'UDP';
  }

  /**
   * requestNow is request without the forced await: it returns the handler's answer as it
   * comes (a plain Response from synchronous handlers), so callers driven by the synchronous
   * simulation loop (kubelet probes) see the result in the same instant.
   */
  requestNow(port: number, req: Request): Response | Promise<Response> | undefined {
    const l = this.listener(port);
    if (!this.running || !l) return undefined;
    const h = l.handler;
    return typeof h === 'function' ? h(req) : h.handle(req);
  }

  /** request delivers a request to a port; undefined means connection refused. Each one costs CPU (see usage). */
  async request(port: number, req: Request): Promise<Response | undefined> {
    const l = this.listener(port);
    if (!this.running || !l) return undefined;
    if (this.requestCostMs > 0) {
      const served = (this.served ??= []);
      served.push(this.opts.clock.now());
      // Bound the memory of a hot loop: older entries fall out of the window anyway.
      if (served.length > MAX_SERVED) this.pruneServed();
    }
    const h = l.handler;
    return typeof h === 'function' ? h(req) : h.handle(req);
  }

  /**
   * signal delivers a signal. SIGKILL always kills; others go to the program's handler,
   * and without one PID 1 ignores them (the kernel does not apply default actions to init).
   */
  signal(sig: Signal): void {
    if (!this.running) return;
    if (sig === 'SIGKILL') {
      this.finish(128 + SIGNAL_NUMBERS.SIGKILL, 'Error', 'SIGKILL');
      return;
    }
    const h = this.signalHandlers?.[sig];
    if (typeof h === 'function') h(sig);
    else h?.onSignal(sig);
  }

  /**
   * stop is CRI StopContainer: send `stopSignal`, then SIGKILL if still running after
   * `gracePeriodMs`. Resolves with the exit status.
   */
  stop(stopSignal: Signal, gracePeriodMs: number): Promise<ExitStatus> {
    return new Promise((resolve) => {
      this.onExit(resolve);
      if (!this.running) return;
      this.signal(stopSignal);
      if (this.running) this.after(gracePeriodMs, () => this.signal('SIGKILL'));
    });
  }

  /** shellRunner is the runner scripts use in this container (undefined for shell-less images). */
  get shellRunner(): ShellRunner | undefined {
    return this.opts.shell;
  }

  /** commands are the image's extra executables for exec. */
  get commands(): Record<string, ExecCommand> {
    return this.opts.commands.get();
  }

  /** cwd is the working directory. */
  get cwd(): string {
    return this.opts.cwd;
  }

  /** shells are the shell names on the image's PATH (`sh`, `bash`). */
  get shells(): readonly string[] {
    return this.opts.shells;
  }

  /** aborted fires when the process dies (exec'd commands die with their container). */
  get aborted(): AbortLike {
    return this.abort;
  }

  /** sleep waits virtual time; it never resolves if the process dies first. */
  sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => this.after(ms, resolve));
  }

  /** hostname is the container's hostname. */
  get hostname(): string {
    return this.opts.hostname;
  }

  // What the program does through its context (ContainerContext delegates here).

  /** listen starts accepting on a port (ProcessContext.listen); nothing once the process died. */
  listen(port: number, protocol: Protocol, handler: Handler): void {
    if (!this.running) return;
    if (this.listener(port)) throw new Error(`listen tcp :${port}: bind: address already in use`);
    const l: Listener = { port, protocol, handler };
    if (this.listeners) this.listeners.push(l);
    else this.listeners = [l];
  }

  /** unlisten closes a port (ProcessContext.unlisten). */
  unlisten(port: number): void {
    const i = this.listeners?.findIndex((l) => l.port === port) ?? -1;
    if (i >= 0) this.listeners!.splice(i, 1);
  }

  /** onSignal installs a signal handler (ProcessContext.onSignal). */
  onSignal(signal: Signal, fn: ((s: Signal) => void) | SignalHandler): void {
    (this.signalHandlers ??= {})[signal] = fn;
  }

  /** exit ends the process with a code (ProcessContext.exit): 0 is Completed, else Error. */
  exit(code: number): void {
    this.finish(code, code === 0 ? 'Completed' : 'Error');
  }

  /** after runs fn after `ms` of virtual time unless the process has died first. */
  after(ms: number, fn: () => void): void {
    const timers = (this.timers ??= new Set());
    const handle = this.opts.clock.after(ms, () => {
      timers.delete(handle);
      if (this.running) fn();
    });
    timers.add(handle);
  }

  /** setRequestCost sets the CPU milliseconds each network request costs (ProcessContext.setRequestCost). */
  setRequestCost(cpuMs: number): void {
    this.requestCostMs = Math.max(0, cpuMs);
  }

  /** setUsage records reported usage (ProcessContext.setUsage); memory over the limit is an OOM kill. */
  setUsage(u: Partial<Usage>): void {
    if (!this.running) return;
    const limits = this.opts.limits;
    const cpu = u.cpuMilli ?? this.cpuMilli;
    const mem = u.memoryBytes ?? this.memoryBytes;
    this.cpuMilli = limits.cpuMilli !== undefined ? Math.min(cpu, limits.cpuMilli) : cpu;
    this.memoryBytes = mem;
    if (limits.memoryBytes !== undefined && mem > limits.memoryBytes) {
      this.finish(128 + SIGNAL_NUMBERS.SIGKILL, 'OOMKilled', 'SIGKILL');
    }
  }

  /** finish ends the process with a code and reason (exit, SIGKILL, OOM); only the first call counts. */
  private finish(exitCode: number, reason: TerminationReason, signal?: Signal): void {
    if (this.status) return;
    this.log.flush();
    this.status = { exitCode, reason, signal, startedAt: this.startedAt, finishedAt: this.opts.clock.now() };
    if (this.timers) for (const t of this.timers) this.opts.clock.cancel(t);
    this.timers = undefined;
    this.listeners = undefined;
    this.cpuMilli = 0;
    this.memoryBytes = 0;
    this.abort.abort();
    const watchers = this.exitWatchers;
    this.exitWatchers = undefined;
    if (Array.isArray(watchers)) for (const fn of watchers) notifyExit(fn, this.status);
    else if (watchers) notifyExit(watchers, this.status);
  }
}
