/**
 * The Events section every describer ends with (describe.go: DescribeEvents,
 * kubectl/pkg/util/event SortableEvents).
 */
import type { Event } from 'kubernetes-types/core/v1';
import { parseTime, translateTimestampSince } from './format.ts';
import { LEVEL_0, LEVEL_1, type PrefixWriter } from './prefixWriter.ts';

/** eventAge renders the Age cell: "5m", or "2m (x3 over 10m)" for repeated events. */
export function eventAge(e: Event, now: number): string {
  const first = e.eventTime ? translateTimestampSince(e.eventTime, now) : translateTimestampSince(e.firstTimestamp, now);
  if (e.series) {
    return `${translateTimestampSince(e.series.lastObservedTime, now)} (x${e.series.count ?? 0} over ${first})`;
  }
  if ((e.count ?? 0) > 1) return `${translateTimestampSince(e.lastTimestamp, now)} (x${e.count} over ${first})`;
  return first;
}

/**
 * describeEvents writes `Events:  <none>` or the Type/Reason/Age/From/Message table,
 * oldest lastTimestamp first (events without one sort first, like Go's zero time).
 */
export function describeEvents(events: Event[], w: PrefixWriter, now: number): void {
  if (events.length === 0) {
    w.write(LEVEL_0, 'Events:\t<none>\n');
    return;
  }
  const last = (e: Event): number => parseTime(e.lastTimestamp) ?? Number.NEGATIVE_INFINITY;
  const sorted = [...events].sort((a, b) => last(a) - last(b) || 0);
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    const source = e.source?.component || e.reportingComponent || '';
    w.write(
      LEVEL_1,
      `${e.type ?? ''}\t${e.reason ?? ''}\t${eventAge(e, now)}\t${source}\t${(e.message ?? '').trim()}\n`,
    );
  }
}
