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

interface Node {
  type: 'file' | 'dir';
  data: string;
  mtime: number;
  mode: number;
}

/**
 * MemoryFS is the default VirtualFS: a flat map from absolute path to node.
 * `/dev/null` is special-cased by the interpreter's redirections, but reading
 * it here also works (empty). The clock is injected so mtimes stay deterministic.
 */
export class MemoryFS implements VirtualFS {
  private nodes = new Map<string, Node>();

  constructor(private readonly now: () => number = () => 0) {
    for (const d of ['/', '/root', '/tmp', '/etc', '/dev', '/home', '/var', '/usr', '/bin']) {
      this.nodes.set(d, { type: 'dir', data: '', mtime: now(), mode: 0o755 });
    }
    this.nodes.set('/dev/null', { type: 'file', data: '', mtime: now(), mode: 0o666 });
  }

  resolve(path: string, cwd = '/'): string {
    return resolvePath(path, cwd);
  }

  private node(path: string): Node | undefined {
    return this.nodes.get(path);
  }

  /** The parent must exist and be a directory, else ENOENT/ENOTDIR. */
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
    this.nodes.set(abs, { type: 'file', data, mtime: this.now(), mode: n?.mode ?? 0o644 });
  }

  append(path: string, data: string, cwd?: string): void {
    const abs = this.resolve(path, cwd);
    if (abs === '/dev/null') return;
    const n = this.node(abs);
    if (!n) return this.write(abs, data);
    if (n.type === 'dir') throw new FSError(EISDIR);
    n.data += data;
    n.mtime = this.now();
  }

  stat(path: string, cwd?: string): FileStat {
    const n = this.node(this.resolve(path, cwd));
    if (!n) throw new FSError(ENOENT);
    return { type: n.type, size: n.type === 'dir' ? 4096 : utf8Length(n.data), mtime: n.mtime, mode: n.mode };
  }

  list(path: string, cwd?: string): string[] {
    const abs = this.resolve(path, cwd);
    const n = this.node(abs);
    if (!n) throw new FSError(ENOENT);
    if (n.type !== 'dir') throw new FSError(ENOTDIR);
    const prefix = abs === '/' ? '/' : abs + '/';
    const names: string[] = [];
    for (const p of this.nodes.keys()) {
      if (p !== abs && p.startsWith(prefix) && !p.slice(prefix.length).includes('/')) names.push(basename(p));
    }
    return names.sort();
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
    this.nodes.set(abs, { type: 'dir', data: '', mtime: this.now(), mode: 0o755 });
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
      for (const p of [...this.nodes.keys()]) if (p.startsWith(prefix)) this.nodes.delete(p);
    }
    if (abs !== '/') this.nodes.delete(abs);
  }

  exists(path: string, cwd?: string): boolean {
    return this.nodes.has(this.resolve(path, cwd));
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
