import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../core/api/types.ts';
import { podStatus } from './podStatus.ts';

const NOW = Date.UTC(2026, 0, 1);

function pod(status: Record<string, unknown>, meta: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default', ...meta }, spec: { containers: [{ name: 'c', image: 'nginx' }] }, status } as KubeObject;
}

describe('podStatus', () => {
  it('is the phase for a plain running pod', () => {
    expect(podStatus(pod({ phase: 'Running', containerStatuses: [{ name: 'c', ready: true, restartCount: 0, state: { running: {} } }] }), NOW)).toBe('Running');
  });
  it('shows the waiting reason of a container', () => {
    expect(podStatus(pod({ phase: 'Pending', containerStatuses: [{ name: 'c', ready: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } }] }), NOW)).toBe('ContainerCreating');
    expect(podStatus(pod({ phase: 'Running', containerStatuses: [{ name: 'c', ready: false, restartCount: 3, state: { waiting: { reason: 'CrashLoopBackOff' } } }] }), NOW)).toBe('CrashLoopBackOff');
  });
  it('is Terminating once a deletionTimestamp is set', () => {
    const p = pod({ phase: 'Running', containerStatuses: [{ name: 'c', ready: true, restartCount: 0, state: { running: {} } }] }, { deletionTimestamp: '2026-01-01T00:00:00Z' });
    expect(podStatus(p, NOW)).toBe('Terminating');
  });
  it('is Completed for a pod whose containers exited 0', () => {
    expect(podStatus(pod({ phase: 'Succeeded', containerStatuses: [{ name: 'c', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } }] }), NOW)).toBe('Completed');
  });
  it('is Error for a pod whose container exited non-zero, as a failed Job pod shows', () => {
    expect(podStatus(pod({ phase: 'Failed', containerStatuses: [{ name: 'c', ready: false, restartCount: 0, state: { terminated: { exitCode: 1, reason: 'Error' } } }] }), NOW)).toBe('Error');
  });
  it('counts init containers while they run (Init:0/1)', () => {
    const p = pod({ phase: 'Pending', initContainerStatuses: [{ name: 'init', ready: false, restartCount: 0, state: { running: {} } }], containerStatuses: [{ name: 'c', ready: false, restartCount: 0, state: { waiting: { reason: 'PodInitializing' } } }] });
    (p as unknown as { spec: Record<string, unknown> }).spec.initContainers = [{ name: 'init', image: 'busybox' }];
    expect(podStatus(p, NOW)).toBe('Init:0/1');
  });
  it('is Pending for an unscheduled pod', () => {
    expect(podStatus(pod({ phase: 'Pending' }), NOW)).toBe('Pending');
  });
});
