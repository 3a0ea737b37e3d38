import { describe, expect, it } from 'vitest';
import { printNodeMetrics, printPodMetrics } from './topPrinter.ts';

const nodes = [
  { metadata: { name: 'node01' }, usage: { cpu: '27000000n', memory: '405504Ki' } },
  { metadata: { name: 'controlplane' }, usage: { cpu: '129000000n', memory: '1203200Ki' } },
];
const allocatable = new Map([
  ['controlplane', { cpu: '2', memory: '3929856Ki' }],
  ['node01', { cpu: '2', memory: '3929856Ki' }],
  ['node02', { cpu: '2', memory: '3929856Ki' }],
]);

describe('kubectl top printer', () => {
  it('prints nodes by name with percentages of allocatable and <unknown> for nodes without metrics', () => {
    expect(printNodeMetrics(nodes, allocatable, { noHeaders: false, sortBy: '' })).toBe(
      'NAME           CPU(cores)   CPU(%)      MEMORY(bytes)   MEMORY(%)   \n' +
        'controlplane   129m         6%          1175Mi          30%         \n' +
        'node01         27m          1%          396Mi           10%         \n' +
        'node02         <unknown>    <unknown>   <unknown>       <unknown>   \n',
    );
  });

  it('sorts nodes by memory, largest first, without headers', () => {
    const out = printNodeMetrics([...nodes].reverse(), new Map(), { noHeaders: true, sortBy: 'memory' });
    expect(out.split('\n')[0].startsWith('controlplane')).toBe(true);
  });

  it('prints pods with namespace, containers and the --sum line', () => {
    const pods = [
      { metadata: { name: 'web', namespace: 'default' }, containers: [{ name: 'web', usage: { cpu: '1500000n', memory: '6144Ki' } }, { name: 'log', usage: { cpu: '0', memory: '512Ki' } }] },
      { metadata: { name: 'db', namespace: 'default' }, containers: [{ name: 'db', usage: { cpu: '20000000n', memory: '40960Ki' } }] },
    ];
    expect(printPodMetrics(pods, { containers: false, withNamespace: true, noHeaders: false, sortBy: '', sum: true })).toBe(
      'NAMESPACE   NAME   CPU(cores)   MEMORY(bytes)   \n' +
        'default     db     20m          40Mi            \n' +
        // 1.5m rounds up (MilliValue), 6.5Mi truncates.
        'default     web    2m           6Mi             \n' +
        '                   ________     ________        \n' +
        '                   22m          46Mi            \n',
    );
    expect(printPodMetrics(pods, { containers: true, withNamespace: false, noHeaders: false, sortBy: 'cpu', sum: false })).toBe(
      'POD   NAME   CPU(cores)   MEMORY(bytes)   \n' +
        'db    db     20m          40Mi            \n' +
        'web   web    2m           6Mi             \n' +
        'web   log    0m           0Mi             \n',
    );
  });

  it('prints nothing for no metrics', () => {
    expect(printPodMetrics([], { containers: false, withNamespace: false, noHeaders: false, sortBy: '', sum: false })).toBe('');
  });
});
