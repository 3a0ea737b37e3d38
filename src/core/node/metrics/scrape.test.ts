import { describe, expect, it } from 'vitest';
import { cpuQuantity, memoryQuantity, nodeSample, servedNode, servedPodContainers, type Scrape } from './scrape.ts';

const usage = (container: string, startedAt: number, cpuMilli = 5, memoryBytes = 3 * 1024 * 1024) => ({
  namespace: 'default', pod: 'web', container, startedAt, cpuMilli, memoryBytes,
});

describe('metrics-server samples', () => {
  it('serves a pod only after two scrapes of the same container run', () => {
    const first: Scrape = { time: 0, nodes: { node01: { cpuMilli: 20, memoryBytes: 1 } }, pods: { 'default/web': [usage('web', 100)] } };
    const second: Scrape = { time: 15_000, nodes: { node01: { cpuMilli: 25, memoryBytes: 1 } }, pods: { 'default/web': [usage('web', 100, 7)] } };
    expect(servedPodContainers(undefined, first, 'default/web')).toBeUndefined();
    expect(servedPodContainers(first, second, 'default/web')).toEqual([{ name: 'web', cpuMilli: 7, memoryBytes: 3 * 1024 * 1024 }]);
    expect(servedNode(undefined, first, 'node01')).toBeUndefined();
    expect(servedNode(first, second, 'node01')).toEqual({ cpuMilli: 25, memoryBytes: 1 });
  });

  it('drops a pod whose container restarted or whose sidecar is new', () => {
    const first: Scrape = { time: 0, nodes: {}, pods: { 'default/web': [usage('web', 100)] } };
    const restarted: Scrape = { time: 15_000, nodes: {}, pods: { 'default/web': [usage('web', 9_000)] } };
    const sidecar: Scrape = { time: 15_000, nodes: {}, pods: { 'default/web': [usage('web', 100), usage('log', 9_000)] } };
    expect(servedPodContainers(first, restarted, 'default/web')).toBeUndefined();
    expect(servedPodContainers(first, sidecar, 'default/web')).toBeUndefined();
  });

  it('adds containers to the node overhead', () => {
    expect(nodeSample(false, [usage('a', 0, 100, 1024)])).toEqual({ cpuMilli: 118, memoryBytes: 330 * 1024 * 1024 + 1024 });
  });

  it('renders quantities like metrics-server (nanocores, Ki)', () => {
    expect(cpuQuantity(0)).toBe('0');
    expect(cpuQuantity(1.5)).toBe('1500000n');
    expect(cpuQuantity(250)).toBe('250000000n');
    expect(memoryQuantity(3 * 1024 * 1024)).toBe('3072Ki');
    expect(memoryQuantity(1000)).toBe('1000');
    expect(memoryQuantity(0)).toBe('0');
  });
});
