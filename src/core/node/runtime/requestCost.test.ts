import { describe, expect, it } from 'vitest';
import { RuntimeHarness } from './testHarness.ts';

describe('CPU of served requests', () => {
  it('adds 0.2 ms per request over the last 10 s to what the program reports, within the limit', async () => {
    const h = new RuntimeHarness();
    const p = h.run('nginx', { limits: { cpuMilli: 10 } });
    await h.advance(1000);
    const idle = p.usage().cpuMilli;
    for (let i = 0; i < 200; i++) await h.get(p, 80, '/');
    // 200 × 0.2 ms in 10 s is 4 millicores.
    expect(p.usage().cpuMilli).toBe(idle + 4);
    for (let i = 0; i < 1000; i++) await h.get(p, 80, '/');
    expect(p.usage().cpuMilli).toBe(10);
    await h.advance(10_001);
    expect(p.usage().cpuMilli).toBe(idle);
  });
});
