import { describe, expect, it } from 'vitest';
import { MemoryFS } from '../../../shell/memoryFS.ts';
import type { Pod } from '../../api/types.ts';
import { imageLayer, OverlayFS } from '../runtime/overlayFS.ts';
import { hostsFile, writePodFiles } from './podFiles.ts';

const pod = (spec: Record<string, unknown>): Pod =>
  ({ metadata: { name: 'web-1', namespace: 'shop' }, spec: { containers: [], ...spec } }) as unknown as Pod;

describe('writePodFiles', () => {
  it('an overlay root reads the same files as an eager write, /etc/hosts built when read', () => {
    for (const p of [pod({}), pod({ hostname: 'h', subdomain: 'sub', hostAliases: [{ ip: '10.1.2.3', hostnames: ['a', 'b'] }] })]) {
      const overlay = new OverlayFS(imageLayer(() => undefined), () => 5);
      const memory = new MemoryFS(() => 5);
      writePodFiles(overlay, p, '10.244.0.7', 'nameserver 10.96.0.10\n');
      writePodFiles(memory, p, '10.244.0.7', 'nameserver 10.96.0.10\n');
      for (const f of ['/etc/hosts', '/etc/hostname', '/etc/resolv.conf']) {
        expect(overlay.stat(f)).toEqual(memory.stat(f));
        expect(overlay.read(f)).toBe(memory.read(f));
      }
      expect(overlay.read('/etc/hosts')).toBe(hostsFile(p, '10.244.0.7'));
    }
    expect(hostsFile(pod({ subdomain: 'sub' }), '10.0.0.1')).toContain('10.0.0.1\tweb-1.sub.shop.svc.cluster.local\tweb-1\n');
  });
});
