/**
 * kubectl cp (staging/src/k8s.io/kubectl/pkg/cmd/cp/cp.go).
 *
 * `kubectl cp FILE [NAMESPACE/]POD:PATH` and `kubectl cp [NAMESPACE/]POD:PATH FILE` between
 * the terminal's workspace files and a container's filesystem. Real kubectl streams a tar
 * archive through `kubectl exec ... tar`; here, more simply, the file travels through an
 * exec of the container's shell (`printf '%s' DATA > PATH` / `cat PATH`), so the container still needs
 * a shell and the copy obeys its filesystem (volumes, read-only mounts).
 *
 * NOTE: single files only; directories are not copied.
 */
import type { Invocation, KubectlCommand } from '../command.ts';
import { CommandError } from '../errors.ts';
import { defaultContainer, findContainer } from './podTargets.ts';
import type { Pod } from 'kubernetes-types/core/v1';

export const cp: KubectlCommand = {
  name: 'cp',
  short: 'Copy files and directories to and from containers',
  run: runCp,
};

/** FileSpec is one side of the copy: local when pod is empty. */
interface FileSpec {
  namespace: string;
  pod: string;
  path: string;
}

/** extractFileSpec reads `[[namespace/]pod:]file/path` as kubectl does. */
export function extractFileSpec(arg: string): FileSpec {
  const colon = arg.indexOf(':');
  if (colon < 0) return { namespace: '', pod: '', path: arg };
  const podPart = arg.slice(0, colon);
  const path = arg.slice(colon + 1);
  const pieces = podPart.split('/');
  if (pieces.length === 1) return { namespace: '', pod: pieces[0], path };
  if (pieces.length === 2) return { namespace: pieces[0], pod: pieces[1], path };
  throw new CommandError('error: filespec must match the canonical format: [[namespace/]pod:]file/path');
}

async function runCp(inv: Invocation): Promise<number> {
  const { ctx, flags } = inv;
  if (inv.args.length !== 2) throw new CommandError('error: source and destination are required');
  const src = extractFileSpec(inv.args[0]);
  const dest = extractFileSpec(inv.args[1]);
  if (src.pod === '' && dest.pod === '') throw new CommandError('error: one of src or dest must be a remote file specification');
  if (src.pod !== '' && dest.pod !== '') throw new CommandError('error: one of src or dest must be a local file specification');
  const remote = src.pod !== '' ? src : dest;
  if (remote.path === '') throw new CommandError('error: remote path cannot be empty');
  const namespace = remote.namespace || inv.namespace;
  const pod = ctx.client.get({ group: '', resource: 'pods' }, namespace, remote.pod) as Pod;
  const name = flags.string('container');
  if (name !== '' && !findContainer(pod, name)) throw new CommandError(`error: container ${name} not found in pod ${remote.pod}`);
  const container = name !== '' ? name : defaultContainer(pod, (t) => ctx.stderr(t)).name;

  if (dest.pod !== '') {
    if (!ctx.fs.exists(src.path, ctx.cwd)) throw new CommandError(`error: ${src.path} doesn't exist in local filesystem`);
    if (ctx.fs.stat(src.path, ctx.cwd).type === 'dir') throw new CommandError(`error: copying directories is not available in this playground yet`);
    const data = ctx.fs.read(src.path, ctx.cwd);
    let target = dest.path;
    if (target.endsWith('/')) target += src.path.split('/').pop();
    // The content travels inside the script: the container shell's stdin is not relied upon.
    return execIn(inv, namespace, remote.pod, container, ['sh', '-c', `printf '%s' ${shellQuote(data)} > ${shellQuote(target)}`], '', () => undefined);
  }

  let data = '';
  const status = await execIn(inv, namespace, remote.pod, container, ['cat', src.path], '', (t) => {
    data += t;
  });
  if (status !== 0) return status;
  let target = dest.path;
  if (ctx.fs.exists(target, ctx.cwd) && ctx.fs.stat(target, ctx.cwd).type === 'dir') target = `${target.replace(/\/$/, '')}/${src.path.split('/').pop()}`;
  ctx.fs.write(target, data, ctx.cwd);
  return 0;
}

/** execIn runs one command in the container, passing its stderr through; returns its status. */
async function execIn(
  inv: Invocation,
  namespace: string,
  pod: string,
  container: string,
  command: string[],
  stdin: string,
  stdout: (t: string) => void,
): Promise<number> {
  const { ctx } = inv;
  let errText = '';
  const code = await ctx.client.exec(namespace, pod, {
    container,
    command,
    stdin,
    tty: false,
    stdout,
    stderr: (t) => {
      errText += t;
    },
    signal: ctx.signal,
  });
  if (code !== 0) {
    ctx.stderr(errText);
    throw new CommandError(`error: command terminated with exit code ${code}`);
  }
  return 0;
}

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}
