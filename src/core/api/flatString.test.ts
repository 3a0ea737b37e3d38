import { describe, expect, it } from 'vitest';
import { flatString } from './flatString.ts';

describe('flatString', () => {
  it('returns the same characters for short, long and built strings', () => {
    expect(flatString('')).toBe('');
    expect(flatString('abc')).toBe('abc');
    const built = `${'web-788ff7b99b'}-${'4v5p7'}.${(123456789).toString(16)}`;
    expect(flatString(built)).toBe('web-788ff7b99b-4v5p7.75bcd15');
    expect(flatString('Successfully assigned default/web to node01')).toBe('Successfully assigned default/web to node01');
  });
});
