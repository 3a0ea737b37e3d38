import { describe, expect, it } from 'vitest';
import { MemoryFS } from '../../../shell/memoryFS.ts';
import type { VirtualFS } from '../../../shell/types.ts';
import { imageLayer, OverlayFS } from './overlayFS.ts';

const populate = (fs: VirtualFS): void => {
  fs.mkdir('/etc/nginx/conf.d', { parents: true });
  fs.write('/etc/nginx/conf.d/default.conf', 'server {}\n');
  fs.write('/etc/os-release', 'ID=debian\n');
  fs.mkdir('/usr/share/nginx/html', { parents: true });
  fs.write('/usr/share/nginx/html/index.html', '<h1>Welcome to nginx!</h1>\n');
};

/** outcome runs an operation and records its result or errno text, so both filesystems can be compared. */
function outcome(f: () => unknown): unknown {
  try {
    return { ok: f() ?? null };
  } catch (e) {
    return { err: (e as Error).message };
  }
}

describe('OverlayFS', () => {
  it('behaves as a private MemoryFS populated with the image', () => {
    let t = 1000;
    const now = () => t;
    const mem = new MemoryFS(now);
    populate(mem);
    const layer = imageLayer(populate);
    const ovl = new OverlayFS(layer, now);
    t = 5000;
    const ops: ((fs: VirtualFS) => unknown)[] = [
      (fs) => fs.read('/etc/os-release'),
      (fs) => fs.read('/etc/nginx'),
      (fs) => fs.read('/nope'),
      (fs) => fs.list('/etc'),
      (fs) => fs.list('/etc/os-release'),
      (fs) => fs.stat('/usr/share/nginx/html/index.html'),
      (fs) => fs.write('/etc/os-release', 'ID=changed\n'),
      (fs) => fs.stat('/etc/os-release'),
      (fs) => fs.append('/usr/share/nginx/html/index.html', 'more\n'),
      (fs) => fs.read('/usr/share/nginx/html/index.html'),
      (fs) => fs.write('/missing/dir/file', 'x'),
      (fs) => fs.write('/etc/os-release/x', 'x'),
      (fs) => fs.mkdir('/etc'),
      (fs) => fs.mkdir('/var/lib/app', { parents: true }),
      (fs) => fs.write('/var/lib/app/data', 'é'),
      (fs) => fs.stat('/var/lib/app/data'),
      (fs) => fs.rm('/etc/nginx'),
      (fs) => fs.rm('/etc/nginx', { recursive: true }),
      (fs) => fs.exists('/etc/nginx/conf.d/default.conf'),
      (fs) => fs.list('/etc'),
      (fs) => fs.mkdir('/etc/nginx'),
      (fs) => fs.list('/etc/nginx'),
      (fs) => fs.rm('/etc/os-release'),
      (fs) => fs.rm('/etc/os-release'),
      (fs) => fs.rm('/etc/os-release', { force: true }),
      (fs) => fs.append('/etc/os-release', 'new\n'),
      (fs) => fs.stat('/etc/os-release'),
      (fs) => fs.read('/dev/null'),
      (fs) => fs.list('/'),
    ];
    for (const op of ops) expect(outcome(() => op(ovl))).toEqual(outcome(() => op(mem)));
    expect(outcome(() => ovl.stat('/etc/nginx'))).toEqual({ ok: { type: 'dir', size: 4096, mtime: 5000, mode: 0o755 } });
  });

  it('shares the image layer but not writes between containers', () => {
    const layer = imageLayer(populate);
    const a = new OverlayFS(layer, () => 0);
    const b = new OverlayFS(layer, () => 0);
    a.write('/etc/os-release', 'ID=a\n');
    a.rm('/usr/share/nginx/html', { recursive: true });
    expect(b.read('/etc/os-release')).toBe('ID=debian\n');
    expect(b.list('/usr/share/nginx/html')).toEqual(['index.html']);
    expect(a.exists('/usr/share/nginx/html/index.html')).toBe(false);
    expect(new OverlayFS(layer, () => 0).read('/etc/os-release')).toBe('ID=debian\n');
  });

  it('keeps behaving as a MemoryFS when its upper layer outgrows the small array (many writes, whiteouts)', () => {
    let t = 1000;
    const now = () => t;
    const mem = new MemoryFS(now);
    populate(mem);
    const ovl = new OverlayFS(imageLayer(populate), now);
    const ops: ((fs: VirtualFS) => unknown)[] = [];
    ops.push((fs) => fs.rm('/etc/os-release'));
    for (let i = 0; i < 40; i++) ops.push((fs) => fs.write(`/tmp/f${i}`, `data ${i}\n`));
    ops.push((fs) => fs.list('/tmp'), (fs) => fs.list('/etc'));
    for (let i = 0; i < 40; i += 3) ops.push((fs) => fs.rm(`/tmp/f${i}`));
    ops.push((fs) => fs.write('/etc/os-release', 'ID=back\n'));
    ops.push((fs) => fs.rm('/etc/nginx', { recursive: true }));
    ops.push((fs) => fs.list('/tmp'), (fs) => fs.list('/etc'), (fs) => fs.read('/tmp/f1'), (fs) => fs.read('/tmp/f3'));
    ops.push((fs) => fs.stat('/etc/os-release'), (fs) => fs.exists('/etc/nginx/conf.d'), (fs) => fs.list('/'));
    for (const op of ops) {
      t += 10;
      expect(outcome(() => op(ovl))).toEqual(outcome(() => op(mem)));
    }
  });

  it('writeLazy builds the file on first read, and reads as an eager write would', () => {
    let t = 1000;
    const now = () => t;
    const eager = new OverlayFS(imageLayer(populate), now);
    const lazy = new OverlayFS(imageLayer(populate), now);
    let builds = 0;
    eager.mkdir('/run/secrets', { parents: true });
    eager.write('/run/secrets/token', 'tok-é\n');
    lazy.writeLazy('/run/secrets/token', () => (builds++, 'tok-é\n'));
    expect(builds).toBe(0);
    t = 2000;
    const ops: ((fs: VirtualFS) => unknown)[] = [
      (fs) => fs.list('/run/secrets'),
      (fs) => fs.exists('/run/secrets/token'),
      (fs) => fs.stat('/run/secrets/token'),
      (fs) => fs.stat('/run/secrets'),
      (fs) => fs.read('/run/secrets/token'),
      (fs) => fs.append('/run/secrets/token', 'more\n'),
      (fs) => fs.read('/run/secrets/token'),
    ];
    for (const op of ops) expect(outcome(() => op(lazy))).toEqual(outcome(() => op(eager)));
    expect(builds).toBe(1);
    // Over an existing file it keeps write's semantics (mode kept); over a directory, EISDIR.
    lazy.writeLazy('/etc/os-release', () => 'ID=lazy\n');
    expect(lazy.read('/etc/os-release')).toBe('ID=lazy\n');
    expect(outcome(() => lazy.writeLazy('/etc/nginx', () => 'x'))).toEqual({ err: 'Is a directory' });
  });

  it('writeLazy takes a LazyText object, built once, over an existing file as write would', () => {
    const now = () => 1000;
    const eager = new OverlayFS(imageLayer(populate), now);
    const lazy = new OverlayFS(imageLayer(populate), now);
    let builds = 0;
    eager.write('/etc/os-release', 'ID=lazy\n');
    lazy.writeLazy('/etc/os-release', { text: () => (builds++, 'ID=lazy\n') });
    expect(builds).toBe(0);
    for (const op of [(fs: VirtualFS) => fs.stat('/etc/os-release'), (fs: VirtualFS) => fs.read('/etc/os-release'), (fs: VirtualFS) => fs.read('/etc/os-release')]) {
      expect(outcome(() => op(lazy))).toEqual(outcome(() => op(eager)));
    }
    expect(builds).toBe(1);
  });
});
