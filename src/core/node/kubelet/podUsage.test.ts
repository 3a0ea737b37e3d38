import { describe, expect, it } from 'vitest';
import type { ContainerProcess } from '../runtime/process.ts';
import { containerNamed, type ContainerRecord, type PodRecord } from './podState.ts';
import { podUsages } from './podUsage.ts';

/** proc is the part of a ContainerProcess the usage walk reads. */
function proc(startedAt: number, use: { cpuMilli: number; memoryBytes: number }, running = true): ContainerProcess {
  return { running, startedAt, usage: () => ({ ...use }) } as unknown as ContainerProcess;
}

function record(key: string, containers: [string, ContainerProcess | undefined][]): PodRecord {
  const [namespace, name] = key.split('/') as [string, string];
  const records = containers.map(([n, process]) => ({ name: n, process }) as ContainerRecord);
  return { key, uid: 'u', namespace, name, startTime: 0, sandboxReadyAt: 0, containers: records };
}

function collect(records: PodRecord[]): [string, readonly unknown[]][] {
  const out: [string, readonly unknown[]][] = [];
  podUsages(records, (key, usage) => out.push([key, usage]));
  return out;
}

describe('podUsages', () => {
  it('lists running containers by pod, and gives the same list while nothing changed', () => {
    const web = record('default/web-1', [['web', proc(5, { cpuMilli: 1, memoryBytes: 10 })], ['side', proc(6, { cpuMilli: 0, memoryBytes: 5 }, false)]]);
    const idle = record('default/idle', [['c', undefined]]);
    const first = collect([web, idle]);
    expect(first).toEqual([['default/web-1', [{ namespace: 'default', pod: 'web-1', container: 'web', startedAt: 5, cpuMilli: 1, memoryBytes: 10 }]]]);
    const second = collect([web, idle]);
    expect(second[0]![1]).toBe(first[0]![1]);
    // A usage change, a restart (new start time) or another running container builds a new list.
    containerNamed(web, 'web')!.process = proc(5, { cpuMilli: 2, memoryBytes: 10 });
    const third = collect([web]);
    expect(third[0]![1]).not.toBe(first[0]![1]);
    expect(third[0]![1]).toEqual([{ namespace: 'default', pod: 'web-1', container: 'web', startedAt: 5, cpuMilli: 2, memoryBytes: 10 }]);
    containerNamed(web, 'side')!.process = proc(7, { cpuMilli: 0, memoryBytes: 5 });
    expect(collect([web])[0]![1].map((u) => (u as { container: string }).container)).toEqual(['web', 'side']);
    containerNamed(web, 'web')!.process = proc(9, { cpuMilli: 2, memoryBytes: 10 });
    expect((collect([web])[0]![1][0] as { startedAt: number }).startedAt).toBe(9);
    // No running container: no entry.
    containerNamed(web, 'web')!.process = undefined;
    containerNamed(web, 'side')!.process = undefined;
    expect(collect([web])).toEqual([]);
  });
});
