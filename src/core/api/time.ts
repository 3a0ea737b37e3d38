/**
 * Time formatting as metav1.Time serialises it: RFC 3339 in UTC with second precision
 * ("2026-11-22T05:30:00Z"). MicroTime (events.k8s.io eventTime, leases) keeps microseconds.
 */

/** rfc3339 renders epoch milliseconds as metav1.Time does. */
export function rfc3339(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** rfc3339Micro renders epoch milliseconds as metav1.MicroTime does ("...05:30:00.123000Z"). */
export function rfc3339Micro(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

/** parseTime reads a metav1.Time/MicroTime string back into epoch milliseconds (NaN if invalid). */
export function parseTime(s: string | undefined | null): number {
  return s ? Date.parse(s) : Number.NaN;
}
