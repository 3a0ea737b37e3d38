/**
 * OverlayFS is a container's root filesystem as overlayfs gives it to a real container: the
 * image's layer is shared read-only between every container of that image, and only what a
 * container writes, appends or removes lives in its own upper layer (removals as whiteouts).
 * It behaves exactly as a private MemoryFS populated with the image's files would (same
 * errno texts, modes, sorted listings); it exists so thousands of pods do not each carry a
 * copy of nginx's files (heap per pod, bench/).
 */
import { EEXIST, EISDIR, ENOENT, ENOTDIR, FSError, MemoryFS, utf8Length } from '../../../shell/memoryFS.ts';
import { basename, dirname, resolvePath } from '../../../shell/paths.ts';
import type { FileStat, VirtualFS } from '../../../shell/types.ts';

/** LayerNode is one file or directory of a layer. Lower-layer nodes are never mutated. */
interface LayerNode {
  readonly type: 'file' | 'dir';
  readonly data: string;
  /** mtime is unset in the shared lower layer: its files take the overlay's creation time. */
  readonly mtime?: number;
  readonly mode: number;
}

/** ImageLayer is an image's immutable file tree, built once and shared by every container. */
export type ImageLayer = ReadonlyMap<string, LayerNode>;

/** imageLayer captures a filesystem built by `populate` (into a fresh MemoryFS) as an immutable layer. */
export function imageLayer(populate: (fs: VirtualFS) => void): ImageLayer {
  const fs = new MemoryFS(() => 0);
  populate(fs);
  const layer = new Map<string, LayerNode>();
  const walk = (path: string): void => {
    const st = fs.stat(path);
    layer.set(path, { type: st.type, data: st.type === 'file' ? fs.read(path) : '', mode: st.mode });
    if (st.type === 'dir') for (const name of fs.list(path)) walk(path === '/' ? `/${name}` : `${path}/${name}`);
  };
  walk('/');
  return layer;
}

/** OverlayFS is a writable view over a shared ImageLayer; `now` stamps writes, and the lower layer's files. */
export class OverlayFS implements VirtualFS {
  /** upper holds this container's changes; null is a whiteout (removed from the lower layer). */
  private readonly upper = new Map<string, LayerNode | null>();
  private readonly createdAt: number;

  constructor(
    private readonly lower: ImageLayer,
    private readonly now: () => number,
  ) {
    // A private copy would have been written all at once when the container was created.
    this.createdAt = now();
  }

  resolve(path: string, cwd = '/'): string {
    return resolvePath(path, cwd);
  }

  private node(abs: string): LayerNode | undefined {
    const up = this.upper.get(abs);
    if (up !== undefined) return up ?? undefined;
    return this.lower.get(abs);
  }

  private set(abs: string, n: LayerNode): void {
    this.upper.set(abs, n);
  }

  private remove(abs: string): void {
    if (this.lower.has(abs)) this.upper.set(abs, null);
    else this.upper.delete(abs);
  }

  /** The parent must exist and be a directory, else ENOENT/ENOTDIR (as MemoryFS). */
  private checkParent(abs: string): void {
    const parent = this.node(dirname(abs));
    if (!parent) throw new FSError(ENOENT);
    if (parent.type !== 'dir') throw new FSError(ENOTDIR);
  }

  read(path: string, cwd?: string): string {
    const abs = this.resolve(path, cwd);
    if (abs === '/dev/null') return '';
    const n = this.node(abs);
    if (!n) throw new FSError(ENOENT);
    if (n.type === 'dir') throw new FSError(EISDIR);
    return n.data;
  }

  write(path: string, data: string, cwd?: string): void {
    const abs = this.resolve(path, cwd);
    if (abs === '/dev/null') return;
    const n = this.node(abs);
    if (n?.type === 'dir') throw new FSError(EISDIR);
    this.checkParent(abs);
    this.set(abs, { type: 'file', data, mtime: this.now(), mode: n?.mode ?? 0o644 });
  }

  append(path: string, data: string, cwd?: string): void {
    const abs = this.resolve(path, cwd);
    if (abs === '/dev/null') return;
    const n = this.node(abs);
    if (!n) return this.write(abs, data);
    if (n.type === 'dir') throw new FSError(EISDIR);
    // Copy-up: the lower layer's file is never changed.
    this.set(abs, { type: 'file', data: n.data + data, mtime: this.now(), mode: n.mode });
  }

  stat(path: string, cwd?: string): FileStat {
    const n = this.node(this.resolve(path, cwd));
    if (!n) throw new FSError(ENOENT);
    return { type: n.type, size: n.type === 'dir' ? 4096 : utf8Length(n.data), mtime: n.mtime ?? this.createdAt, mode: n.mode };
  }

  list(path: string, cwd?: string): string[] {
    const abs = this.resolve(path, cwd);
    const n = this.node(abs);
    if (!n) throw new FSError(ENOENT);
    if (n.type !== 'dir') throw new FSError(ENOTDIR);
    const prefix = abs === '/' ? '/' : abs + '/';
    const isChild = (p: string): boolean => p !== abs && p.startsWith(prefix) && !p.slice(prefix.length).includes('/');
    const names = new Set<string>();
    for (const p of this.lower.keys()) if (isChild(p) && this.upper.get(p) !== null) names.add(basename(p));
    for (const [p, up] of this.upper) if (up && isChild(p)) names.add(basename(p));
    return [...names].sort();
  }

  mkdir(path: string, opts: { parents?: boolean } = {}, cwd?: string): void {
    const abs = this.resolve(path, cwd);
    const existing = this.node(abs);
    if (existing) {
      if (opts.parents && existing.type === 'dir') return;
      throw new FSError(EEXIST);
    }
    if (opts.parents) {
      const parent = dirname(abs);
      if (parent !== abs && !this.node(parent)) this.mkdir(parent, opts);
    }
    this.checkParent(abs);
    this.set(abs, { type: 'dir', data: '', mtime: this.now(), mode: 0o755 });
  }

  rm(path: string, opts: { recursive?: boolean; force?: boolean } = {}, cwd?: string): void {
    const abs = this.resolve(path, cwd);
    const n = this.node(abs);
    if (!n) {
      if (opts.force) return;
      throw new FSError(ENOENT);
    }
    if (n.type === 'dir') {
      if (!opts.recursive) throw new FSError(EISDIR);
      const prefix = abs === '/' ? '/' : abs + '/';
      for (const p of [...this.upper.keys()]) if (p.startsWith(prefix)) this.remove(p);
      for (const p of this.lower.keys()) if (p.startsWith(prefix)) this.remove(p);
    }
    if (abs !== '/') this.remove(abs);
  }

  exists(path: string, cwd?: string): boolean {
    return this.node(this.resolve(path, cwd)) !== undefined;
  }
}
