/**
 * Time formatting as metav1.Time serialises it: RFC 3339 in UTC with second precision
 * ("2026-11-22T05:30:00Z"). MicroTime (events.k8s.io eventTime, leases) keeps microseconds.
 */
import { flatString } from './flatString.ts';

/** rfc3339 renders epoch milliseconds as metav1.Time does. */
export function rfc3339(ms: number): string {
  // The last result is reused: a busy cluster stamps thousands of objects within one virtual
  // second, and they then share one string instead of formatting (and keeping) a copy each.
  const sec = Math.floor(ms / 1000);
  if (sec !== lastSecond) {
    lastSecond = sec;
    // flat: replace() returns a rope, and this string is kept by every object stamped this second.
    lastRFC3339 = flatString(new Date(sec * 1000).toISOString().replace('.000Z', 'Z'));
  }
  return lastRFC3339;
}

let lastSecond = Number.NaN;
let lastRFC3339 = '';

/** rfc3339Micro renders epoch milliseconds as metav1.MicroTime does ("...05:30:00.123000Z"). */
export function rfc3339Micro(ms: number): string {
  if (ms !== lastMicroMs) {
    lastMicroMs = ms;
    lastMicro = flatString(new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z'));
  }
  return lastMicro;
}

let lastMicroMs = Number.NaN;
let lastMicro = '';

/** parseTime reads a metav1.Time/MicroTime string back into epoch milliseconds (NaN if invalid). */
export function parseTime(s: string | undefined | null): number {
  return s ? Date.parse(s) : Number.NaN;
}
