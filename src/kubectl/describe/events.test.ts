import { describe, expect, it } from 'vitest';
import type { Event } from 'kubernetes-types/core/v1';
import { describeEvents, eventAge } from './events.ts';
import { tabbedString } from './prefixWriter.ts';

const now = Date.parse('2026-11-22T05:40:22Z');
const ev = (e: Partial<Event>): Event => ({ metadata: {}, involvedObject: {}, ...e }) as Event;

describe('event ages (DescribeEvents)', () => {
  it('shows a single event by its first time', () => {
    expect(eventAge(ev({ firstTimestamp: '2026-11-22T05:35:22Z', count: 1 }), now)).toBe('5m');
  });
  it('shows repeats as "last (xN over first)"', () => {
    expect(eventAge(ev({ firstTimestamp: '2026-11-22T05:35:22Z', lastTimestamp: '2026-11-22T05:38:22Z', count: 3 }), now)).toBe(
      '2m (x3 over 5m)',
    );
  });
  it('uses eventTime and series for events.k8s.io-style events', () => {
    const e = ev({ eventTime: '2026-11-22T05:30:22.000000Z', series: { count: 4, lastObservedTime: '2026-11-22T05:39:22.000000Z' } });
    expect(eventAge(e, now)).toBe('60s (x4 over 10m)');
  });
  it('prints <invalid> for times in the future and <unknown> when unset', () => {
    expect(eventAge(ev({ firstTimestamp: '2026-11-22T05:40:30Z' }), now)).toBe('<invalid>');
    expect(eventAge(ev({}), now)).toBe('<unknown>');
  });
  it('prints Events:  <none> for an empty list', () => {
    expect(tabbedString((w) => describeEvents([], w, now))).toBe('Events:  <none>\n');
  });
});
