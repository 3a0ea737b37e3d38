/**
 * A container's view of files: its own root filesystem with volumes mounted over paths,
 * the way the kubelet bind-mounts volume directories into the container. Two containers
 * that mount the same emptyDir VirtualFS see each other's writes, which is what makes
 * sidecar lessons work. A `subPath` mounts one directory of the volume; `readOnly` mounts
 * refuse writes with EROFS, as ConfigMap and Secret volumes always do.
 */
import { FSError } from '../../../shell/memoryFS.ts';
import { basename, dirname, normalizePath, resolvePath } from '../../../shell/paths.ts';
import type { FileStat, VirtualFS } from '../../../shell/types.ts';

/** Mount is one volume mount of a container. */
export interface Mount {
  /** path is the mountPath inside the container. */
  path: string;
  /** fs is the volume's filesystem (shared between containers of the pod). */
  fs: VirtualFS;
  /** subPath selects a directory of the volume (created if missing, as the kubelet does). */
  subPath?: string;
  readOnly?: boolean;
}

/** EROFS and EBUSY are the errno texts for writes to read-only mounts and removing a mount point. */
export const EROFS = 'Read-only file system';
export const EBUSY = 'Device or resource busy';

interface Route {
  fs: VirtualFS;
  path: string;
  mount?: Mount & { base: string };
}

/** MountedFS composes a root filesystem and mounts into one VirtualFS. */
export class MountedFS implements VirtualFS {
  private readonly mounts: (Mount & { base: string })[];

  constructor(
    private readonly root: VirtualFS,
    mounts: readonly Mount[],
  ) {
    // Built field by field: a spread of each caller's object gave every mount its own hidden
    // class (~200 bytes of shape per mount, kept for the container's lifetime).
    this.mounts = mounts
      .map((m) => ({ path: normalizePath(m.path), fs: m.fs, subPath: m.subPath, readOnly: m.readOnly, base: normalizePath('/' + (m.subPath ?? '')) }))
      .sort((a, b) => b.path.length - a.path.length);
    for (const m of this.mounts) {
      if (!root.exists(m.path)) root.mkdir(m.path, { parents: true });
      if (!m.fs.exists(m.base)) m.fs.mkdir(m.base, { parents: true });
    }
  }

  resolve(path: string, cwd = '/'): string {
    return resolvePath(path, cwd);
  }

  private route(path: string, cwd?: string): Route {
    const abs = this.resolve(path, cwd);
    for (const m of this.mounts) {
      if (abs === m.path || abs.startsWith(m.path + '/')) {
        return { fs: m.fs, path: normalizePath(m.base + '/' + abs.slice(m.path.length)), mount: m };
      }
    }
    return { fs: this.root, path: abs };
  }

  private writable(path: string, cwd?: string): Route {
    const r = this.route(path, cwd);
    if (r.mount?.readOnly) throw new FSError(EROFS);
    return r;
  }

  read(path: string, cwd?: string): string {
    const r = this.route(path, cwd);
    return r.fs.read(r.path);
  }

  write(path: string, data: string, cwd?: string): void {
    const r = this.writable(path, cwd);
    r.fs.write(r.path, data);
  }

  append(path: string, data: string, cwd?: string): void {
    const r = this.writable(path, cwd);
    r.fs.append(r.path, data);
  }

  stat(path: string, cwd?: string): FileStat {
    const r = this.route(path, cwd);
    return r.fs.stat(r.path);
  }

  list(path: string, cwd?: string): string[] {
    const abs = this.resolve(path, cwd);
    const r = this.route(abs);
    const names = new Set(r.fs.list(r.path));
    // Mount points show up in their parent directory even if the root fs lacked them.
    for (const m of this.mounts) if (m.path !== '/' && dirname(m.path) === abs) names.add(basename(m.path));
    return [...names].sort();
  }

  mkdir(path: string, opts?: { parents?: boolean }, cwd?: string): void {
    const r = this.writable(path, cwd);
    r.fs.mkdir(r.path, opts);
  }

  rm(path: string, opts?: { recursive?: boolean; force?: boolean }, cwd?: string): void {
    const abs = this.resolve(path, cwd);
    if (this.mounts.some((m) => m.path === abs)) throw new FSError(EBUSY);
    const r = this.writable(abs);
    r.fs.rm(r.path, opts);
  }

  exists(path: string, cwd?: string): boolean {
    const r = this.route(path, cwd);
    return r.fs.exists(r.path);
  }
}
