import { describe, expect, it } from 'vitest';
import { DecisionDetail } from './decisionDetail.ts';

describe('DecisionDetail', () => {
  it('keeps small integer scores as 32-bit integers and anything else as the doubles computed', () => {
    const detail = new DecisionDetail(['A']);
    expect(detail.keepScores(Float64Array.of(1, 2, 300, -4, 7), 4)).toEqual(Int32Array.of(1, 2, 300, -4));
    for (const odd of [0.5, -0, 2 ** 31, Number.NaN]) {
      const kept = detail.keepScores(Float64Array.of(1, odd), 2);
      expect(kept).toBeInstanceOf(Float64Array);
      expect(Object.is(kept[1], odd)).toBe(true);
    }
  });

  it('builds node records from the kept buffer: totals first, then each plugin at its offsets', () => {
    const detail = new DecisionDetail(['F1', 'F2']);
    detail.filtered('n1', undefined);
    detail.filtered('n2', { index: 1, status: { code: 'Unschedulable', reasons: ['no'] } });
    detail.filtered('n3', undefined);
    // two feasible nodes: totals [30, 12.5], plugin P raw [1, 2] normalized [10, 5] (weight 3)
    detail.scored('P', 3, 2, 4);
    detail.keepScores(Float64Array.of(30, 12.5, 1, 2, 10, 5), 6);
    const nodes = detail.materialize();
    expect(nodes.map((n) => [n.node, n.feasible, n.total])).toEqual([
      ['n1', true, 30],
      ['n2', false, undefined],
      ['n3', true, 12.5],
    ]);
    expect(nodes[2].scores).toEqual([{ plugin: 'P', raw: 2, normalized: 5, weight: 3, weighted: 15 }]);
  });
});
