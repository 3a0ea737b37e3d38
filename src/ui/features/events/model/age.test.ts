import { describe, expect, it } from 'vitest';
import { humanAge } from './age.ts';

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;

describe('humanAge (duration.HumanDuration)', () => {
  it('matches kubectl at each boundary', () => {
    expect(humanAge(-5 * s)).toBe('<invalid>');
    expect(humanAge(-500)).toBe('0s');
    expect(humanAge(0)).toBe('0s');
    expect(humanAge(119 * s)).toBe('119s');
    expect(humanAge(2 * m)).toBe('2m');
    expect(humanAge(3 * m + 20 * s)).toBe('3m20s');
    expect(humanAge(12 * m + 5 * s)).toBe('12m');
    expect(humanAge(179 * m)).toBe('179m');
    expect(humanAge(5 * h + 3 * m)).toBe('5h3m');
    expect(humanAge(7 * h)).toBe('7h');
    expect(humanAge(47 * h)).toBe('47h');
    expect(humanAge(3 * d + 4 * h)).toBe('3d4h');
    expect(humanAge(30 * d)).toBe('30d');
    expect(humanAge(800 * d)).toBe('2y70d');
    expect(humanAge(9 * 365 * d)).toBe('9y');
  });
});
