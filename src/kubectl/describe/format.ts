/**
 * Small formatting helpers shared by the describers: ages, RFC1123Z dates, label
 * maps and label selectors, spelled exactly as kubectl v1.32 spells them.
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';

// Ages are the same HumanDuration the table printers use; describers import them from here.
export { humanDuration, translateTimestampSince } from '../../core/api/humanDuration.ts';

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

/** formatLabels is labels.FormatLabels: "a=1,b=2" sorted by key, "<none>" when empty. */
export function formatLabels(labels: Record<string, string> | undefined | null): string {
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${labels![k]}`).join(',');
}

/**
 * selectorString is labels.Selector.String() for a metav1.LabelSelector
 * (LabelSelectorAsSelector): requirements sorted by key, `k=v`, `k in (a,b)`,
 * `k notin (a,b)`, `k`, `!k`; "" for an empty or nil selector.
 */
export function selectorString(selector: LabelSelector | undefined | null): string {
  if (!selector) return '';
  const reqs: { key: string; text: string }[] = [];
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    reqs.push({ key, text: `${key}=${value}` });
  }
  for (const expr of selector.matchExpressions ?? []) {
    const values = [...(expr.values ?? [])].sort().join(',');
    switch (expr.operator) {
      case 'In':
        reqs.push({ key: expr.key, text: `${expr.key} in (${values})` });
        break;
      case 'NotIn':
        reqs.push({ key: expr.key, text: `${expr.key} notin (${values})` });
        break;
      case 'Exists':
        reqs.push({ key: expr.key, text: expr.key });
        break;
      case 'DoesNotExist':
        reqs.push({ key: expr.key, text: `!${expr.key}` });
        break;
      default:
        reqs.push({ key: expr.key, text: `${expr.key} ${expr.operator}` });
    }
  }
  // Go sorts requirements by key only (stable for equal keys).
  return reqs
    .map((r, i) => ({ ...r, i }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.i - b.i))
    .map((r) => r.text)
    .join(',');
}

/** formatLabelSelector is metav1.FormatLabelSelector: the selector string, or "<none>" when empty. */
export function formatLabelSelector(selector: LabelSelector | undefined | null): string {
  const s = selectorString(selector);
  return s === '' ? '<none>' : s;
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
