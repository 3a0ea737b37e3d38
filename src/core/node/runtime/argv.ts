/**
 * How a container's command line is built, exactly as Kubernetes and containerd do it:
 *
 * 1. The kubelet expands `$(VAR)` references in `command` and `args` against the container's
 *    environment (pkg/kubelet/container/helpers.go ExpandContainerCommandAndArgs, using
 *    third_party/forked/golang/expansion): `$$` escapes a dollar, unknown variables stay as written.
 * 2. containerd combines them with the image config (CRI WithProcessArgs, from moby's rules):
 *    - `command` set: argv = command + args; the image's ENTRYPOINT *and* CMD are ignored;
 *    - only `args` set: argv = ENTRYPOINT + args (CMD is replaced);
 *    - neither: argv = ENTRYPOINT + CMD;
 *    - an empty result fails with "no command specified".
 */
import type { ImageConfig } from '../images/definition.ts';

/** expandVariables applies Kubernetes `$(VAR)` expansion; `lookup` returns undefined for unknown names. */
export function expandVariables(input: string, lookup: (name: string) => string | undefined): string {
  let out = '';
  let checkpoint = 0;
  for (let cursor = 0; cursor < input.length; cursor++) {
    if (input[cursor] !== '$' || cursor + 1 >= input.length) continue;
    out += input.slice(checkpoint, cursor);
    const next = input[cursor + 1];
    let advance = 1;
    if (next === '$') {
      out += '$';
    } else if (next === '(') {
      const close = input.indexOf(')', cursor + 2);
      if (close < 0) {
        out += '$(';
      } else {
        const name = input.slice(cursor + 2, close);
        out += lookup(name) ?? `$(${name})`;
        advance = close - cursor;
      }
    } else {
      out += '$' + next;
    }
    cursor += advance;
    checkpoint = cursor + 1;
  }
  return out + input.slice(checkpoint);
}

/** expandAll expands each word against env (a new array; none when there are no words). */
function expandAll(words: readonly string[] | undefined, env: ReadonlyMap<string, string>): string[] {
  if (!words || words.length === 0) return [];
  return words.map((s) => expandVariables(s, (name) => env.get(name)));
}

/** ArgvResult is the process argv, or the error that makes container creation fail. */
export type ArgvResult = { ok: true; argv: string[] } | { ok: false; message: string };

/** containerArgv builds PID 1's argv from the image config and the container's command/args. */
export function containerArgv(
  image: Pick<ImageConfig, 'entrypoint' | 'cmd'>,
  container: { command?: string[]; args?: string[] },
  env: ReadonlyMap<string, string> = new Map(),
): ArgvResult {
  const command = expandAll(container.command, env);
  let args = expandAll(container.args, env);
  let argv: string[];
  if (command.length > 0) {
    argv = [...command, ...args];
  } else {
    if (args.length === 0) args = [...image.cmd];
    // An ENTRYPOINT of [""] means "reset", as in moby.
    const entrypoint = image.entrypoint.length === 1 && image.entrypoint[0] === '' ? [] : image.entrypoint;
    argv = [...entrypoint, ...args];
  }
  if (argv.length === 0) return { ok: false, message: 'no command specified' };
  return { ok: true, argv };
}
