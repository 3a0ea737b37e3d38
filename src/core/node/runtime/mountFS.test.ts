import { describe, expect, it } from 'vitest';
import { MemoryFS } from '../../../shell/memoryFS.ts';
import { MountedFS } from './mountFS.ts';
import { ContainerLog, rfc3339Nano } from './containerLog.ts';

describe('MountedFS', () => {
  it('routes paths to mounts, honours subPath and read-only mounts', () => {
    const root = new MemoryFS();
    const volume = new MemoryFS();
    const config = new MemoryFS();
    config.write('/app.conf', 'debug=true\n');
    const fs = new MountedFS(root, [
      { path: '/data', fs: volume, subPath: 'web' },
      { path: '/etc/app', fs: config, readOnly: true },
    ]);
    fs.write('/data/x.txt', 'x');
    expect(volume.read('/web/x.txt')).toBe('x');
    expect(root.exists('/data/x.txt')).toBe(false);
    expect(fs.read('/etc/app/app.conf')).toBe('debug=true\n');
    expect(() => fs.write('/etc/app/app.conf', 'no')).toThrow('Read-only file system');
    expect(() => fs.rm('/data', { recursive: true })).toThrow('Device or resource busy');
    expect(fs.list('/')).toContain('data');
    expect(fs.list('/etc')).toEqual(['app']);
    expect(fs.read('x.txt', '/data')).toBe('x');
  });
});

describe('ContainerLog', () => {
  it('buffers partial lines, stamps them with the clock and flushes the rest', () => {
    let now = Date.UTC(2024, 11, 10, 10, 0, 0, 123);
    const log = new ContainerLog({ now: () => now });
    log.write('hel', 'stdout');
    now += 1000;
    log.write('lo\nwor', 'stdout');
    log.write('oops\n', 'stderr');
    log.flush();
    expect(log.lines().map((l) => [l.stream, l.line])).toEqual([['stdout', 'hello'], ['stderr', 'oops'], ['stdout', 'wor']]);
    expect(log.text({ timestamps: true }).split('\n')[0]).toBe('2024-12-10T10:00:01.123000000Z hello');
    expect(rfc3339Nano(Date.UTC(2024, 0, 2, 3, 4, 5))).toBe('2024-01-02T03:04:05.000000000Z');
  });
});
