/**
 * createRootFS gives a container a fresh root filesystem with its image's files: every
 * container starts from the image, and a restart starts from it again (writes outside
 * volumes are lost, as with a real container's writable layer). The image's files are one
 * shared read-only layer per image version and variant (overlayfs), built on first use.
 */
import type { FsNode } from '../../../shell/memoryFS.ts';
import { dirname, normalizePath } from '../../../shell/paths.ts';
import { imageLayer, OverlayFS, type ImageLayer } from '../runtime/overlayFS.ts';
import type { VirtualFS } from '../runtime/types.ts';
import type { ResolvedImage } from './catalog.ts';
import type { ImageDefinition } from './definition.ts';

/** layers caches each image definition's layers by version and variant (populate is deterministic in them). */
const layers = new WeakMap<ImageDefinition, Map<string, ImageLayer>>();

/**
 * createRootFS returns the image's filesystem; `now` stamps file times (the cluster Clock).
 * `mountPoints` are the container's volume mount paths: the directories the runtime creates
 * for them (MountedFS) come with the lower layer, shared by every container of the same image
 * and mounts, instead of being written into each container's own layer. They read the same:
 * a lower layer's nodes take the overlay's creation time, the instant the runtime would have
 * created them, and mode 0755.
 */
export function createRootFS(image: ResolvedImage, now: () => number, mountPoints: readonly string[] = []): VirtualFS {
  return new OverlayFS(withMountPoints(layerFor(image), mountPoints), now);
}

/** withLayers caches image layers extended with mount-point directories, by the directories and by the mount paths as written. */
const withLayers = new WeakMap<ImageLayer, Map<string, ImageLayer>>();
/** WITH_LAYERS_MAX bounds each image's cache (one entry per distinct set of mount paths). */
const WITH_LAYERS_MAX = 64;
const MOUNT_POINT: FsNode = Object.freeze({ type: 'dir', data: '', mode: 0o755 });

function withMountPoints(base: ImageLayer, mountPoints: readonly string[]): ImageLayer {
  if (mountPoints.length === 0) return base;
  let cache = withLayers.get(base);
  if (!cache) withLayers.set(base, (cache = new Map()));
  // The paths as written are the usual key (every replica has the same volumeMounts).
  const writtenKey = `w\u0000${mountPoints.join('\u0000')}`;
  const asWritten = cache.get(writtenKey);
  if (asWritten) return asWritten;
  const missing = new Set<string>();
  for (const m of mountPoints) {
    const dirs: string[] = [];
    let p = normalizePath(m);
    while (p !== '/' && !base.has(p)) {
      dirs.push(p);
      p = dirname(p);
    }
    // A path under a file fails in MountedFS as it always did: leave it to it.
    if (base.get(p)?.type !== 'dir') continue;
    for (const d of dirs) missing.add(d);
  }
  const dirs = [...missing].sort();
  const key = `d\u0000${dirs.join('\u0000')}`;
  let layer = missing.size === 0 ? base : cache.get(key);
  if (!layer) {
    const extended = new Map(base);
    for (const d of dirs) extended.set(d, MOUNT_POINT);
    layer = extended;
  }
  if (cache.size >= WITH_LAYERS_MAX) cache.clear();
  if (layer !== base) cache.set(key, layer);
  cache.set(writtenKey, layer);
  return layer;
}

function layerFor(image: ResolvedImage): ImageLayer {
  let byVersion = layers.get(image.definition);
  if (!byVersion) layers.set(image.definition, (byVersion = new Map()));
  const key = `${image.version}\u0000${image.variant}`;
  let layer = byVersion.get(key);
  if (!layer) {
    layer = imageLayer((fs) => {
      for (const dir of ['/proc', '/sys', '/run', '/srv', '/opt', '/mnt', '/usr/local/bin', '/var/log', '/var/tmp', '/sbin', '/usr/bin', '/usr/sbin']) {
        fs.mkdir(dir, { parents: true });
      }
      image.definition.populate?.(fs, image.version, image.variant);
    });
    byVersion.set(key, layer);
  }
  return layer;
}
