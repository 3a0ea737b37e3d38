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
import { Random } from '../../sim/random.ts';
import { ProcessAbort } from './abort.ts';
import { ContainerLog } from './containerLog.ts';
import { shellDialectFor, type ShellRunner } from './shellRunner.ts';
import type {
  AbortLike, ExecCommand, Handler, LogStream, ProcessContext, Program, Protocol, Request, Response, Signal, Usage, VirtualFS,
} from './types.ts';
import { SIGNAL_NUMBERS } from './types.ts';

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
  argv: string[];
  env: Map<string, string>;
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
  commands: Record<string, ExecCommand>;
  /** shells are the shell names on the image's PATH. */
  shells: string[];
}

interface Listener {
  protocol: Protocol;
  handler: Handler;
}

/** ContainerProcess is a live (or finished) container main process. */
export class ContainerProcess {
  /** log is the container's output, read by `kubectl logs`. */
  readonly log: ContainerLog;
  /** startedAt is the virtual time the process started. */
  readonly startedAt: number;
  private status: ExitStatus | undefined;
  private readonly listeners = new Map<number, Listener>();
  private readonly signalHandlers = new Map<Signal, (s: Signal) => void>();
  private readonly timers = new Set<TimerHandle>();
  private readonly exitWatchers: ((s: ExitStatus) => void)[] = [];
  private readonly abort = new ProcessAbort();
  private current: Usage = { cpuMilli: 0, memoryBytes: 0 };
  /** served holds the arrival times of recent network requests (within REQUEST_WINDOW_MS). */
  private served: number[] = [];
  private requestCostMs = DEFAULT_REQUEST_CPU_MS;
  private readonly ctx: ProcessContext;

  constructor(private readonly opts: ProcessOptions) {
    this.startedAt = opts.clock.now();
    this.log = new ContainerLog(() => opts.clock.now());
    this.ctx = this.makeContext();
  }

  /** run starts the program; it must be called once, right after construction. */
  run(): void {
    let result: Promise<number>;
    try {
      result = this.opts.program(this.ctx);
    } catch (err) {
      result = Promise.reject(err);
    }
    result.then(
      (code) => this.finish(code, code === 0 ? 'Completed' : 'Error'),
      (err: unknown) => {
        // A program bug: show it the way a crashing process would, then exit 1.
        this.ctx.log(err instanceof Error ? (err.stack ?? err.message) : String(err), 'stderr');
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

  /** env is the process environment (what `kubectl exec -- env` prints). */
  get image(): { reference: string; version: string; variant: string } {
    return this.opts.image;
  }

  /** env is the container's environment. */
  get env(): ReadonlyMap<string, string> {
    return this.opts.env;
  }

  /** fs is the container's filesystem view. */
  get fs(): VirtualFS {
    return this.opts.fs;
  }

  /**
   * usage is the current resource usage: what the program reports plus the CPU its recent
   * requests cost (averaged over the last 10 s), clamped to the limit as CFS throttling does.
   */
  usage(): Usage {
    this.pruneServed();
    if (this.served.length === 0 || this.requestCostMs === 0) return { ...this.current };
    const serving = (this.served.length * this.requestCostMs * 1000) / REQUEST_WINDOW_MS;
    const cpu = this.current.cpuMilli + serving;
    const limit = this.opts.limits.cpuMilli;
    return { cpuMilli: limit !== undefined ? Math.min(cpu, limit) : cpu, memoryBytes: this.current.memoryBytes };
  }

  private pruneServed(): void {
    const since = this.opts.clock.now() - REQUEST_WINDOW_MS;
    let i = 0;
    while (i < this.served.length && this.served[i] <= since) i++;
    if (i > 0) this.served.splice(0, i);
  }

  /** onExit calls fn when the process exits (immediately if it already has). */
  onExit(fn: (s: ExitStatus) => void): void {
    if (this.status) fn(this.status);
    else this.exitWatchers.push(fn);
  }

  /** ports lists listening ports with their protocol. */
  ports(): { port: number; protocol: Protocol }[] {
    return [...this.listeners].map(([port, l]) => ({ port, protocol: l.protocol })).sort((a, b) => a.port - b.port);
  }

  /** accepts says whether a TCP connect to `port` would succeed (tcpSocket probes, `nc -z`). */
  accepts(port: number): boolean {
    const l = this.listeners.get(port);
    return this.running && !!l && l.protocol !== 'UDP';
  }

  /**
   * requestNow is request without the forced await: it returns the handler's answer as it
   * comes (a plain Response from synchronous handlers), so callers driven by the synchronous
   * simulation loop (kubelet probes) see the result in the same instant.
   */
  requestNow(port: number, req: Request): Response | Promise<Response> | undefined {
    const l = this.listeners.get(port);
    if (!this.running || !l) return undefined;
    return l.handler(req);
  }

  /** request delivers a request to a port; undefined means connection refused. Each one costs CPU (see usage). */
  async request(port: number, req: Request): Promise<Response | undefined> {
    const l = this.listeners.get(port);
    if (!this.running || !l) return undefined;
    if (this.requestCostMs > 0) {
      this.served.push(this.opts.clock.now());
      // Bound the memory of a hot loop: older entries fall out of the window anyway.
      if (this.served.length > MAX_SERVED) this.pruneServed();
    }
    return l.handler(req);
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
    this.signalHandlers.get(sig)?.(sig);
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
      if (this.running) this.timer(gracePeriodMs, () => this.signal('SIGKILL'));
    });
  }

  /** shell is the runner scripts use in this container (undefined for shell-less images). */
  get shellRunner(): ShellRunner | undefined {
    return this.opts.shell;
  }

  /** commands are the image's extra executables for exec. */
  get commands(): Record<string, ExecCommand> {
    return this.opts.commands;
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
    return this.ctx.sleep(ms);
  }

  /** hostname is the container's hostname. */
  get hostname(): string {
    return this.opts.hostname;
  }

  /** finish ends the process with a code and reason (exit, SIGKILL, OOM); only the first call counts. */
  private finish(exitCode: number, reason: TerminationReason, signal?: Signal): void {
    if (this.status) return;
    this.log.flush();
    this.status = { exitCode, reason, signal, startedAt: this.startedAt, finishedAt: this.opts.clock.now() };
    for (const t of this.timers) this.opts.clock.cancel(t);
    this.timers.clear();
    this.listeners.clear();
    this.current = { cpuMilli: 0, memoryBytes: 0 };
    this.abort.abort();
    for (const fn of this.exitWatchers.splice(0)) fn(this.status);
  }

  private timer(ms: number, fn: () => void): void {
    const handle = this.opts.clock.after(ms, () => {
      this.timers.delete(handle);
      if (this.running) fn();
    });
    this.timers.add(handle);
  }

  private makeContext(): ProcessContext {
    const o = this.opts;
    const self = this;
    const alive = (): boolean => self.running;
    return {
      argv: o.argv,
      env: o.env,
      fs: o.fs,
      cwd: o.cwd,
      hostname: o.hostname,
      podIP: o.podIP,
      cpus: o.cpus,
      image: o.image,
      tty: o.tty,
      stdin: o.stdin,
      random: new Random(o.seed),
      aborted: this.abort,
      now: () => o.clock.now(),
      write(text: string, stream: LogStream = 'stdout') {
        if (alive()) self.log.write(text, stream);
      },
      log(line: string, stream: LogStream = 'stdout') {
        if (alive()) self.log.write(line + '\n', stream);
      },
      listen(port: number, protocol: Protocol, handler: Handler) {
        if (!alive()) return;
        if (self.listeners.has(port)) throw new Error(`listen tcp :${port}: bind: address already in use`);
        self.listeners.set(port, { protocol, handler });
      },
      unlisten(port: number) {
        self.listeners.delete(port);
      },
      exit(code: number) {
        self.finish(code, code === 0 ? 'Completed' : 'Error');
      },
      onSignal(signal: Signal, fn: (s: Signal) => void) {
        self.signalHandlers.set(signal, fn);
      },
      sleep(ms: number) {
        return new Promise<void>((resolve) => self.timer(ms, resolve));
      },
      after(ms: number, fn: () => void) {
        self.timer(ms, fn);
      },
      every(ms: number, fn: () => void) {
        const tick = (): void => {
          fn();
          self.timer(ms, tick);
        };
        self.timer(ms, tick);
      },
      setRequestCost(cpuMs: number) {
        self.requestCostMs = Math.max(0, cpuMs);
      },
      setUsage(u: Partial<Usage>) {
        if (!alive()) return;
        const cpu = u.cpuMilli ?? self.current.cpuMilli;
        const mem = u.memoryBytes ?? self.current.memoryBytes;
        self.current = { cpuMilli: o.limits.cpuMilli !== undefined ? Math.min(cpu, o.limits.cpuMilli) : cpu, memoryBytes: mem };
        if (o.limits.memoryBytes !== undefined && mem > o.limits.memoryBytes) {
          self.finish(128 + SIGNAL_NUMBERS.SIGKILL, 'OOMKilled', 'SIGKILL');
        }
      },
      sh(script: string, args: string[] = []) {
        if (!o.shell) return Promise.resolve(127);
        return o.shell.run({
          script,
          positional: args,
          env: new Map(o.env),
          cwd: o.cwd,
          fs: o.fs,
          hostname: o.hostname,
          stdin: '',
          stdout: (t) => self.ctx.write(t, 'stdout'),
          stderr: (t) => self.ctx.write(t, 'stderr'),
          sleep: (ms) => self.ctx.sleep(ms),
          aborted: self.abort,
          commands: o.commands,
          dialect: shellDialectFor(o.image.reference, o.argv[0] ?? ''),
        });
      },
      forever() {
        return new Promise<never>(() => {});
      },
    };
  }
}
