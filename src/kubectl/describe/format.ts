/**
 * Small formatting helpers shared by the describers: ages, RFC1123Z dates, label
 * maps and label selectors, spelled exactly as kubectl v1.32 spells them.
 */
// Ages, label maps and selectors are spelled by core/api, as the table printers spell them.
export { humanDuration, translateTimestampSince } from '../../core/api/humanDuration.ts';
export { formatLabels, formatLabelSelector, labelSelectorString } from '../../core/api/labels.ts';

/** parseTime reads an RFC3339 timestamp (metav1.Time / MicroTime JSON) into epoch ms, or undefined. */
export function parseTime(timestamp: string | undefined | null): number | undefined {
  if (!timestamp) return undefined;
  const ms = Date.parse(timestamp);
  return Number.isNaN(ms) ? undefined : ms;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * formatRFC1123Z renders a timestamp as Go's time.RFC1123Z in UTC
 * ("Sun, 22 Nov 2026 05:30:22 +0000"). An unset time prints Go's zero time,
 * "Mon, 01 Jan 0001 00:00:00 +0000", as kubectl does for empty condition times.
 */
export function formatRFC1123Z(timestamp: string | undefined | null): string {
  const t = parseTime(timestamp);
  if (t === undefined) return 'Mon, 01 Jan 0001 00:00:00 +0000';
  const d = new Date(t);
  return (
    `${DAYS[d.getUTCDay()]}, ${pad2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ` +
    `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} +0000`
  );
}

/** printBool renders a Go bool through kubectl's printBool: "True" / "False". */
export function printBool(value: boolean | undefined): string {
  return value ? 'True' : 'False';
}

/** stringOrNone returns `s`, or "<none>" when it is empty. */
export function stringOrNone(s: string | undefined): string {
  return s ? s : '<none>';
}

/** intOrString renders an IntOrString the way intstr.String() does ("25%", "1"). */
export function intOrString(value: number | string | undefined): string {
  return value === undefined ? '' : String(value);
}
