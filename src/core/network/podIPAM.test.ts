import { describe, expect, it } from 'vitest';
import { PodIPAM } from './podIPAM.ts';

describe('PodIPAM (host-local)', () => {
  it('hands out .2, .3, ... and continues after the last address, skipping taken ones', () => {
    const ipam = new PodIPAM();
    expect(['a', 'b', 'c'].map((uid) => ipam.allocate('n1', '10.244.1.0/24', uid))).toEqual(['10.244.1.2', '10.244.1.3', '10.244.1.4']);
    ipam.release('n1', 'b');
    expect(ipam.allocate('n1', '10.244.1.0/24', 'd')).toBe('10.244.1.5');
    expect(ipam.allocate('n1', '10.244.1.0/24', 'a')).toBe('10.244.1.2');
  });

  it('fills a /24 with 253 pods and then reports host-local\'s error', () => {
    const ipam = new PodIPAM();
    for (let i = 0; i < 253; i++) ipam.allocate('n1', '10.244.1.0/24', `p${i}`);
    expect(() => ipam.allocate('n1', '10.244.1.0/24', 'one-more')).toThrow('failed to allocate for range 0: no IP addresses available in range set: 10.244.1.0/24');
    ipam.release('n1', 'p7');
    expect(ipam.allocate('n1', '10.244.1.0/24', 'one-more')).toBe('10.244.1.9');
  });

  it('uses the whole range of a larger node CIDR (--node-cidr-mask-size=23)', () => {
    const ipam = new PodIPAM();
    let last = '';
    for (let i = 0; i < 300; i++) last = ipam.allocate('n1', '10.244.2.0/23', `p${i}`);
    expect(last).toBe('10.244.3.45');
  });

  it('keeps taken addresses across save and load', () => {
    const ipam = new PodIPAM();
    ipam.allocate('n1', '10.244.1.0/24', 'a');
    ipam.allocate('n1', '10.244.1.0/24', 'b');
    const restored = new PodIPAM();
    restored.load(JSON.parse(JSON.stringify(ipam.save())));
    restored.release('n1', 'a');
    expect(restored.allocate('n1', '10.244.1.0/24', 'c')).toBe('10.244.1.4');
  });
});
