/**
 * createRootFS gives a container a fresh root filesystem with its image's files: every
 * container starts from the image, and a restart starts from it again (writes outside
 * volumes are lost, as with a real container's writable layer). The image's files are one
 * shared read-only layer per image version and variant (overlayfs), built on first use.
 */
import { imageLayer, OverlayFS, type ImageLayer } from '../runtime/overlayFS.ts';
import type { VirtualFS } from '../runtime/types.ts';
import type { ResolvedImage } from './catalog.ts';
import type { ImageDefinition } from './definition.ts';

/** layers caches each image definition's layers by version and variant (populate is deterministic in them). */
const layers = new WeakMap<ImageDefinition, Map<string, ImageLayer>>();

/** createRootFS returns the image's filesystem; `now` stamps file times (the cluster Clock). */
export function createRootFS(image: ResolvedImage, now: () => number): VirtualFS {
  return new OverlayFS(layerFor(image), now);
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
