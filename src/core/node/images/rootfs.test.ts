import { describe, expect, it } from 'vitest';
import { MountedFS } from '../runtime/mountFS.ts';
import { imageLayer, OverlayFS } from '../runtime/overlayFS.ts';
import { defaultCatalog } from './defaultCatalog.ts';
import { createRootFS } from './rootfs.ts';

const image = (() => {
  const r = defaultCatalog().resolve('nginx:1.27');
  if (!r.ok) throw new Error(r.error.message);
  return r.image;
})();

/** view lists what a container sees around its mount points, with times and modes. */
function view(fs: MountedFS): unknown {
  return ['/var/run', '/var/run/secrets', '/var/run/secrets/kubernetes.io', '/data', '/data/sub'].map((p) => ({
    p,
    list: fs.list(p),
    stat: fs.stat(p),
  }));
}

describe('createRootFS mount points', () => {
  it('gives the same view as creating the mount points in the container layer', () => {
    let t = 1_000;
    const now = (): number => t;
    const mounts = (): { path: string; fs: OverlayFS }[] => [
      { path: '/var/run/secrets/kubernetes.io/serviceaccount', fs: new OverlayFS(imageLayer(() => {}), now) },
      { path: '/data/sub/', fs: new OverlayFS(imageLayer(() => {}), now) },
    ];
    const m1 = mounts();
    const shared = new MountedFS(createRootFS(image, now, m1.map((m) => m.path)), m1);
    const m2 = mounts();
    const own = new MountedFS(createRootFS(image, now), m2);
    t = 5_000;
    expect(view(shared)).toEqual(view(own));
  });

  it('does not leak one container\'s changes into the shared layer', () => {
    const now = (): number => 0;
    const a = createRootFS(image, now, ['/data/x']);
    const b = createRootFS(image, now, ['/data/x']);
    a.rm('/data', { recursive: true });
    a.write('/etc/new', 'a');
    expect(b.list('/data')).toEqual(['x']);
    expect(b.exists('/etc/new')).toBe(false);
  });
});
