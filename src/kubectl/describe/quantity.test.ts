import { describe, expect, it } from 'vitest';
import { addQuantities, canonicalQuantity, milliValue, parseQuantity, quantityToString, quantityValue } from './quantity.ts';

describe('quantity canonical form (resource.Quantity.String)', () => {
  it.each([
    ['0.5', '500m'],
    ['1000m', '1'],
    ['1500m', '1500m'],
    ['100m', '100m'],
    ['2', '2'],
    ['1000', '1k'],
    ['1024Mi', '1Gi'],
    ['1.5Gi', '1536Mi'],
    ['4005124Ki', '4005124Ki'],
    ['37297826550', '37297826550'],
    ['129e6', '129e6'],
    ['512', '512'],
    ['1Ki', '1Ki'],
    ['0', '0'],
    ['0Mi', '0'],
  ])('%s → %s', (input, expected) => {
    expect(canonicalQuantity(input)).toBe(expected);
  });

  it('adds keeping the first non-zero format', () => {
    const sum = addQuantities(parseQuantity('70Mi'), parseQuantity('220Mi'));
    expect(quantityToString(sum)).toBe('290Mi');
    expect(quantityToString(addQuantities(parseQuantity('0'), parseQuantity('50Mi')))).toBe('50Mi');
  });

  it('rounds MilliValue and Value up', () => {
    expect(milliValue(parseQuantity('2'))).toBe(2000);
    expect(milliValue(parseQuantity('1n'))).toBe(1);
    expect(quantityValue(parseQuantity('3902724Ki'))).toBe(3996389376);
  });

  it('rejects malformed input', () => {
    expect(() => parseQuantity('12parsecs')).toThrow();
  });
});
