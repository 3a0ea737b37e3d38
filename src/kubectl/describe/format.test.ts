import { describe, expect, it } from 'vitest';
import { formatLabels, formatRFC1123Z, humanDuration, labelSelectorString } from './format.ts';

describe('humanDuration (apimachinery duration.HumanDuration)', () => {
  it.each([
    [-5000, '<invalid>'],
    [-1000, '0s'],
    [0, '0s'],
    [119_000, '119s'],
    [120_000, '2m'],
    [140_000, '2m20s'],
    [600_000, '10m'],
    [179 * 60_000, '179m'],
    [3 * 3_600_000, '3h'],
    [(5 * 60 + 3) * 60_000, '5h3m'],
    [47 * 3_600_000, '47h'],
    [(2 * 24 + 4) * 3_600_000, '2d4h'],
    [30 * 24 * 3_600_000, '30d'],
    [(3 * 365 + 30) * 24 * 3_600_000, '3y30d'],
    [9 * 365 * 24 * 3_600_000, '9y'],
  ])('%d ms → %s', (ms, expected) => expect(humanDuration(ms)).toBe(expected));
});

describe('formatting helpers', () => {
  it('prints RFC1123Z in UTC, and Go zero time when unset', () => {
    expect(formatRFC1123Z('2026-11-22T05:30:22Z')).toBe('Sun, 22 Nov 2026 05:30:22 +0000');
    expect(formatRFC1123Z(undefined)).toBe('Mon, 01 Jan 0001 00:00:00 +0000');
  });

  it('formats label maps sorted, <none> when empty', () => {
    expect(formatLabels({ b: '2', a: '1' })).toBe('a=1,b=2');
    expect(formatLabels({})).toBe('<none>');
  });

  it('renders selectors like labels.Selector.String()', () => {
    expect(
      labelSelectorString({
        matchLabels: { app: 'web' },
        matchExpressions: [
          { key: 'tier', operator: 'In', values: ['front', 'back'] },
          { key: 'canary', operator: 'DoesNotExist' },
        ],
      }),
    ).toBe('app=web,!canary,tier in (back,front)');
  });
});
