import { describe, expect, it } from 'vitest';
import { fitErrorMessage, reasonHistogram } from './fitError.ts';
import { unresolvable, unschedulable } from './types.ts';

describe('FitError message', () => {
  it('counts reasons per node and sorts the "<n> <reason>" strings', () => {
    const statuses = [unschedulable('Insufficient cpu', 'Insufficient memory'), unschedulable('Insufficient cpu'), unresolvable('node(s) were unschedulable')];
    expect(reasonHistogram(statuses)).toEqual(['1 Insufficient memory', '1 node(s) were unschedulable', '2 Insufficient cpu']);
  });

  it('nests the preemption FitError, which is why real messages end with ".."', () => {
    const inner = fitErrorMessage({ numAllNodes: 1, nodeStatuses: [unresolvable('No preemption victims found for incoming pod')] });
    expect(fitErrorMessage({ numAllNodes: 1, nodeStatuses: [unschedulable('Insufficient cpu')], postFilterMsg: `preemption: ${inner}` })).toBe(
      '0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod..',
    );
  });

  it('uses the PreFilter message instead of per-node reasons', () => {
    expect(fitErrorMessage({ numAllNodes: 3, nodeStatuses: [unschedulable('x')], preFilterMsg: 'persistentvolumeclaim "data" not found' })).toBe(
      '0/3 nodes are available: persistentvolumeclaim "data" not found.',
    );
  });
});
