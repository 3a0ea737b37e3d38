import { describe, expect, it } from 'vitest';
import type { Pod } from '../api/types.ts';
import { podRequests } from './resources.ts';

const pod = (spec: object) => ({ metadata: { name: 'p' }, spec }) as unknown as Pod;

describe('podRequests', () => {
  it('sums containers, takes the larger init container and adds overhead', () => {
    const r = podRequests(
      pod({
        containers: [{ name: 'a', resources: { requests: { cpu: '250m', memory: '64Mi' } } }, { name: 'b', resources: { requests: { cpu: '250m' } } }],
        initContainers: [{ name: 'init', resources: { requests: { cpu: '1', memory: '16Mi' } } }],
        overhead: { cpu: '10m' },
      }),
    );
    expect(r.milliCPU).toBe(1010);
    expect(r.memory).toBe(64 * 1024 * 1024);
  });

  it('adds sidecars (restartPolicy Always init containers) to the running sum', () => {
    const r = podRequests(
      pod({
        containers: [{ name: 'a', resources: { requests: { cpu: '500m' } } }],
        initContainers: [{ name: 'sidecar', restartPolicy: 'Always', resources: { requests: { cpu: '200m' } } }],
      }),
    );
    expect(r.milliCPU).toBe(700);
  });

  it('counts missing requests as 100m / 200Mi only for scoring', () => {
    const p = pod({ containers: [{ name: 'a' }] });
    expect(podRequests(p).milliCPU).toBe(0);
    expect(podRequests(p, true)).toMatchObject({ milliCPU: 100, memory: 200 * 1024 * 1024 });
  });
});
