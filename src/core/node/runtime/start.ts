/**
 * startProcess is CRI CreateContainer + StartContainer for the fake runtime: it builds argv
 * and the environment, finds the executable, and starts PID 1. Failures come back as the
 * waiting/terminated reasons the kubelet reports:
 * - `CreateContainerError` when argv is empty ("no command specified");
 * - `StartError` (exit 128) when argv[0] is not on PATH, with runc's message.
 */
import type { Clock } from '../../sim/clock.ts';
import type { ResolvedImage } from '../images/catalog.ts';
import { containerArgv } from './argv.ts';
import { internArgv } from './intern.ts';
import { containerEnv } from './environment.ts';
import { ContainerProcess } from './process.ts';
import { commandProgram, plainSleepMs, shellProgram, sleepProgram } from './shellPrograms.ts';
import type { ShellRunner } from './shellRunner.ts';
import { EnvVars } from './envVars.ts';
import type { ExecCommand, Program, VirtualFS } from './types.ts';

/** ContainerSpec is what the kubelet hands over for one container (env already resolved). */
export interface ContainerSpec {
  image: ResolvedImage;
  command?: string[];
  args?: string[];
  workingDir?: string;
  /** env is the container's resolved env (env + envFrom + service links), in kubelet order. */
  env?: [string, string][];
  /** fs is the container's filesystem, typically a MountedFS over a fresh rootfs (see rootfs.ts). */
  fs: VirtualFS;
  hostname: string;
  podIP?: string;
  limits?: { cpuMilli?: number; memoryBytes?: number };
  tty?: boolean;
  stdin?: boolean;
  /**
   * networkCommands are the pod's network clients (curl, wget, nslookup) bound to its network
   * namespace; only those the image really ships are put on its PATH (see imageNetworkTools).
   * A function (or a NetworkCommandsSource) is called only when the container first needs them
   * (exec, a script, or PID 1 being one of them), so an idle container holds no clients.
   */
  networkCommands?: Record<string, ExecCommand> | (() => Record<string, ExecCommand> | undefined) | NetworkCommandsSource;
}

/**
 * NetworkCommandsSource builds a container's network clients when first needed, as an object:
 * the kubelet gives every container one, and a small object holding its inputs costs about
 * half of a closure with its context.
 */
export abstract class NetworkCommandsSource {
  /** build returns the clients (or undefined when the pod has no network tools). */
  abstract build(): Record<string, ExecCommand> | undefined;
}

/**
 * imageNetworkTools says which network clients an image ships, as the real images do:
 * BusyBox-based images have wget and nslookup applets; Debian-based nginx has curl; the full
 * python and node images have curl and wget; database and distroless images have none.
 */
export function imageNetworkTools(repository: string): readonly string[] {
  const name = repository.replace(/^docker\.io\/library\//, '');
  if (name === 'busybox' || name === 'alpine') return BUSYBOX_TOOLS;
  // registry.k8s.io/nginx-slim ships curl too: the StatefulSet tutorial curls localhost in it.
  if (name === 'nginx' || name === 'registry.k8s.io/nginx-slim') return CURL_ONLY;
  if (name === 'python' || name === 'node') return CURL_WGET;
  return NO_TOOLS;
}

// Shared answers: every container keeps its image's list for its lifetime (LazyCommands).
const BUSYBOX_TOOLS: readonly string[] = Object.freeze(['wget', 'nslookup']);
const CURL_ONLY: readonly string[] = Object.freeze(['curl']);
const CURL_WGET: readonly string[] = Object.freeze(['curl', 'wget']);
const NO_TOOLS: readonly string[] = Object.freeze([]);
const NO_COMMANDS: Record<string, ExecCommand> = Object.freeze({});

/** RuntimeDeps are the node-wide things every process needs. */
export interface RuntimeDeps {
  clock: Clock;
  /** shell interprets busybox commands and `sh -c`; without it those containers exit 127. */
  shell?: ShellRunner;
  /** cpus is the node's CPU count (`nproc`, nginx worker count). */
  cpus?: number;
  /** seed seeds the process's Random (derive it from the cluster Random per container). */
  seed?: number;
}

/** StartFailure is why a container could not start. */
export interface StartFailure {
  reason: 'CreateContainerError' | 'StartError';
  message: string;
  /** exitCode is 128 for StartError (terminated state), undefined for CreateContainerError (waiting). */
  exitCode?: number;
}

/** StartResult is a running process or a StartFailure. */
export type StartResult = { ok: true; process: ContainerProcess } | { ok: false; failure: StartFailure };

/** notFoundMessage is runc's error for a missing executable, as containerd 1.7 reports it. */
export function notFoundMessage(exe: string): string {
  return `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "${exe}": executable file not found in $PATH: unknown`;
}

/** SHELL_NAMES are shells an image may or may not ship. */
export const SHELL_NAMES = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh']);

/**
 * findProgram picks what PID 1 runs for argv[0] in this image, or undefined when it is not on
 * PATH. `commands` are the extra executables on the container's PATH (the image's own and the
 * network clients it ships), so `args: [wget, -qO-, http://web]` starts in busybox.
 */
export function findProgram(
  image: ResolvedImage,
  exe: string,
  fs: VirtualFS,
  shell: ShellRunner | undefined,
  commands: Record<string, ExecCommand> = {},
): Program | undefined {
  const def = image.definition;
  const name = exe.slice(exe.lastIndexOf('/') + 1);
  const own = def.programs[name];
  if (own) return own;
  if (def.shells.length === 0) return undefined;
  if (def.shells.includes(name)) return shellProgram;
  // The terminal shell knows `sh`/`bash` as commands; inside an image only its own shells exist.
  if (SHELL_NAMES.has(name)) return undefined;
  if (shell?.has(name) || def.commands?.[name] || commands[name]) return commandProgram;
  if (exe.includes('/') && fs.exists(exe)) return commandProgram;
  return undefined;
}

/** startProcess creates and starts a container's main process. */
export function startProcess(spec: ContainerSpec, deps: RuntimeDeps): StartResult {
  const def = spec.image.definition;
  const env = environmentOf(spec);
  const argv = containerArgv(def.config, spec, env);
  if (!argv.ok) return { ok: false, failure: { reason: 'CreateContainerError', message: argv.message } };
  const toolNames = imageNetworkTools(def.repository);
  const commands = new LazyCommands(spec.networkCommands, toolNames, def.commands ?? NO_COMMANDS);
  const exe = argv.argv[0];
  // Only a network client as PID 1 needs the clients now; everything else finds its program without them.
  const visible = toolNames.includes(exe.slice(exe.lastIndexOf('/') + 1)) ? commands.get() : (def.commands ?? NO_COMMANDS);
  const found = findProgram(spec.image, exe, spec.fs, deps.shell, visible);
  // `sleep 3600` run by the shell's own builtin (no image command of that name) needs no shell.
  const program = found === commandProgram && plainSleepMs(argv.argv) !== undefined && !visible.sleep ? sleepProgram : found;
  if (!program) {
    return { ok: false, failure: { reason: 'StartError', message: notFoundMessage(argv.argv[0]), exitCode: 128 } };
  }
  const process = new ContainerProcess({
    program,
    // Shared by the replicas (exact size, frozen): an own copy cost ~70 bytes per container.
    argv: internArgv(argv.argv),
    env,
    fs: spec.fs,
    cwd: spec.workingDir || def.config.workingDir || '/',
    hostname: spec.hostname,
    podIP: spec.podIP ?? '',
    cpus: deps.cpus ?? 2,
    // The resolved image itself (shared by the image's containers) carries reference, version, variant.
    image: spec.image,
    tty: spec.tty ?? false,
    stdin: spec.stdin ?? false,
    limits: spec.limits ?? {},
    clock: deps.clock,
    seed: deps.seed ?? 1,
    shell: deps.shell,
    commands,
    shells: def.shells,
  });
  process.run();
  return { ok: true, process };
}

/** LastEnvironment is the environment last built, with what it was built from. */
interface LastEnvironment {
  definition: ResolvedImage['definition'];
  version: string;
  podEnv: ContainerSpec['env'];
  vars: EnvVars;
}

let lastEnvironment: LastEnvironment | undefined;

/**
 * environmentOf is the process environment (environment.ts's order). The kubelet hands every
 * replica the same env array (kubelet/env.ts), so when the image and that array are the ones
 * of the last container, only HOSTNAME differs: the last environment is reused with this
 * container's hostname instead of merged and interned again.
 */
function environmentOf(spec: ContainerSpec): EnvVars {
  const def = spec.image.definition;
  const version = spec.image.version;
  const podEnv = spec.env;
  const last = lastEnvironment;
  if (podEnv && last && last.podEnv === podEnv && last.definition === def && last.version === version) return last.vars.withHostname(spec.hostname);
  const versionEnv = def.config.versionEnv;
  const imageEnv = def.config.env.map(([k, v]): [string, string] => [k, k === versionEnv ? version : v]);
  const vars = new EnvVars(containerEnv(spec.hostname, imageEnv, podEnv ?? []));
  // A pod env that sets HOSTNAME itself overrides the hostname: such an environment is not reused.
  if (podEnv && !podEnv.some(([k]) => k === 'HOSTNAME')) lastEnvironment = { definition: def, version, podEnv, vars };
  return vars;
}

/**
 * LazyCommands are a container's extra executables, built on first use and then kept (one
 * object per container, as exec and scripts expect): the network clients the image ships, then
 * the image's own commands. Data rather than a closure: an idle container keeps three pointers.
 */
class LazyCommands {
  private built: Record<string, ExecCommand> | undefined;

  constructor(
    private readonly tools: ContainerSpec['networkCommands'],
    private readonly names: readonly string[],
    private readonly own: Record<string, ExecCommand>,
  ) {}

  get(): Record<string, ExecCommand> {
    if (this.built) return this.built;
    const t = this.tools;
    const all = typeof t === 'function' ? t() : t instanceof NetworkCommandsSource ? t.build() : t;
    const out: Record<string, ExecCommand> = {};
    for (const n of this.names) if (all?.[n]) out[n] = all[n];
    this.built = { ...out, ...this.own };
    return this.built;
  }
}
