/**
 * kubectl exec (staging/src/k8s.io/kubectl/pkg/cmd/exec/exec.go).
 *
 * `kubectl exec POD|TYPE/NAME [-c CONTAINER] [-it] -- COMMAND [ARGS...]` runs the command
 * in the container through the API server's node proxy (the kubelet's fake runtime). The
 * command's exit status becomes kubectl's, with `command terminated with exit code N`.
 * Upgrade failures read as kubectl prints them: `error: unable to upgrade connection: ...`.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { isStatusError } from '../../core/api/status.ts';
import type { Invocation, KubectlCommand } from '../command.ts';
import { CommandError } from '../errors.ts';
import { defaultContainer, findContainer, podForArgument } from './podTargets.ts';

export const exec: KubectlCommand = {
  name: 'exec',
  short: 'Execute a command in a container',
  run: runExec,
};

async function runExec(inv: Invocation): Promise<number> {
  const { ctx, flags } = inv;
  const dash = inv.dashIndex;
  const before = dash < 0 ? inv.args : inv.args.slice(0, dash);
  const command = dash < 0 ? [] : inv.args.slice(dash);
  if (before.length === 0 && flags.strings('filename').length === 0) throw new CommandError('error: pod, type/name or --filename must be specified');
  if (dash < 0 && before.length > 1) {
    throw new CommandError('error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee \'kubectl exec -h\' for help and examples');
  }
  if (command.length === 0) throw new CommandError('error: you must specify at least one command for the container');
  const quiet = flags.bool('quiet');
  const warn = quiet ? () => undefined : (t: string) => ctx.stderr(t);
  const pod: Pod = podForArgument(inv, before[0], () => undefined);
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') {
    throw new CommandError(`error: cannot exec into a container in a completed pod; current phase is ${phase}`);
  }
  const name = flags.string('container');
  if (name !== '' && !findContainer(pod, name)) throw new CommandError(`error: container ${name} not found in pod ${pod.metadata?.name}`);
  const container = name !== '' ? name : defaultContainer(pod, quiet ? undefined : warn).name;
  // SetupTTY: -t needs -i (silently dropped without it) and a terminal on stdin (else a warning).
  let tty = flags.bool('tty') && flags.bool('stdin');
  if (tty && !ctx.isTTY) {
    tty = false;
    if (!quiet) ctx.stderr('Unable to use a TTY - input is not a terminal or the right kind of file\n');
  }
  // NOTE: the exec stream carries a finished stdin, not a live terminal; an interactive shell
  // would read EOF and exit at once, so say so instead of silently returning.
  if (flags.bool('stdin') && ctx.isTTY && ctx.stdin === '' && isBareShell(command)) {
    const namespace = pod.metadata?.namespace ?? inv.namespace;
    if (tty && ctx.openShell?.(namespace, pod.metadata?.name ?? '', container, command)) return 0;
    // A terminal that can open shells but not this one (the image lacks it): exec it, and fail as runc does.
    if (!tty || !ctx.openShell) {
      throw new CommandError(
        `error: interactive shells are not available in this playground yet; run one command at a time, e.g. kubectl exec ${before[0]} -- ${command[0]} -c 'ls /'`,
      );
    }
  }
  let code: number;
  try {
    code = await ctx.client.exec(pod.metadata?.namespace ?? inv.namespace, pod.metadata?.name ?? '', {
      container,
      command,
      stdin: flags.bool('stdin') ? ctx.stdin : '',
      tty,
      stdout: (t) => ctx.stdout(t),
      stderr: (t) => ctx.stderr(t),
      signal: ctx.signal,
    });
  } catch (err) {
    // The upgrade to a streaming connection is what fails in real kubectl; it prints the bare message.
    if (isStatusError(err) && err.code === 400) {
      const msg = err.status.message ?? '';
      throw new CommandError(msg.startsWith('unable to upgrade connection') ? `error: ${msg}` : `error: unable to upgrade connection: ${msg}`);
    }
    throw err;
  }
  if (code !== 0) {
    ctx.stderr(`command terminated with exit code ${code}\n`);
    return code;
  }
  return 0;
}

/** isBareShell tells `sh`, `/bin/bash`... without a script (an interactive session). */
function isBareShell(command: string[]): boolean {
  const name = command[0].slice(command[0].lastIndexOf('/') + 1);
  return ['sh', 'bash', 'ash', 'zsh', 'dash'].includes(name) && command.length === 1;
}
