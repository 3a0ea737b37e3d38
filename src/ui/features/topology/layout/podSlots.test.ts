import { describe, expect, it } from 'vitest';
import { PodSlots } from './podSlots.ts';

describe('PodSlots', () => {
  it('keeps pods in their slots and gives a new pod the lowest free one', () => {
    const s = new PodSlots();
    expect([...s.assign('n1', ['a', 'b', 'c'])]).toEqual([['a', 0], ['b', 1], ['c', 2]]);
    expect([...s.assign('n1', ['a', 'c'])]).toEqual([['a', 0], ['c', 2]]);
    expect([...s.assign('n1', ['a', 'c', 'd', 'e'])]).toEqual([['a', 0], ['c', 2], ['d', 1], ['e', 3]]);
  });

  it('grows rows at once but shrinks them only when two are spare', () => {
    const s = new PodSlots();
    // Two pods a row (POD_COLS).
    s.assign('n1', ['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(s.rowsOf('n1')).toBe(4);
    s.assign('n1', ['a', 'b', 'c', 'd', 'e']);
    expect(s.rowsOf('n1')).toBe(4);
    s.assign('n1', ['a']);
    expect(s.rowsOf('n1')).toBe(1);
  });
});
