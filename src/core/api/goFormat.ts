/**
 * Tiny helpers that render values the way Go's fmt does in upstream error messages.
 *
 * Selector and requirement errors embed Go-formatted values (`%q`, `%#v` of a
 * []string), and learners compare those messages with real clusters.
 */

/** goQuote renders a string like Go's %q (strconv.Quote) for the ASCII cases we meet. */
export function goQuote(s: string): string {
  return JSON.stringify(s);
}

/**
 * goStringSlice renders a []string with %#v: `[]string{"a", "b"}`, and a nil
 * slice as `[]string(nil)` (upstream passes nil when a list is absent).
 */
export function goStringSlice(values: readonly string[] | null): string {
  if (values === null) return '[]string(nil)';
  return `[]string{${values.map(goQuote).join(', ')}}`;
}

/** parseGoInt64 parses like strconv.ParseInt(s, 10, 64); null when it would fail. */
export function parseGoInt64(s: string): bigint | null {
  if (!/^[+-]?[0-9]+$/.test(s)) return null;
  const n = BigInt(s);
  if (n > 9223372036854775807n || n < -9223372036854775808n) return null;
  return n;
}
