import { basename, dirname, resolvePath } from './paths.ts';
import type { FileStat, VirtualFS } from './types.ts';

/** FSError is thrown by MemoryFS; its message is the errno text, as coreutils prints it. */
export class FSError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FSError';
  }
}

/** ENOENT and friends: the strerror texts glibc prints. */
export const ENOENT = 'No such file or directory';
export const EISDIR = 'Is a directory';
export const ENOTDIR = 'Not a directory';
export const EEXIST = 'File exists';
export const ENOTEMPTY = 'Directory not empty';

/** FsNode is one file or directory. `mtime` may be absent in a shared layer (see TreeFS's fallback). */
export interface FsNode {
  readonly type: 'file' | 'dir';
  readonly data: string;
  readonly mtime?: number;
  readonly mode: number;
}

/**
 * SHARED_NODE_MAX_TEXT and SHARED_NODES_MAX bound fileNode's table: short texts only (the
 * table keeps them alive until it is cleared), a few hundred of them.
 */
const SHARED_NODE_MAX_TEXT = 4096;
const SHARED_NODES_MAX = 256;
const sharedNodes = new Map<string, FsNode>();

/**
 * fileNode is the stored node of a written file. Stored nodes are never changed (every write
 * stores a new one), so a write of the same short text at the same time with the same mode
 * reuses the node made last for that text: containers started in the same instant write the
 * same files (a namespace's resolv.conf, an entrypoint's rewritten config), one node for all
 * instead of ~70 bytes each (bench/heapProfile.ts).
 */
function fileNode(data: string, mtime: number, mode: number): FsNode {
  if (data.length > SHARED_NODE_MAX_TEXT) return { type: 'file', data, mtime, mode };
  const last = sharedNodes.get(data);
  if (last && last.mtime === mtime && last.mode === mode) return last;
  const node: FsNode = Object.freeze({ type: 'file', data, mtime, mode });
  if (sharedNodes.size >= SHARED_NODES_MAX) sharedNodes.clear();
  sharedNodes.set(data, node);
  return node;
}

/** NodeStore is where a TreeFS keeps its nodes, by absolute path (a Map is one). */
export interface NodeStore {
  get(path: string): FsNode | undefined;
  set(path: string, node: FsNode): void;
  delete(path: string): void;
  keys(): Iterable<string>;
}

/**
 * TreeFS is the VirtualFS semantics (errno texts, modes, sorted listings, `/dev/null`) over any
 * NodeStore. MemoryFS keeps its nodes in a Map; core's OverlayFS keeps them in layers.
 */
export class TreeFS implements VirtualFS {
  constructor(
    protected readonly store: NodeStore,
    protected readonly now: () => number,
    /** fallbackMtime stamps nodes stored without an mtime. */
    private readonly fallbackMtime: number = 0,
  ) {}

  resolve(path: string, cwd = '/'): string {
    return resolvePath(path, cwd);
  }

  /** The parent must exist and be a directory, else ENOENT/ENOTDIR. */
  private checkParent(abs: string): void {
    const parent = this.store.get(dirname(abs));
    if (!parent) throw new FSError(ENOENT);
    if (parent.type !== 'dir') throw new FSError(ENOTDIR);
  }

  read(path: string, cwd?: string): string {
    const abs = this.resolve(path, cwd);
    if (abs === '/dev/null') return '';
    const n = this.store.get(abs);
    if (!n) throw new FSError(ENOENT);
    if (n.type === 'dir') throw new FSError(EISDIR);
    return n.data;
  }

  write(path: string, data: string, cwd?: string): void {
    const abs = this.resolve(path, cwd);
    if (abs === '/dev/null') return;
    const n = this.store.get(abs);
    if (n?.type === 'dir') throw new FSError(EISDIR);
    this.checkParent(abs);
    this.store.set(abs, fileNode(data, this.now(), n?.mode ?? 0o644));
  }

  append(path: string, data: string, cwd?: string): void {
    const abs = this.resolve(path, cwd);
    if (abs === '/dev/null') return;
    const n = this.store.get(abs);
    if (!n) return this.write(abs, data);
    if (n.type === 'dir') throw new FSError(EISDIR);
    // A new node rather than a change in place: a shared layer's nodes are never mutated.
    this.store.set(abs, { type: 'file', data: n.data + data, mtime: this.now(), mode: n.mode });
  }

  stat(path: string, cwd?: string): FileStat {
    const n = this.store.get(this.resolve(path, cwd));
    if (!n) throw new FSError(ENOENT);
    return { type: n.type, size: n.type === 'dir' ? 4096 : utf8Length(n.data), mtime: n.mtime ?? this.fallbackMtime, mode: n.mode };
  }

  list(path: string, cwd?: string): string[] {
    const abs = this.resolve(path, cwd);
    const n = this.store.get(abs);
    if (!n) throw new FSError(ENOENT);
    if (n.type !== 'dir') throw new FSError(ENOTDIR);
    const prefix = abs === '/' ? '/' : abs + '/';
    const names: string[] = [];
    for (const p of this.store.keys()) {
      if (p !== abs && p.startsWith(prefix) && !p.slice(prefix.length).includes('/')) names.push(basename(p));
    }
    return names.sort();
  }

  mkdir(path: string, opts: { parents?: boolean } = {}, cwd?: string): void {
    const abs = this.resolve(path, cwd);
    const existing = this.store.get(abs);
    if (existing) {
      if (opts.parents && existing.type === 'dir') return;
      throw new FSError(EEXIST);
    }
    if (opts.parents) {
      const parent = dirname(abs);
      if (parent !== abs && !this.store.get(parent)) this.mkdir(parent, opts);
    }
    this.checkParent(abs);
    this.store.set(abs, { type: 'dir', data: '', mtime: this.now(), mode: 0o755 });
  }

  rm(path: string, opts: { recursive?: boolean; force?: boolean } = {}, cwd?: string): void {
    const abs = this.resolve(path, cwd);
    const n = this.store.get(abs);
    if (!n) {
      if (opts.force) return;
      throw new FSError(ENOENT);
    }
    if (n.type === 'dir') {
      if (!opts.recursive) throw new FSError(EISDIR);
      const prefix = abs === '/' ? '/' : abs + '/';
      for (const p of [...this.store.keys()]) if (p.startsWith(prefix)) this.store.delete(p);
    }
    if (abs !== '/') this.store.delete(abs);
  }

  exists(path: string, cwd?: string): boolean {
    return this.store.get(this.resolve(path, cwd)) !== undefined;
  }
}

/**
 * MemoryFS is the default VirtualFS: a flat map from absolute path to node.
 * `/dev/null` is special-cased by the interpreter's redirections, but reading
 * it here also works (empty). The clock is injected so mtimes stay deterministic.
 */
export class MemoryFS extends TreeFS {
  constructor(now: () => number = () => 0) {
    super(new Map<string, FsNode>(), now);
    for (const d of ['/', '/root', '/tmp', '/etc', '/dev', '/home', '/var', '/usr', '/bin']) {
      this.store.set(d, { type: 'dir', data: '', mtime: now(), mode: 0o755 });
    }
    this.store.set('/dev/null', { type: 'file', data: '', mtime: now(), mode: 0o666 });
  }
}

/** utf8Length counts bytes the way `wc -c` and `ls -l` do. */
export function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/** fsErrorText returns the errno text of a thrown FS error (or its message). */
export function fsErrorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
