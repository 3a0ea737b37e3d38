import { describe, expect, it } from 'vitest';
import { CronParseError, parseStandardCron } from './cron.ts';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

function parseError(spec: string): string {
  try {
    parseStandardCron(spec);
  } catch (err) {
    expect(err).toBeInstanceOf(CronParseError);
    return (err as Error).message;
  }
  throw new Error(`${spec} parsed`);
}

describe('parseStandardCron', () => {
  it('computes the next activation strictly after a time', () => {
    expect(iso(parseStandardCron('*/1 * * * *').next(at('2026-01-15T09:10:00Z')))).toBe('2026-01-15T09:11:00.000Z');
    expect(iso(parseStandardCron('*/15 * * * *').next(at('2026-01-15T09:10:30Z')))).toBe('2026-01-15T09:15:00.000Z');
    expect(iso(parseStandardCron('0 3 * * 1').next(at('2026-01-15T09:10:00Z')))).toBe('2026-01-19T03:00:00.000Z'); // next Monday
    expect(iso(parseStandardCron('30 8 1 jan,JUL *').next(at('2026-01-15T00:00:00Z')))).toBe('2026-07-01T08:30:00.000Z');
    expect(iso(parseStandardCron('5-10/5 * * * *').next(at('2026-01-15T09:05:00Z')))).toBe('2026-01-15T09:10:00.000Z');
  });

  it('ORs day-of-month and day-of-week when both are restricted, ANDs them when one is a star', () => {
    // 2026-01-15 is a Thursday: "on the 20th or on Fridays" fires on Friday the 16th.
    expect(iso(parseStandardCron('0 0 20 * fri').next(at('2026-01-15T00:00:00Z')))).toBe('2026-01-16T00:00:00.000Z');
    expect(iso(parseStandardCron('0 0 20 * *').next(at('2026-01-15T00:00:00Z')))).toBe('2026-01-20T00:00:00.000Z');
  });

  it('knows the descriptors and @every', () => {
    expect(iso(parseStandardCron('@hourly').next(at('2026-01-15T09:10:00Z')))).toBe('2026-01-15T10:00:00.000Z');
    expect(iso(parseStandardCron('@daily').next(at('2026-01-15T09:10:00Z')))).toBe('2026-01-16T00:00:00.000Z');
    expect(iso(parseStandardCron('@weekly').next(at('2026-01-15T09:10:00Z')))).toBe('2026-01-18T00:00:00.000Z');
    expect(iso(parseStandardCron('@every 90s').next(at('2026-01-15T09:10:00Z')))).toBe('2026-01-15T09:11:30.000Z');
  });

  it('reads the schedule in a time zone', () => {
    // 09:00 in New York in January is 14:00 UTC.
    expect(iso(parseStandardCron('0 9 * * *', 'America/New_York').next(at('2026-01-15T12:00:00Z')))).toBe('2026-01-15T14:00:00.000Z');
    expect(iso(parseStandardCron('CRON_TZ=Europe/Paris 0 9 * * *').next(at('2026-01-15T12:00:00Z')))).toBe('2026-01-16T08:00:00.000Z');
  });

  it("fails with robfig/cron's messages", () => {
    expect(parseError('bad')).toBe('expected exactly 5 fields, found 1: [bad]');
    expect(parseError('* * * *')).toBe('expected exactly 5 fields, found 4: [* * * *]');
    expect(parseError('61 * * * *')).toBe('end of range (61) above maximum (59): 61');
    expect(parseError('* * 0 * *')).toBe('beginning of range (0) below minimum (1): 0');
    expect(parseError('5-1 * * * *')).toBe('beginning of range (5) beyond end of range (1): 5-1');
    expect(parseError('*/0 * * * *')).toBe('step of range should be a positive number: */0');
    expect(parseError('x * * * *')).toBe('failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax');
    expect(parseError('1-2-3 * * * *')).toBe('too many hyphens: 1-2-3');
    expect(parseError('@fortnightly')).toBe('unrecognized descriptor: @fortnightly');
    expect(parseError('')).toBe('empty spec string');
  });
});
