/**
 * The process contract of the fake container runtime: what an image's program receives
 * (ProcessContext) and what it is (Program). See README.md for the life of a process.
 */
import type { Command, VirtualFS } from '../../../shell/types.ts';
import type { Random } from '../../sim/random.ts';

export type { VirtualFS };

/** LogStream is the stream a log line was written to, as in the CRI log format. */
export type LogStream = 'stdout' | 'stderr';

/**
 * Signal is the set of signals the simulation delivers. SIGQUIT, SIGWINCH and SIGINT exist
 * because images choose them as STOPSIGNAL (nginx: SIGQUIT, httpd: SIGWINCH).
 */
export type Signal = 'SIGTERM' | 'SIGKILL' | 'SIGQUIT' | 'SIGINT' | 'SIGWINCH' | 'SIGHUP';

/** SIGNAL_NUMBERS maps signals to their Linux numbers (exit code of a killed process is 128 + n). */
export const SIGNAL_NUMBERS: Record<Signal, number> = {
  SIGHUP: 1,
  SIGINT: 2,
  SIGQUIT: 3,
  SIGKILL: 9,
  SIGTERM: 15,
  SIGWINCH: 28,
};

/** Protocol is how a listener is reached; HTTP listeners also accept TCP connects (probes). */
export type Protocol = 'TCP' | 'UDP' | 'HTTP';

/** Request is one request to a listener. For raw TCP/UDP, method and path are '' and body is the payload. */
export interface Request {
  method: string;
  path: string;
  /** Header names lower-cased. */
  headers: Record<string, string>;
  body: string;
  /** The client's IP (a pod IP, a node IP for kubelet probes). */
  fromIP: string;
  /** The client's port (deterministic, chosen by the network layer). */
  fromPort?: number;
}

/** Response is a listener's answer. For raw TCP, status is 0 and body is what the server wrote back. */
export interface Response {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Handler answers one request on a listener: a function, or a RequestHandler object (a server
 * every replica runs keeps its state in one small object rather than a closure and its context).
 */
export type Handler = ((req: Request) => Response | Promise<Response>) | RequestHandler;

/** RequestHandler is a Handler as an object. */
export interface RequestHandler {
  /** handle answers one request. */
  handle(req: Request): Response | Promise<Response>;
}

/** SignalHandler is a signal handler as an object (see RequestHandler). */
export interface SignalHandler {
  /** onSignal handles one delivered signal. */
  onSignal(signal: Signal): void;
}

/** Usage is what a process reports for metrics and limit enforcement. */
export interface Usage {
  /** cpuMilli is CPU in millicores (1000 = one core). */
  cpuMilli: number;
  /** memoryBytes is the working set. */
  memoryBytes: number;
}

/** ExecResult is what an exec'd command produced: its exit code and collected output. */
export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** AbortLike mirrors the shell's ShellSignal (an AbortSignal subset) so scripts stop when their process dies. */
export interface AbortLike {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

/**
 * ProcessContext is everything a container's main process (PID 1) can see and do.
 * Time only moves through the injected Clock; there is no wall clock here.
 */
export interface ProcessContext {
  /** argv is the resolved command line (ENTRYPOINT/CMD combined with command/args). */
  readonly argv: readonly string[];
  /** env is the final environment (image ENV, then the container's env as resolved by the kubelet). */
  readonly env: ReadonlyMap<string, string>;
  /** fs is the container's root filesystem with its volumes mounted. */
  readonly fs: VirtualFS;
  /** cwd is WORKDIR (or the container's workingDir). */
  readonly cwd: string;
  /** hostname is the pod's hostname (the pod name unless spec.hostname says otherwise). */
  readonly hostname: string;
  /** podIP is the pod's IP; servers log it. */
  readonly podIP: string;
  /** cpus is what `nproc` would say: the node's CPU count. */
  readonly cpus: number;
  /** image tells the program which image and version it is running as. */
  readonly image: { reference: string; version: string; variant: string };
  /** tty and stdin mirror the container's `tty` and `stdin` fields. */
  readonly tty: boolean;
  readonly stdin: boolean;
  /** random is a seeded PRNG private to this process. */
  readonly random: Random;
  /** aborted fires when the process dies, so long-running work (shell scripts) can stop. */
  readonly aborted: AbortLike;

  /** now is the virtual time in milliseconds since the epoch. */
  now(): number;
  /** log writes text to stdout or stderr; complete lines become container log entries stamped with the clock. */
  write(text: string, stream?: LogStream): void;
  /** log writes one line (a newline is added). */
  log(line: string, stream?: LogStream): void;
  /** listen starts accepting connections on a port; a second listen on the same port throws EADDRINUSE. */
  listen(port: number, protocol: Protocol, handler: Handler): void;
  /** unlisten closes a port. */
  unlisten(port: number): void;
  /** exit ends the process now with a code; nothing runs after it. */
  exit(code: number): void;
  /** onSignal installs a handler; without one, SIGTERM/SIGINT/SIGQUIT are ignored by PID 1 (as on Linux). */
  onSignal(signal: Signal, fn: ((signal: Signal) => void) | SignalHandler): void;
  /** sleep resolves after `ms` of virtual time; it never resolves if the process dies first. */
  sleep(ms: number): Promise<void>;
  /** after runs fn after `ms` of virtual time unless the process has died. */
  after(ms: number, fn: () => void): void;
  /** every runs fn every `ms` until the process dies. */
  every(ms: number, fn: () => void): void;
  /**
   * setRequestCost sets the CPU milliseconds each network request costs (default 0.2 ms); the
   * runtime adds the recent requests' cost to the reported CPU. 0 turns it off.
   */
  setRequestCost(cpuMs: number): void;
  /** setUsage reports resource use; memory above the limit gets the process OOM-killed (exit 137). */
  setUsage(usage: Partial<Usage>): void;
  /** sh runs a script with the image's shell (args[0] is $0), output going to the container log; resolves to its status. */
  sh(script: string, args?: string[]): Promise<number>;
  /** forever is what a server's main returns: a promise that never settles (the process ends via exit). */
  forever(): Promise<never>;
}

/**
 * Program is an image's behaviour: the code PID 1 runs. It resolves to its exit code;
 * servers return `ctx.forever()` and exit from a signal handler.
 */
export type Program = (ctx: ProcessContext) => Promise<number>;

/**
 * ExecCommand is an extra executable an image puts on PATH (e.g. `redis-cli`, `nginx -v`). It is a
 * shell Command, registered into the shell for `kubectl exec` and for the image's own scripts.
 */
export type ExecCommand = Command;
