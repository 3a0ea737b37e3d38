import { describe, expect, it } from 'vitest';
import {
  formatLabels,
  formatLabelSelector,
  labelSelectorString,
  matches,
  parseSelector,
  requiresExactMatch,
  selectorFromLabelSelector,
  selectorFromSet,
  selectorToString,
  validatedSelectorFromSet,
} from './labels.ts';

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    return (err as Error).message;
  }
  return '(no error)';
}

const nameRegexMsg =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

describe('parseSelector', () => {
  it.each([
    ['a=b', 'a=b'],
    ['a==b', 'a==b'],
    ['a!=b', 'a!=b'],
    ['x in (foo,,baz),y,z notin ()', 'x in (,baz,foo),y,z notin ()'],
    ['  b  in (y, x) , a ', 'a,b in (x,y)'],
    ['!c,a', 'a,!c'],
    ['a=', 'a='],
    ['in in (in,notin)', 'in in (in,notin)'],
    ['a>1,b<2', 'a>1,b<2'],
    ['example.com/app=web', 'example.com/app=web'],
    ['a in (x,,y)', 'a in (,x,y)'],
    ['', ''],
  ])('parses %j into canonical %j', (input, canonical) => {
    expect(selectorToString(parseSelector(input))).toBe(canonical);
  });

  // Messages observed from kubectl v1.32 (`kubectl set selector --local`), which runs labels.Parse.
  it.each([
    ['a b', 'unable to parse requirement: found \'b\', expected: in, notin, =, ==, !=, gt, lt'],
    ['a in (x', "unable to parse requirement: found '', expected: ',' or ')'"],
    [
      'a=-b',
      "unable to parse requirement: values[0][a]: Invalid value: \"-b\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    ],
    ['a in x', "unable to parse requirement: found 'x' expected: '('"],
    ['a,', "found '', expected: identifier after ','"],
    ['a=(b)', "unable to parse requirement: found '(', expected: identifier"],
    ['=', "found '=', expected: !, identifier, or 'end of string'"],
    ['a=b c', "found 'c', expected: ',' or 'end of string'"],
    ['a in (b c)', "unable to parse requirement: found 'c', expected: ',' or ')'"],
    ['a==b==c', "found '==', expected: ',' or 'end of string'"],
    ['!a=b', "found '=', expected: ',' or 'end of string'"],
    ['-a', `unable to parse requirement: <nil>: Invalid value: "-a": ${nameRegexMsg}`],
    ['a_', `unable to parse requirement: <nil>: Invalid value: "a_": ${nameRegexMsg}`],
    [
      'a/b/c',
      "unable to parse requirement: <nil>: Invalid value: \"a/b/c\": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ],
    ['a<x', 'unable to parse requirement: values[0]: Invalid value: "x": for \'Gt\', \'Lt\' operators, the value must be an integer'],
    ['(a)', "found '(', expected: !, identifier, or 'end of string'"],
    [
      'Example.com/x=y',
      "unable to parse requirement: <nil>: Invalid value: \"Example.com/x\": prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    ],
    ['a in (x))', "found ')', expected: ',' or 'end of string'"],
    ['a,,b', "found ',', expected: identifier after ','"],
    ['!', "unable to parse requirement: found '', expected: identifier"],
    ['!!a', "unable to parse requirement: found '!', expected: identifier"],
    ['a=b=c', "found '=', expected: ',' or 'end of string'"],
    ['a'.repeat(64), `unable to parse requirement: <nil>: Invalid value: "${'a'.repeat(64)}": name part must be no more than 63 characters`],
  ])('rejects %j with upstream text', (input, message) => {
    expect(errorOf(() => parseSelector(input))).toBe(message);
  });
});

describe('matches', () => {
  const labels = { app: 'web', tier: 'frontend', replicas: '3' };
  it.each([
    ['', true],
    ['app=web', true],
    ['app==web,tier=frontend', true],
    ['app=db', false],
    ['app!=db', true],
    ['missing!=x', true],
    ['app in (web,db)', true],
    ['app notin (web)', false],
    ['missing notin (x)', true],
    ['app', true],
    ['!app', false],
    ['!missing', true],
    ['replicas>2', true],
    ['replicas<3', false],
    ['app>1', false],
  ])('%j → %s', (sel, want) => {
    expect(matches(parseSelector(sel), labels)).toBe(want);
  });
});

describe('LabelSelector helpers', () => {
  it('orders matchLabels and matchExpressions by key and sorts values on output', () => {
    const sel = selectorFromLabelSelector({
      matchLabels: { tier: 'fe', app: 'web' },
      matchExpressions: [
        { key: 'env', operator: 'NotIn', values: ['prod', 'dev'] },
        { key: 'zone', operator: 'Exists' },
        { key: 'legacy', operator: 'DoesNotExist' },
      ],
    });
    expect(selectorToString(sel)).toBe('app=web,env notin (dev,prod),!legacy,tier=fe,zone');
    expect(matches(sel, { app: 'web', tier: 'fe', zone: 'a', env: 'qa' })).toBe(true);
    expect(matches(sel, { app: 'web', tier: 'fe', zone: 'a', legacy: '' })).toBe(false);
  });

  it('treats nil as nothing and empty as everything', () => {
    expect(matches(selectorFromLabelSelector(undefined), {})).toBe(false);
    expect(matches(selectorFromLabelSelector({}), { a: 'b' })).toBe(true);
  });

  it('reports bad operators and empty In values in upstream words', () => {
    expect(() => selectorFromLabelSelector({ matchExpressions: [{ key: 'a', operator: 'Foo' }] })).toThrow(
      '"Foo" is not a valid label selector operator',
    );
    expect(() => selectorFromLabelSelector({ matchExpressions: [{ key: 'a', operator: 'In' }] })).toThrow(
      "values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty",
    );
    expect(() => selectorFromLabelSelector({ matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x'] }] })).toThrow(
      'values: Invalid value: []string{"x"}: values set must be empty for exists and does not exist',
    );
  });

  it('formats selectors for wide SELECTOR columns', () => {
    expect(formatLabelSelector({ matchLabels: { app: 'web' } })).toBe('app=web');
    expect(formatLabelSelector({})).toBe('<none>');
    expect(formatLabelSelector(undefined)).toBe('<none>');
    expect(formatLabelSelector({ matchExpressions: [{ key: 'a', operator: 'Bad' }] })).toBe('<error>');
    expect(formatLabelSelector({ matchExpressions: [{ key: 'a', operator: 'In', values: ['y', 'x'] }] })).toBe('a in (x,y)');
  });

  it('formats label maps', () => {
    expect(formatLabels({ b: '2', a: '1' })).toBe('a=1,b=2');
    expect(formatLabels({})).toBe('<none>');
    expect(formatLabels(undefined)).toBe('<none>');
  });

  it('sorts label pairs as whole strings, as labels.Set.String() does', () => {
    expect(formatLabels({ app: 'y', 'app.kubernetes.io/name': 'x' })).toBe('app.kubernetes.io/name=x,app=y');
  });

  it('labelSelectorString drops errors to ""', () => {
    expect(labelSelectorString({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['b', 'a'] }] })).toBe(
      'app=web,tier notin (a,b)',
    );
    expect(labelSelectorString(undefined)).toBe('');
    expect(labelSelectorString({ matchExpressions: [{ key: 'a', operator: 'Bad' }] })).toBe('');
  });

  it('builds selectors from sets', () => {
    const sel = selectorFromSet({ tier: 'fe', app: 'web' });
    expect(selectorToString(sel)).toBe('app=web,tier=fe');
    expect(requiresExactMatch(sel, 'app')).toBe('web');
    expect(requiresExactMatch(parseSelector('app!=web'), 'app')).toBeUndefined();
    expect(() => validatedSelectorFromSet({ a: '-' })).toThrow('values[0][a]: Invalid value: "-"');
  });
});
