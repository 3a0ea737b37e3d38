/**
 * ShellRunner is how the runtime runs shell scripts inside a container: busybox/alpine
 * commands, `sh -c` in any image with a shell, and `kubectl exec`. The real implementation
 * wraps the terminal's interpreter (`src/shell`) so containers and the terminal share one
 * shell language; it is injected, which keeps this folder testable without it.
 */
import type { AbortLike, ExecCommand, VirtualFS } from './types.ts';

/** ShellRun is one script run in a container. */
export interface ShellRun {
  /** script is shell source, e.g. the argument of `sh -c`. */
  script: string;
  /** positional are `$0 $1 ...` after the script (`sh -c 'echo $1' name arg`). */
  positional?: string[];
  env: Map<string, string>;
  cwd: string;
  fs: VirtualFS;
  hostname: string;
  stdin?: string;
  stdout(text: string): void;
  stderr(text: string): void;
  /** sleep waits virtual time (from the container's clock). */
  sleep(ms: number): Promise<void>;
  /** aborted fires when the container dies: the script must stop. */
  aborted: AbortLike;
  /** commands are the image's extra executables (`redis-cli`, `nginx`), on PATH for this run. */
  commands: Record<string, ExecCommand>;
  /** dialect is whose error wording the shell uses (shellDialectFor); bash when unset. */
  dialect?: ShellDialectName;
}

/** ShellDialectName names the shells whose diagnostics differ: bash, busybox ash, Debian dash. */
export type ShellDialectName = 'bash' | 'ash' | 'dash';

/**
 * shellDialectFor says which shell answers `program` in an image: `bash` is bash;
 * otherwise busybox and alpine(-based) images run busybox ash, and the Debian-based
 * rest (nginx, httpd, redis, python...) run dash as /bin/sh.
 */
export function shellDialectFor(imageReference: string, program: string): ShellDialectName {
  if (program.slice(program.lastIndexOf('/') + 1) === 'bash') return 'bash';
  const ref = imageReference.replace(/^docker\.io\/library\//, '');
  return /(^|\/)(busybox|alpine)(:|@|$)|:[^/]*alpine/.test(ref) ? 'ash' : 'dash';
}

/** ShellRunner runs scripts and says which commands exist (for "executable file not found"). */
export interface ShellRunner {
  /** has says whether `name` is a builtin or registered command of the shell. */
  has(name: string): boolean;
  /** run resolves to the script's exit status. */
  run(run: ShellRun): Promise<number>;
}

/** quoteArgv turns an argv into a shell command line that reproduces it exactly. */
export function quoteArgv(argv: readonly string[]): string {
  return argv.map((a) => (/^[A-Za-z0-9_@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}
