import { describe, expect, it } from 'vitest';
import { nodeDecision } from './decisionDetail.ts';
import { filterNames, firstRejection, newContext, runPreFilters, type Profile } from './filters.ts';
import { nodeInfo, pod } from './plugins/testNodes.ts';
import { SKIP, unschedulable, type FilterPlugin } from './types.ts';

describe('Filter plugins skipped by PreFilter', () => {
  it('are not called, and rejections keep their position in the profile', () => {
    const calls: string[] = [];
    const plugin = (name: string, skip: boolean, reject: boolean): FilterPlugin => ({
      name,
      preFilter: () => (skip ? SKIP : undefined),
      filter: () => {
        calls.push(name);
        return reject ? unschedulable(`${name} says no`) : undefined;
      },
    });
    const profile: Profile = { filters: [plugin('A', false, false), plugin('B', true, true), plugin('C', false, true)], scores: [] };
    const n = nodeInfo('n1');
    const ctx = newContext([n]);
    expect(runPreFilters(profile, ctx, pod('p'))).toBeUndefined();
    expect(ctx.skippedFilters).toEqual([false, true, false]);
    const rejection = firstRejection(profile, ctx, pod('p'), n);
    expect(calls).toEqual(['A', 'C']);
    expect(rejection).toEqual({ index: 2, status: { code: 'Unschedulable', reasons: ['C says no'], plugin: 'C' } });
    // The node's record still shows the skipped plugin as passed.
    expect(nodeDecision(filterNames(profile), 'n1', rejection).filters.map((f) => [f.plugin, f.code])).toEqual([
      ['A', 'Success'],
      ['B', 'Success'],
      ['C', 'Unschedulable'],
    ]);
  });
});
