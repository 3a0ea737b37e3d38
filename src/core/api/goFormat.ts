/**
 * Tiny helpers that render values the way Go's fmt does in upstream error messages.
 *
 * Selector and requirement errors embed Go-formatted values (`%q`, `%#v` of a
 * []string), and learners compare those messages with real clusters.
 */

/**
 * goQuote renders a string like Go's %q (strconv.Quote) for the printable ASCII and
 * Unicode found in objects: `\"` `\\` and Go's short escapes (\n, \t, \a, ...), other
 * control characters as \xNN.
 */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\x07') out += '\\a';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (ch === '\v') out += '\\v';
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
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
