/**
 * cpTree: moving a file or a directory tree in and out of a container for `kubectl cp`,
 * through execs of the container's own shell (where upstream pipes tar through exec). The
 * scripts use only what every image shell here has (sh, test, mkdir, printf, base64, tr).
 */
import type { Invocation } from '../command.ts';
import { CommandError } from '../errors.ts';
import type { CpTarget } from './cp.ts';

/** TreeEntry is a file (with data) or a directory (without), at a path relative to the copy's root ("" is the root file). */
export interface TreeEntry {
  path: string;
  data?: string;
}

/**
 * WALK prints the tree under "$1": `D rel` per directory, `F base64 rel` per file, parents
 * first. A missing path fails as tar does (GNU or busybox wording, chosen by $2).
 */
const WALK = [
  'walk() { local d="$1" r="$2" f n; for f in "$d"/* "$d"/.[!.]*; do [ -e "$f" ] || continue; n="${f##*/}";',
  'if [ -d "$f" ]; then echo "D $r$n"; walk "$f" "$r$n/"; else echo "F $(base64 < "$f" | tr -d \'\\n\') $r$n"; fi; done; }',
  'if [ ! -e "$1" ]; then',
  '  if [ "$2" = busybox ]; then echo "tar: $1: No such file or directory" >&2; exit 1; fi',
  '  echo "tar: $1: Cannot stat: No such file or directory" >&2; echo "tar: Exiting with failure status due to previous errors" >&2; exit 2',
  'fi',
  'if [ -d "$1" ]; then walk "$1" ""; else echo "F $(base64 < "$1" | tr -d \'\\n\') "; fi',
].join('\n');

/** isRemoteDir is cp.go checkDestinationIsDir: `test -d PATH` in the container. */
export async function isRemoteDir(inv: Invocation, target: CpTarget, path: string): Promise<boolean> {
  return (await execIn(inv, target, ['test', '-d', path], () => undefined, false)) === 0;
}

/** readRemoteTree reads a container file or directory tree. */
export async function readRemoteTree(inv: Invocation, target: CpTarget, src: string): Promise<TreeEntry[]> {
  let listing = '';
  await execIn(inv, target, ['sh', '-c', WALK, 'sh', src, target.busybox ? 'busybox' : 'gnu'], (t) => {
    listing += t;
  });
  const out: TreeEntry[] = [];
  for (const line of listing.split('\n')) {
    const file = /^F (\S*) (.*)$/.exec(line);
    if (file) out.push({ path: file[2], data: fromBase64(file[1]) });
    else if (line.startsWith('D ')) out.push({ path: line.slice(2) });
  }
  return out;
}

/** writeRemoteTree writes a file at root, or (isDir) creates root and the tree below it. */
export async function writeRemoteTree(inv: Invocation, target: CpTarget, root: string, isDir: boolean, entries: TreeEntry[]): Promise<void> {
  const at = (rel: string) => (rel === '' ? root : `${root.replace(/\/+$/, '')}/${rel}`);
  const lines = isDir ? [`mkdir -p ${quote(root)}`] : [];
  for (const e of entries) {
    // The content travels inside the script: the container shell's stdin is not relied upon.
    lines.push(e.data === undefined ? `mkdir -p ${quote(at(e.path))}` : `printf '%s' ${quote(e.data)} > ${quote(at(e.path))}`);
  }
  await execIn(inv, target, ['sh', '-c', lines.join(' &&\n')], () => undefined);
}

/** execIn runs one command in the container; a failure prints its stderr and fails the copy unless `check` is false. */
async function execIn(inv: Invocation, target: CpTarget, command: string[], stdout: (t: string) => void, check = true): Promise<number> {
  const { ctx } = inv;
  let errText = '';
  const code = await ctx.client.exec(target.namespace, target.pod, {
    container: target.container,
    command,
    stdin: '',
    tty: false,
    stdout,
    stderr: (t) => {
      errText += t;
    },
    signal: ctx.signal,
  });
  if (code !== 0 && check) {
    ctx.stderr(errText);
    throw new CommandError(`error: command terminated with exit code ${code}`);
  }
  return code;
}

function quote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** fromBase64 decodes what the container's base64 printed (UTF-8 text). */
function fromBase64(text: string): string {
  const binary = atob(text);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}
