import { describe, expect, it } from 'vitest';
import type { KubeObject, Pod } from '../../api/types.ts';
import { calculatePodRequests, getRawResourceReplicas, getResourceReplicas, ReplicaCalculationError } from './replicaCalculator.ts';

const NOW = Date.parse('2026-01-15T10:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');

/** pod is a Running pod started 10 minutes ago, Ready since then, requesting `cpu`. */
function pod(name: string, cpu = '200m', opts: { phase?: string; ready?: boolean; startedAgoMs?: number } = {}): Pod {
  const started = NOW - (opts.startedAgoMs ?? 600_000);
  return {
    metadata: { name, namespace: 'default' },
    spec: { containers: [{ name: 'app', resources: cpu ? { requests: { cpu } } : {} }] },
    status: {
      phase: opts.phase ?? 'Running',
      startTime: iso(started),
      conditions: [{ type: 'Ready', status: opts.ready === false ? 'False' : 'True', lastTransitionTime: iso(started + 5_000) }],
    },
  } as Pod;
}

function metrics(name: string, cpu: string): KubeObject {
  return {
    apiVersion: 'metrics.k8s.io/v1beta1',
    kind: 'PodMetrics',
    metadata: { name, namespace: 'default' },
    timestamp: iso(NOW - 5_000),
    window: '15s',
    containers: [{ name: 'app', usage: { cpu, memory: '10Mi' } }],
  } as unknown as KubeObject;
}

describe('HPA replica calculator (resource utilization)', () => {
  it('scales by the ratio of utilization to target, rounding up', () => {
    // 500m used of 200m requested is 250%; target 50% ⇒ ceil(1 × 5) = 5.
    const r = getResourceReplicas(1, 50, 'cpu', [pod('a')], [metrics('a', '500m')], NOW);
    expect(r).toEqual({ replicas: 5, utilization: 250, rawAverageMilli: 500, timestamp: NOW - 5_000 });
  });

  it('keeps the count within the 10% tolerance', () => {
    const pods = [pod('a'), pod('b')];
    expect(getResourceReplicas(2, 50, 'cpu', pods, [metrics('a', '105m'), metrics('b', '105m')], NOW).replicas).toBe(2);
    expect(getResourceReplicas(2, 50, 'cpu', pods, [metrics('a', '130m'), metrics('b', '130m')], NOW).replicas).toBe(3);
  });

  it('counts pods without metrics as 100% on scale down, dampening it', () => {
    // a uses 20% (ratio 0.4) alone ⇒ 1; with b counted at 100%: (40m+200m)/400m = 60% ⇒ ratio 1.2: no scale down.
    const r = getResourceReplicas(2, 50, 'cpu', [pod('a'), pod('b')], [metrics('a', '40m')], NOW);
    expect(r.replicas).toBe(2);
    expect(r.utilization).toBe(20);
  });

  it('counts unready pods as 0% on scale up', () => {
    // a at 250%; b pending ⇒ (500m + 0) / 400m = 125% ⇒ ratio 2.5 ⇒ ceil(2.5 × 2) = 5.
    const r = getResourceReplicas(2, 50, 'cpu', [pod('a'), pod('b', '200m', { phase: 'Pending' })], [metrics('a', '500m')], NOW);
    expect(r.replicas).toBe(5);
  });

  it('fails in upstream words', () => {
    expect(() => getResourceReplicas(1, 50, 'cpu', [pod('a')], [], NOW)).toThrow('no metrics returned from resource metrics API');
    expect(() => getResourceReplicas(1, 50, 'cpu', [pod('a', '')], [metrics('a', '5m')], NOW)).toThrow(
      new ReplicaCalculationError('missing request for cpu in container app of Pod a'),
    );
    expect(() => getResourceReplicas(1, 50, 'cpu', [pod('a', '200m', { ready: false, startedAgoMs: 10_000 })], [metrics('a', '5m')], NOW)).toThrow(
      'did not receive metrics for targeted pods (pods might be unready)',
    );
  });

  it('sums requests of sidecars and refuses a container without one', () => {
    const p = pod('a', '100m');
    (p.spec!.initContainers as unknown) = [{ name: 'log', restartPolicy: 'Always', resources: { requests: { cpu: '50m' } } }];
    expect(calculatePodRequests([p], 'cpu')).toEqual(new Map([['a', 150]]));
  });
});

describe('HPA replica calculator (average value)', () => {
  it('divides the average usage by the target value', () => {
    const r = getRawResourceReplicas(2, 100, 'cpu', [pod('a'), pod('b')], [metrics('a', '300m'), metrics('b', '100m')], NOW);
    expect(r).toEqual({ replicas: 4, rawAverageMilli: 200, timestamp: NOW - 5_000 });
  });
});
