/**
 * createRootFS gives a container a fresh root filesystem with its image's files: every
 * container starts from the image, and a restart starts from it again (writes outside
 * volumes are lost, as with a real container's writable layer).
 */
import { MemoryFS } from '../../../shell/memoryFS.ts';
import type { VirtualFS } from '../runtime/types.ts';
import type { ResolvedImage } from './catalog.ts';

/** createRootFS builds the image's filesystem; `now` stamps file times (the cluster Clock). */
export function createRootFS(image: ResolvedImage, now: () => number): VirtualFS {
  const fs = new MemoryFS(now);
  for (const dir of ['/proc', '/sys', '/run', '/srv', '/opt', '/mnt', '/usr/local/bin', '/var/log', '/var/tmp', '/sbin', '/usr/bin', '/usr/sbin']) {
    fs.mkdir(dir, { parents: true });
  }
  image.definition.populate?.(fs, image.version, image.variant);
  return fs;
}
