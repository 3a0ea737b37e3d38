import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types.ts';
import { podTable } from './pods.ts';
import { toTable } from './toTable.ts';

const NOW = Date.parse('2024-05-01T12:00:00Z');
const ago = (seconds: number) => new Date(NOW - seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');

function pod(extra: { spec?: object; status?: object; metadata?: object }): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web', namespace: 'default', creationTimestamp: ago(200), ...extra.metadata },
    spec: { containers: [{ name: 'app', image: 'nginx' }], ...extra.spec },
    status: extra.status ?? {},
  };
}
const cells = (p: KubeObject) => toTable(podTable, [p], NOW).rows[0].cells;

describe('pod table', () => {
  it('prints a running pod with wide cells', () => {
    const p = pod({
      spec: { nodeName: 'node01' },
      status: {
        phase: 'Running',
        podIPs: [{ ip: '10.244.1.5' }],
        containerStatuses: [{ name: 'app', ready: true, restartCount: 0, state: { running: {} } }],
      },
    });
    expect(cells(p)).toEqual(['web', '1/1', 'Running', '0', '3m20s', '10.244.1.5', 'node01', '<none>', '<none>']);
  });

  it('shows CrashLoopBackOff and when the last restart happened', () => {
    const p = pod({
      status: {
        phase: 'Running',
        containerStatuses: [
          { name: 'app', ready: false, restartCount: 3, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 1, finishedAt: ago(300) } } },
        ],
      },
    });
    expect(cells(p).slice(1, 4)).toEqual(['0/1', 'CrashLoopBackOff', '3 (5m ago)']);
  });

  it('shows init progress, init failures and ExitCode', () => {
    const spec = { initContainers: [{ name: 'i1' }, { name: 'i2' }] };
    expect(cells(pod({ spec, status: { phase: 'Pending', initContainerStatuses: [{ name: 'i1', state: { running: {} } }, { name: 'i2', state: { waiting: { reason: 'PodInitializing' } } }] } }))[2]).toBe('Init:0/2');
    expect(cells(pod({ spec, status: { phase: 'Pending', initContainerStatuses: [{ name: 'i1', state: { terminated: { exitCode: 0 } } }, { name: 'i2', state: { waiting: { reason: 'ImagePullBackOff' } } }] } }))[2]).toBe('Init:ImagePullBackOff');
    expect(cells(pod({ spec, status: { phase: 'Pending', initContainerStatuses: [{ name: 'i1', state: { terminated: { exitCode: 2 } } }] } }))[2]).toBe('Init:ExitCode:2');
    expect(cells(pod({ status: { phase: 'Failed', containerStatuses: [{ name: 'app', state: { terminated: { exitCode: 137, signal: 9 } } }] } }))[2]).toBe('Signal:9');
  });

  it('marks completed pods with a row condition', () => {
    const table = toTable(podTable, [pod({ status: { phase: 'Succeeded', containerStatuses: [{ name: 'app', state: { terminated: { exitCode: 0, reason: 'Completed' } } }] } })], NOW);
    expect(table.rows[0].cells.slice(1, 3)).toEqual(['0/1', 'Completed']);
    expect(table.rows[0].conditions?.[0]).toMatchObject({ type: 'Completed', status: 'True', reason: 'Succeeded' });
  });

  it('shows Terminating, SchedulingGated and NodeLost overrides', () => {
    expect(cells(pod({ metadata: { deletionTimestamp: ago(1) }, status: { phase: 'Running' } }))[2]).toBe('Terminating');
    expect(cells(pod({ metadata: { deletionTimestamp: ago(1) }, status: { phase: 'Running', reason: 'NodeLost' } }))[2]).toBe('Unknown');
    expect(cells(pod({ status: { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] } }))[2]).toBe('SchedulingGated');
  });

  it('counts restartable init containers (sidecars) as containers', () => {
    const p = pod({
      spec: { initContainers: [{ name: 'proxy', restartPolicy: 'Always' }] },
      status: {
        phase: 'Running',
        conditions: [{ type: 'Initialized', status: 'True' }],
        initContainerStatuses: [{ name: 'proxy', started: true, ready: true, restartCount: 1, state: { running: {} } }],
        containerStatuses: [{ name: 'app', ready: true, restartCount: 0, state: { running: {} } }],
      },
    });
    expect(cells(p).slice(1, 4)).toEqual(['2/2', 'Running', '1']);
  });

  it('carries PartialObjectMetadata by default and the full object on request', () => {
    const p = pod({});
    expect(toTable(podTable, [p], NOW).rows[0].object).toEqual({ kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: p.metadata });
    expect(toTable(podTable, [p], NOW, { includeObject: 'Object' }).rows[0].object).toBe(p);
    expect(toTable(podTable, [p], NOW, { includeObject: 'None' }).rows[0].object).toBeUndefined();
  });
});
