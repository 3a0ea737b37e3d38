import { describe, expect, it } from 'vitest';
import { canonicalQuantity, parseQuantity, Quantity } from './quantity.ts';

const formatError =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

// Every pair below was observed with kubectl v1.32
// (`kubectl set resources --local --limits=memory=<in> -o json`), which round-trips resource.Quantity.
const observed: Array<[string, string]> = [
  ['0.5', '500m'], ['1.5', '1500m'], ['1024Mi', '1Gi'], ['1000M', '1G'], ['1e3', '1e3'], ['1E3', '1E3'],
  ['+1', '+1'], ['01', '01'], ['100m', '100m'], ['1000m', '1'], ['0.1m', '100u'], ['1n', '1n'],
  ['0.0000000001', '1n'], ['1.5Gi', '1536Mi'], ['0.5Gi', '512Mi'], ['512Ki', '512Ki'], ['1000Ki', '1000Ki'],
  ['1024Ki', '1Mi'], ['1Ki', '1Ki'], ['0.5Ki', '512'], ['1.5e3', '1500'], ['12e-1', '1200e-3'],
  ['1200m', '1200m'], ['10000', '10k'], ['1M', '1M'], ['1000k', '1M'], ['2048', '2048'], ['3Gi', '3Gi'],
  ['1536Mi', '1536Mi'], ['0.001', '1m'], ['1u', '1u'], ['1.000', '1'], ['-1', '-1'], ['1k', '1k'],
  ['123456789', '123456789'], ['5e-9', '5e-9'], ['1e19', '10e18'], ['1e21', '1e21'], ['100Mi', '100Mi'],
  ['8Mi', '8Mi'], ['2e2', '200'], ['1.1Ki', '1126400m'], ['1Ei', '1Ei'], ['8Ei', '9223372036854775807'],
  ['0', '0'], ['0m', '0'],
];

describe('Quantity.parse + toString', () => {
  it.each(observed)('%s serialises as %s', (input, want) => {
    expect(canonicalQuantity(input)).toBe(want);
  });

  it.each([
    ['1Gb', formatError],
    ['abc', formatError],
    ['', formatError],
    ['1.2.3', formatError],
    ['1mm', "unable to parse quantity's suffix"],
    ['1e', "unable to parse quantity's suffix"],
  ])('rejects %j: %s', (input, message) => {
    expect(() => parseQuantity(input)).toThrow(message);
  });

  it('accepts JSON numbers', () => {
    expect(canonicalQuantity(0.25)).toBe('250m');
    expect(canonicalQuantity(2)).toBe('2');
  });
});

describe('Quantity arithmetic', () => {
  it('reads value and milliValue rounded away from zero', () => {
    expect(parseQuantity('100m').milliValue()).toBe(100);
    expect(parseQuantity('1.5').milliValue()).toBe(1500);
    expect(parseQuantity('128Mi').value()).toBe(134217728);
    expect(parseQuantity('100m').value()).toBe(1);
    expect(parseQuantity('1u').milliValue()).toBe(1);
    expect(parseQuantity('-100m').value()).toBe(-1);
  });

  it('compares and adds', () => {
    expect(parseQuantity('1Gi').cmp(parseQuantity('1G'))).toBe(1);
    expect(parseQuantity('1000m').equal(parseQuantity('1'))).toBe(true);
    expect(parseQuantity('500m').add(parseQuantity('1500m')).toString()).toBe('2');
    expect(parseQuantity('1Gi').sub(parseQuantity('512Mi')).toString()).toBe('512Mi');
    expect(Quantity.fromValue(0).add(parseQuantity('1Ki')).format).toBe('BinarySI');
    expect(Quantity.fromMilli(250).toString()).toBe('250m');
    expect(Quantity.fromValue(4 * 1024 * 1024 * 1024, 'BinarySI').toString()).toBe('4Gi');
  });

  it('serialises through JSON.stringify as a string', () => {
    expect(JSON.stringify({ cpu: parseQuantity('0.5') })).toBe('{"cpu":"500m"}');
  });
});
