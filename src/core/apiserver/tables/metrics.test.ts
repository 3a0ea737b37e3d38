import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types.ts';
import { nodeMetricsTable, podMetricsTable } from './metrics.ts';

describe('metrics-server tables', () => {
  it('sums a pod over its containers in canonical quantities, with the window', () => {
    const pod = {
      metadata: { name: 'web', namespace: 'default' },
      window: '15s',
      containers: [
        { name: 'a', usage: { cpu: '1500000n', memory: '3072Ki' } },
        { name: 'b', usage: { cpu: '500000n', memory: '1024Ki' } },
      ],
    } as unknown as KubeObject;
    expect(podMetricsTable.row(pod, 0)).toEqual(['web', '2m', '4Mi', '15s']);
    expect(podMetricsTable.columns.map((c) => c.name)).toEqual(['Name', 'cpu', 'memory', 'Window']);
  });

  it('prints a node usage', () => {
    const node = { metadata: { name: 'node01' }, window: '15s', usage: { cpu: '27000000n', memory: '405504Ki' } } as unknown as KubeObject;
    expect(nodeMetricsTable.row(node, 0)).toEqual(['node01', '27m', '396Mi', '15s']);
  });
});
