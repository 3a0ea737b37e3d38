import { describe, expect, it } from 'vitest';
import { MemoryFS } from './memoryFS.ts';
describe('MemoryFS shared file nodes', () => {
  it('filesystems writing the same text at the same time stay independent', () => {
    let t = 1000;
    const a = new MemoryFS(() => t);
    const b = new MemoryFS(() => t);
    a.write('/etc/resolv.conf', 'nameserver 10.96.0.10\n');
    b.write('/etc/resolv.conf', 'nameserver 10.96.0.10\n');
    expect(b.stat('/etc/resolv.conf')).toEqual(a.stat('/etc/resolv.conf'));
    a.append('/etc/resolv.conf', 'options ndots:5\n');
    b.rm('/etc/resolv.conf');
    expect(a.read('/etc/resolv.conf')).toBe('nameserver 10.96.0.10\noptions ndots:5\n');
    expect(b.exists('/etc/resolv.conf')).toBe(false);
    t = 2000;
    b.write('/etc/resolv.conf', 'nameserver 10.96.0.10\n');
    expect(b.stat('/etc/resolv.conf').mtime).toBe(2000);
    expect(a.stat('/etc/resolv.conf').mtime).toBe(1000);
  });
});
