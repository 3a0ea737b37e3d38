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
 * OverlayStore is the two layers as one NodeStore: `upper` holds this container's changes,
 * null being a whiteout (removed from the lower layer).
 */
class OverlayStore implements NodeStore {
  private readonly upper = new Map<string, FsNode | null>();

  constructor(private readonly lower: ImageLayer) {}

  get(path: string): FsNode | undefined {
    const up = this.upper.get(path);
    if (up !== undefined) return up ?? undefined;
    return this.lower.get(path);
  }

  set(path: string, node: FsNode): void {
    this.upper.set(path, node);
  }

  delete(path: string): void {
    if (this.lower.has(path)) this.upper.set(path, null);
    else this.upper.delete(path);
  }

  *keys(): Iterable<string> {
    for (const p of this.lower.keys()) if (this.upper.get(p) !== null) yield p;
    for (const [p, up] of this.upper) if (up && !this.lower.has(p)) yield p;
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
}
