import { describe, expect, it } from 'vitest';
import { findUntoleratedTaint, toleratesTaint } from './tolerations.ts';

const taint = { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' };

describe('toleratesTaint (Toleration.ToleratesTaint)', () => {
  it('Exists with no key tolerates every taint; an effect must match when set', () => {
    expect(toleratesTaint({ operator: 'Exists' }, taint)).toBe(true);
    expect(toleratesTaint({ operator: 'Exists', effect: 'NoSchedule' }, taint)).toBe(false);
  });

  it('Equal (or no operator) compares values', () => {
    expect(toleratesTaint({ key: 'dedicated', value: 'gpu' }, { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' })).toBe(true);
    expect(toleratesTaint({ key: 'dedicated', operator: 'Equal', value: 'db' }, { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' })).toBe(false);
  });

  it('findUntoleratedTaint returns the first filtered taint nobody tolerates', () => {
    const taints = [
      { key: 'a', effect: 'PreferNoSchedule' },
      { key: 'b', effect: 'NoSchedule' },
    ];
    expect(findUntoleratedTaint(taints, [], (t) => t.effect !== 'PreferNoSchedule')?.key).toBe('b');
    expect(findUntoleratedTaint(taints, [{ key: 'b', operator: 'Exists' }], (t) => t.effect !== 'PreferNoSchedule')).toBeUndefined();
  });
});
