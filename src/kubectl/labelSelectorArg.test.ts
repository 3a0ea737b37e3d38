import { describe, expect, it } from 'vitest';
import { goRequirements, parseToLabelSelector } from './labelSelectorArg.ts';

describe('parseToLabelSelector', () => {
  it('puts equality terms in matchLabels and set terms in sorted matchExpressions', () => {
    expect(parseToLabelSelector('app=web,tier==fe')).toEqual({ matchLabels: { app: 'web', tier: 'fe' }, matchExpressions: [] });
    const sel = parseToLabelSelector('b,!a,c notin (y,x),d in (z)');
    expect(sel.matchLabels).toEqual({});
    expect(goRequirements(sel.matchExpressions)).toBe('[{a DoesNotExist []} {b Exists []} {c NotIn [x y]} {d In [z]}]');
  });

  it('fails with ParseToLabelSelector wording', () => {
    expect(() => parseToLabelSelector('a!=b')).toThrow('error: "!=" is not a valid label selector operator');
    expect(() => parseToLabelSelector('a>1')).toThrow('error: "gt" isn\'t supported in label selectors');
    expect(() => parseToLabelSelector('a b')).toThrow(
      'error: couldn\'t parse the selector string "a b": unable to parse requirement: found \'b\', expected: in, notin, =, ==, !=, gt, lt',
    );
  });
});
