/**
 * The workspace is the person's home directory, `/root`: the files the editor lists and the
 * terminal's `ls`, `cat` and `kubectl apply -f` see. Paths on the wire are relative to it.
 */
import type { VirtualFS } from '../shell/types.ts';

/** WORKSPACE_ROOT is the home directory of the terminal's root user. */
export const WORKSPACE_ROOT = '/root';

/** readWorkspace returns every file under the workspace (dot files included), path → content. */
export function readWorkspace(fs: VirtualFS, root = WORKSPACE_ROOT): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string, prefix: string): void => {
    if (!fs.exists(dir)) return;
    for (const name of fs.list(dir)) {
      const abs = `${dir}/${name}`;
      if (fs.stat(abs).type === 'dir') walk(abs, `${prefix}${name}/`);
      else out[`${prefix}${name}`] = fs.read(abs);
    }
  };
  walk(root, '');
  return out;
}

/** writeWorkspaceFile writes a workspace-relative file, creating its directories. */
export function writeWorkspaceFile(fs: VirtualFS, path: string, content: string, root = WORKSPACE_ROOT): void {
  const abs = fs.resolve(path, root);
  const dir = abs.slice(0, abs.lastIndexOf('/')) || '/';
  if (!fs.exists(dir)) fs.mkdir(dir, { parents: true });
  fs.write(abs, content);
}

/** setWorkspace makes the workspace hold exactly `files`. */
export function setWorkspace(fs: VirtualFS, files: Record<string, string>, root = WORKSPACE_ROOT): void {
  for (const path of Object.keys(readWorkspace(fs, root))) if (!(path in files)) fs.rm(fs.resolve(path, root), { force: true });
  for (const [path, content] of Object.entries(files)) writeWorkspaceFile(fs, path, content, root);
}

/** isWorkspacePath rejects paths that would leave the workspace (`../etc/passwd`, `/etc`). */
export function isWorkspacePath(fs: VirtualFS, path: string, root = WORKSPACE_ROOT): boolean {
  return path !== '' && fs.resolve(path, root).startsWith(`${root}/`);
}
