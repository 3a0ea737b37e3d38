import { describe, expect, it } from 'vitest';
import {
  checkFieldSelector,
  escapeFieldValue,
  fieldRequiresExactMatch,
  fieldSelectorToString,
  matchesFields,
  parseFieldSelector,
  unescapeFieldValue,
} from './fields.ts';

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    return (err as Error).message;
  }
  return '(no error)';
}

describe('parseFieldSelector', () => {
  it.each([
    ['status.phase=Running', 'status.phase=Running'],
    ['spec.nodeName!=node01,metadata.name==web', 'metadata.name=web,spec.nodeName!=node01'],
    ['a=b\\,c', 'a=b\\,c'],
    ['a=', 'a='],
    ['', ''],
    ['x=1,,y=2', 'x=1,y=2'],
  ])('%j → %j', (input, canonical) => {
    expect(fieldSelectorToString(parseFieldSelector(input))).toBe(canonical);
  });

  it('rejects terms without an operator and bad escapes in upstream words', () => {
    expect(errorOf(() => parseFieldSelector('status.phase'))).toBe(
      "invalid selector: 'status.phase'; can't understand 'status.phase'",
    );
    expect(errorOf(() => parseFieldSelector('a=b=c'))).toBe('invalid field selector: unescaped character in value: 61');
    expect(errorOf(() => parseFieldSelector('a=b\\x'))).toBe('invalid field selector: invalid escape sequence: \\x');
    expect(errorOf(() => parseFieldSelector('a=b\\'))).toBe('invalid field selector: invalid escape sequence: \\');
  });
});

describe('matchesFields', () => {
  const pod = { 'metadata.name': 'web', 'status.phase': 'Running', 'spec.nodeName': '' };
  it.each([
    ['status.phase=Running', true],
    ['status.phase!=Running', false],
    ['spec.nodeName=', true],
    ['spec.nodeName!=', false],
    ['metadata.namespace=', true],
    ['metadata.name=web,status.phase=Pending', false],
  ])('%j → %s', (sel, want) => {
    expect(matchesFields(parseFieldSelector(sel), pod)).toBe(want);
  });
});

describe('helpers', () => {
  it('escapes and unescapes values', () => {
    expect(escapeFieldValue('a,b=c\\d')).toBe('a\\,b\\=c\\\\d');
    expect(unescapeFieldValue('a\\,b\\=c\\\\d')).toBe('a,b=c\\d');
  });

  it('checks field labels per kind', () => {
    expect(errorOf(() => checkFieldSelector('foo=bar', ['status.phase']))).toBe('field label not supported: foo');
    expect(fieldRequiresExactMatch(checkFieldSelector('metadata.name=x,status.phase=Running', ['status.phase']), 'metadata.name')).toBe('x');
  });
});
