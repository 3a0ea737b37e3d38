/**
 * terminalShellRunner adapts the terminal's interpreter (`src/shell`) to the runtime's
 * ShellRunner, so `sh -c` in a container speaks exactly the shell language of the terminal
 * (DESIGN §6). A fresh Shell per run sees the container's filesystem, env, cwd and the image's
 * extra commands; `sleep` waits on the container's virtual clock.
 *
 * NOTE: this is the one place core imports the shell layer (which knows nothing about
 * Kubernetes, compiles with lib ES2022 only, and does not import core), as the design asks.
 */
import { defaultCommands } from '../../../shell/builtins/index.ts';
import { dialectByName } from '../../../shell/dialect.ts';
import { Shell } from '../../../shell/shell.ts';
import { SHELL_BUILTINS } from '../../../shell/shellBuiltins.ts';
import type { ShellRun, ShellRunner } from './shellRunner.ts';
import { quoteArgv, type ShellDialectName } from './shellRunner.ts';

/**
 * CONTAINER_LOOP_LIMIT lets container scripts loop far longer than the terminal allows
 * (`while true; do date; sleep 5; done` runs for days of virtual time) while still stopping
 * a loop that never sleeps.
 */
export const CONTAINER_LOOP_LIMIT = 1_000_000;

/** terminalShellRunner returns a ShellRunner backed by `src/shell`'s Shell; `now` is the cluster clock. */
export function terminalShellRunner(now: () => number): ShellRunner {
  const names = new Set([
    ...Object.keys(defaultCommands({ now, hostname: () => '', user: () => 'root' })),
    ...Object.keys(SHELL_BUILTINS),
  ]);
  return {
    has: (name) => names.has(name),
    async run(r: ShellRun): Promise<number> {
      const env = Object.fromEntries(r.env);
      const shell = new Shell({
        fs: r.fs,
        env: { ...env, PWD: r.cwd },
        commands: r.commands,
        hostname: r.hostname,
        home: env.HOME ?? '/root',
        sleep: r.sleep,
        now,
        pid: 1,
        limits: { loopIterations: CONTAINER_LOOP_LIMIT, commands: CONTAINER_LOOP_LIMIT * 10 },
        dialect: dialectByName(r.dialect),
      });
      // Positional parameters: `sh -c 'echo $1' name arg` sets $1.. ($0 is not settable from a script).
      const positional = r.positional && r.positional.length > 1 ? `set -- ${quoteArgv(r.positional.slice(1))}\n` : '';
      return shell.runScript(positional + r.script, { stdout: r.stdout, stderr: r.stderr }, r.aborted, r.stdin ?? '');
    },
  };
}

/**
 * containerShell builds an interactive Shell inside a running container, for `kubectl exec -it … sh`:
 * the host wires it to the terminal like the node shell. `sleep` should wait on the cluster clock.
 */
export function containerShell(
  proc: { fs: ShellRun['fs']; env: ReadonlyMap<string, string>; cwd: string; hostname: string; commands: ShellRun['commands'] },
  opts: { now: () => number; sleep: (ms: number) => Promise<void>; dialect?: ShellDialectName },
): Shell {
  const env = Object.fromEntries(proc.env);
  return new Shell({
    fs: proc.fs,
    env: { ...env, PWD: proc.cwd },
    commands: proc.commands,
    hostname: proc.hostname,
    home: env.HOME ?? '/root',
    sleep: opts.sleep,
    now: opts.now,
    limits: { loopIterations: CONTAINER_LOOP_LIMIT },
    dialect: dialectByName(opts.dialect),
  });
}
