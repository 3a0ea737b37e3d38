/**
 * kubectl cp (staging/src/k8s.io/kubectl/pkg/cmd/cp/cp.go).
 *
 * `kubectl cp SRC [NAMESPACE/]POD:DEST` and `kubectl cp [NAMESPACE/]POD:SRC DEST` copy files
 * and directories between the terminal's workspace and a container's filesystem. Real
 * kubectl streams a tar archive through `kubectl exec ... tar`; here the tree travels through
 * execs of the container's shell instead (cpTree.ts), so the container still needs a shell and
 * the copy obeys its filesystem (volumes, read-only mounts). The layout rules are upstream's:
 * - to a pod: when DEST is an existing directory (`test -d`), SRC lands inside it under its
 *   own name; otherwise DEST is the new name (a directory's contents go to DEST).
 * - from a pod: DEST becomes SRC (`kubectl cp pod:/etc/nginx ./nginx` fills ./nginx), and tar's
 *   "Removing leading '/' from member names" shows on stderr for an absolute SRC.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { Invocation, KubectlCommand } from '../command.ts';
import { CommandError } from '../errors.ts';
import { isRemoteDir, readRemoteTree, writeRemoteTree, type TreeEntry } from './cpTree.ts';
import { defaultContainer, findContainer } from './podTargets.ts';

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

/** CpTarget is the container a copy talks to. */
export interface CpTarget {
  namespace: string;
  pod: string;
  container: string;
  /** busybox says whether the image's tar is busybox's (its messages differ from GNU tar's). */
  busybox: boolean;
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
  const container = name !== '' ? findContainer(pod, name)! : defaultContainer(pod, (t) => ctx.stderr(t));
  const image = (container.image ?? '').replace(/^docker\.io\/library\//, '');
  const target: CpTarget = { namespace, pod: remote.pod, container: container.name, busybox: /(^|\/)(busybox|alpine)(:|@|$)|:[^/]*alpine/.test(image) };
  return dest.pod !== '' ? copyToPod(inv, src.path, dest.path, target) : copyFromPod(inv, src.path, dest.path, target);
}

/** copyToPod is cp.go copyToPod: the local file or tree goes into the container. */
async function copyToPod(inv: Invocation, src: string, dest: string, target: CpTarget): Promise<number> {
  const { ctx } = inv;
  if (!ctx.fs.exists(src, ctx.cwd)) throw new CommandError(`error: ${src} doesn't exist in local filesystem`);
  const isDir = ctx.fs.stat(src, ctx.cwd).type === 'dir';
  const entries = localTree(inv, src);
  // checkDestinationIsDir: an existing directory receives SRC under SRC's own name.
  const base = src.replace(/\/+$/, '').split('/').pop() || src;
  const root = (await isRemoteDir(inv, target, dest)) ? `${dest.replace(/\/+$/, '')}/${base}` : dest;
  await writeRemoteTree(inv, target, root, isDir, entries);
  return 0;
}

/** copyFromPod is cp.go copyFromPod + untarAll: the container's file or tree lands at DEST. */
async function copyFromPod(inv: Invocation, src: string, dest: string, target: CpTarget): Promise<number> {
  const { ctx } = inv;
  if (src.startsWith('/')) {
    // tar strips the leading '/' from member names and says so, and kubectl passes its stderr on.
    ctx.stderr(target.busybox ? "tar: removing leading '/' from member names\n" : "tar: Removing leading '/' from member names\n");
  }
  const entries = await readRemoteTree(inv, target, src);
  const single = entries.length === 1 && entries[0].path === '' && entries[0].data !== undefined;
  if (single) {
    let file = dest;
    // Kept from the single-file copy: an existing local directory receives the file by name.
    if (ctx.fs.exists(file, ctx.cwd) && ctx.fs.stat(file, ctx.cwd).type === 'dir') file = `${file.replace(/\/$/, '')}/${src.split('/').pop()}`;
    ctx.fs.write(file, entries[0].data!, ctx.cwd);
    return 0;
  }
  ctx.fs.mkdir(dest, { parents: true }, ctx.cwd);
  for (const e of entries) {
    const path = `${dest.replace(/\/+$/, '')}/${e.path}`;
    if (e.data === undefined) ctx.fs.mkdir(path, { parents: true }, ctx.cwd);
    else ctx.fs.write(path, e.data, ctx.cwd);
  }
  return 0;
}

/** localTree lists a local file (one entry with path "") or a directory's tree, parents first. */
function localTree(inv: Invocation, src: string): TreeEntry[] {
  const { ctx } = inv;
  if (ctx.fs.stat(src, ctx.cwd).type !== 'dir') return [{ path: '', data: ctx.fs.read(src, ctx.cwd) }];
  const out: TreeEntry[] = [];
  const walk = (dir: string, rel: string): void => {
    for (const name of ctx.fs.list(dir, ctx.cwd)) {
      const path = `${dir.replace(/\/+$/, '')}/${name}`;
      if (ctx.fs.stat(path, ctx.cwd).type === 'dir') {
        out.push({ path: rel + name });
        walk(path, `${rel}${name}/`);
      } else out.push({ path: rel + name, data: ctx.fs.read(path, ctx.cwd) });
    }
  };
  walk(src, '');
  return out;
}
