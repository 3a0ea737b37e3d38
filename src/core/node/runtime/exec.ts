/**
 * execInContainer is CRI ExecSync/Exec for `kubectl exec` and exec probes: it runs argv in a
 * running container with the container's env, cwd and filesystem, through the image's shell.
 * Images without a shell (scratch, distroless) can only exec their own commands.
 */
import type { ContainerProcess } from './process.ts';
import { quoteArgv, shellDialectFor } from './shellRunner.ts';
import { SHELL_NAMES } from './start.ts';
import type { ExecResult } from './types.ts';

/** ExecOutcome is the command's result, or the runtime error that prevented it from starting. */
export type ExecOutcome = { ok: true; result: ExecResult } | { ok: false; message: string };

/** execNotFoundMessage is runc's exec error for a missing executable. */
export function execNotFoundMessage(exe: string): string {
  return `OCI runtime exec failed: exec failed: unable to start container process: exec: "${exe}": executable file not found in $PATH: unknown`;
}

/** execInContainer runs argv; stdout/stderr are collected and also streamed to the optional sinks. */
export async function execInContainer(
  proc: ContainerProcess,
  argv: string[],
  io: { stdin?: string; stdout?: (t: string) => void; stderr?: (t: string) => void; sleep?: (ms: number) => Promise<void> } = {},
): Promise<ExecOutcome> {
  if (!proc.running) return { ok: false, message: 'container not running' };
  const shell = proc.shellRunner;
  const exe = argv[0] ?? '';
  const name = exe.slice(exe.lastIndexOf('/') + 1);
  const command = proc.commands[name];
  let out = '';
  let err = '';
  const stdout = (t: string): void => {
    out += t;
    io.stdout?.(t);
  };
  const stderr = (t: string): void => {
    err += t;
    io.stderr?.(t);
  };
  const env = new Map(proc.env);
  const sleep = io.sleep ?? ((ms: number) => proc.sleep(ms));
  const stdin = io.stdin ?? '';
  const known =
    !!shell &&
    proc.shells.length > 0 &&
    (proc.shells.includes(name) || (!SHELL_NAMES.has(name) && shell.has(name)) || (exe.includes('/') && proc.fs.exists(exe)));
  if (command && !proc.shells.includes(name)) {
    const exitCode = await command({
      argv, stdin, stdout, stderr, env, cwd: proc.cwd, fs: proc.fs, signal: proc.aborted, sleep, isTTY: false,
    });
    return { ok: true, result: { exitCode, stdout: out, stderr: err } };
  }
  if (!shell || !known) return { ok: false, message: execNotFoundMessage(exe) };
  // `kubectl exec POD -- /bin/sh -c ...`: the image's shell is found by its path too (runc execs
  // the file), so the script names the shell program by its base name.
  const script = proc.shells.includes(name) ? quoteArgv([name, ...argv.slice(1)]) : quoteArgv(argv);
  const exitCode = await shell.run({
    script,
    env,
    cwd: proc.cwd,
    fs: proc.fs,
    hostname: proc.hostname,
    stdin,
    stdout,
    stderr,
    sleep,
    aborted: proc.aborted,
    commands: proc.commands,
    dialect: shellDialectFor(proc.image.reference, exe),
  });
  return { ok: true, result: { exitCode, stdout: out, stderr: err } };
}
