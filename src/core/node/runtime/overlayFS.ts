/**
 * OverlayFS is a container's root filesystem as overlayfs gives it to a real container: the
 * image's layer is shared read-only between every container of that image, and only what a
 * container writes, appends or removes lives in its own upper layer (removals as whiteouts).
 * It behaves exactly as a private MemoryFS populated with the image's files would (same
 * errno texts, modes, sorted listings); it exists so thousands of pods do not each carry a
 * copy of nginx's files (heap per pod, bench/).
 */
import { MemoryFS, TreeFS, type FsNode, type NodeStore } from '../../../shell/memoryFS.ts';
import type { VirtualFS } from '../../../shell/types.ts';
import { internString } from './intern.ts';

/** ImageLayer is an image's immutable file tree, built once and shared by every container. */
export type ImageLayer = ReadonlyMap<string, FsNode>;

/** imageLayer captures a filesystem built by `populate` (into a fresh MemoryFS) as an immutable layer. */
export function imageLayer(populate: (fs: VirtualFS) => void): ImageLayer {
  const fs = new MemoryFS(() => 0);
  populate(fs);
  const layer = new Map<string, FsNode>();
  const walk = (path: string): void => {
    const st = fs.stat(path);
    // No mtime: the lower layer's files take each overlay's creation time.
    layer.set(path, { type: st.type, data: st.type === 'file' ? fs.read(path) : '', mode: st.mode });
    if (st.type === 'dir') for (const name of fs.list(path)) walk(path === '/' ? `/${name}` : `${path}/${name}`);
  };
  walk('/');
  return layer;
}

/**
 * SMALL_UPPER is how many changed paths an upper layer keeps in a flat array before it moves
 * to a Map: a container's own files are usually a handful (the kubelet's /etc/hosts, hostname
 * and resolv.conf, mount points, what its entrypoint rewrites), and a Map's hash table costs
 * ~1.5 KB where the array costs ~200 bytes; past that, lookups by scan would grow quadratic.
 */
const SMALL_UPPER = 16;

/**
 * OverlayStore is the two layers as one NodeStore: the upper layer holds this container's
 * changes, null being a whiteout (removed from the lower layer). The upper layer is a flat
 * `[path, node, path, node, ...]` array while small, a Map after; both keep insertion order.
 */
class OverlayStore implements NodeStore {
  private small: (string | FsNode | null)[] | undefined = [];
  private large: Map<string, FsNode | null> | undefined;

  constructor(private readonly lower: ImageLayer) {}

  /** upper returns this container's entry for path: a node, null (whiteout) or undefined (unchanged). */
  private upper(path: string): FsNode | null | undefined {
    const small = this.small;
    if (!small) return this.large!.get(path);
    for (let i = 0; i < small.length; i += 2) if (small[i] === path) return small[i + 1] as FsNode | null;
    return undefined;
  }

  private setUpper(path: string, node: FsNode | null): void {
    const small = this.small;
    if (!small) {
      this.large!.set(path, node);
      return;
    }
    for (let i = 0; i < small.length; i += 2) {
      if (small[i] === path) {
        small[i + 1] = node;
        return;
      }
    }
    if (small.length < SMALL_UPPER * 2) {
      // A new exactly sized array (concat; push or a spread would reserve spare slots for the
      // container's life); copying at most 32 pointers per new path is cheap. The path is
      // interned: every container of a pod template creates the same mount points and files.
      this.small = small.concat(internString(path), node);
      return;
    }
    const large = new Map<string, FsNode | null>();
    for (let i = 0; i < small.length; i += 2) large.set(small[i] as string, small[i + 1] as FsNode | null);
    large.set(path, node);
    this.large = large;
    this.small = undefined;
  }

  private deleteUpper(path: string): void {
    const small = this.small;
    if (!small) {
      this.large!.delete(path);
      return;
    }
    for (let i = 0; i < small.length; i += 2) {
      if (small[i] === path) {
        small.splice(i, 2);
        return;
      }
    }
  }

  private *upperEntries(): Iterable<[string, FsNode | null]> {
    const small = this.small;
    if (!small) {
      yield* this.large!;
      return;
    }
    for (let i = 0; i < small.length; i += 2) yield [small[i] as string, small[i + 1] as FsNode | null];
  }

  get(path: string): FsNode | undefined {
    const up = this.upper(path);
    if (up !== undefined) return up ?? undefined;
    return this.lower.get(path);
  }

  set(path: string, node: FsNode): void {
    this.setUpper(path, node);
  }

  delete(path: string): void {
    if (this.lower.has(path)) this.setUpper(path, null);
    else this.deleteUpper(path);
  }

  *keys(): Iterable<string> {
    for (const p of this.lower.keys()) if (this.upper(p) !== null) yield p;
    for (const [p, up] of this.upperEntries()) if (up && !this.lower.has(p)) yield p;
  }
}

/**
 * LazyText is a file text built on first read by an object rather than a closure: a class
 * instance holding only its inputs is ~half a closure with its context (and keeps no more of
 * them than it names), which matters for files every container has, such as /etc/hosts.
 */
export interface LazyText {
  /** text builds the file's content; called at most once per file. */
  text(): string;
}

/**
 * LazyFile is a file whose text is built on first read (stat, cat, append all read `data`).
 * For files most containers never open whose text is costly to make or keep, such as a pod's
 * service account token or its /etc/hosts: what a reader sees is exactly what an eager write
 * of the built text would show.
 */
class LazyFile implements FsNode {
  readonly type = 'file';
  private text: string | undefined;

  constructor(
    private build: (() => string) | LazyText | undefined,
    readonly mtime: number,
    readonly mode: number,
  ) {}

  get data(): string {
    if (this.text === undefined) {
      const b = this.build!;
      this.text = typeof b === 'function' ? b() : b.text();
      this.build = undefined;
    }
    return this.text;
  }
}

/**
 * OverlayFS is a writable view over a shared ImageLayer with MemoryFS's exact semantics (the
 * shell's TreeFS); `now` stamps writes, and the lower layer's files at creation.
 */
export class OverlayFS extends TreeFS {
  constructor(lower: ImageLayer, now: () => number) {
    // A private copy would have been written all at once when the container was created.
    super(new OverlayStore(lower), now, now());
  }

  /**
   * writeLazy is `mkdir -p` of the parent then `write(path, build())`, except that `build` runs
   * when the file is first read. Over an existing file the new one keeps its mode, as write
   * does; over a directory it is write's EISDIR.
   */
  writeLazy(path: string, build: (() => string) | LazyText): void {
    const abs = this.resolve(path);
    this.mkdir(abs.slice(0, abs.lastIndexOf('/')) || '/', { parents: true });
    const n = this.store.get(abs);
    if (n?.type === 'dir') return this.write(abs, typeof build === 'function' ? build() : build.text());
    this.store.set(abs, new LazyFile(build, this.now(), n?.mode ?? 0o644));
  }
}
