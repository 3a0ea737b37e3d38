/**
 * How Go's YAML encoder (gopkg.in/yaml.v2, used by sigs.k8s.io/yaml and so by
 * `kubectl -o yaml`) chooses and writes a string scalar.
 *
 * Two steps are modelled: the encoder's choice (a string that would read back as another
 * type, like "80", "true", "n" or a timestamp, is double-quoted; a multi-line string asks
 * for a literal block) and the emitter's analysis (yaml_emitter_analyze_scalar), which
 * falls back from plain to single-quoted to double-quoted when indicators, spaces or
 * special characters require it. Long plain and quoted scalars are folded at column 80.
 */

const BEST_WIDTH = 80;

const YAML11_NON_STRINGS = new Set([
  '', '~', 'null', 'Null', 'NULL',
  'y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'true', 'True', 'TRUE',
  'n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF', 'false', 'False', 'FALSE',
  '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF', '.nan', '.NaN', '.NAN',
]);

const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const GO_INT = /^[-+]?(0[xX][0-9a-fA-F]+|0[oO]?[0-7]+|0[bB][01]+|[1-9][0-9]*|0)$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
const TIMESTAMP = /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:[Tt]| +)[0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)?$/;

/** resolvesAsNonString reports whether an unquoted `s` would read back as null, bool, number or timestamp (yaml.v2 resolve). */
export function resolvesAsNonString(s: string): boolean {
  if (YAML11_NON_STRINGS.has(s)) return true;
  const c = s.charAt(0);
  if (c === '.') return YAML_FLOAT.test(s);
  if (!/[-+0-9]/.test(c)) return false;
  if (TIMESTAMP.test(s)) return true;
  const plain = s.replaceAll('_', '');
  return GO_INT.test(plain) || YAML_FLOAT.test(plain) || BASE60_FLOAT.test(s);
}

function isPrintable(cp: number): boolean {
  return (
    cp === 0x0a ||
    (cp >= 0x20 && cp <= 0x7e) ||
    (cp >= 0xa0 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff)
  );
}
const isBreak = (ch: string | undefined) => ch === '\n' || ch === '\r' || ch === '\u0085' || ch === '\u2028' || ch === '\u2029';
const isBlankz = (ch: string | undefined) => ch === undefined || ch === ' ' || ch === '\t' || isBreak(ch) || ch === '\0';

interface Analysis {
  multiline: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

/** analyze is yaml_emitter_analyze_scalar for block context. */
function analyze(value: string): Analysis {
  const chars = [...value];
  if (chars.length === 0) return { multiline: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false };
  let blockIndicators = value.startsWith('---') || value.startsWith('...');
  let leadingSpace = false, leadingBreak = false, trailingSpace = false, trailingBreak = false;
  let breakSpace = false, spaceBreak = false, previousSpace = false, previousBreak = false;
  let lineBreaks = false, special = false;
  let precededByWhitespace = true;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    const followedByWhitespace = isBlankz(chars[i + 1]);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) blockIndicators = true;
      if ((ch === '?' || ch === ':' || ch === '-') && followedByWhitespace) blockIndicators = true;
    } else {
      if (ch === ':' && followedByWhitespace) blockIndicators = true;
      if (ch === '#' && precededByWhitespace) blockIndicators = true;
    }
    if (!isPrintable(ch.codePointAt(0)!)) special = true;
    if (ch === ' ') {
      if (i === 0) leadingSpace = true;
      if (i === chars.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(ch)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === chars.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousBreak = true;
      previousSpace = false;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlankz(ch);
  }
  const a: Analysis = { multiline: lineBreaks, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: true };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) a.blockPlainAllowed = false;
  if (trailingSpace) a.blockAllowed = false;
  if (breakSpace) {
    a.blockPlainAllowed = false;
    a.singleQuotedAllowed = false;
  }
  if (spaceBreak || special) {
    a.blockPlainAllowed = false;
    a.singleQuotedAllowed = false;
    a.blockAllowed = false;
  }
  if (lineBreaks || blockIndicators) a.blockPlainAllowed = false;
  return a;
}

/** ScalarStyle is the style the emitter settles on. */
export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal';

/** scalarStyle picks the style for a string value (`isKey` for mapping keys, which are simple keys). */
export function scalarStyle(value: string, isKey: boolean): ScalarStyle {
  const a = analyze(value);
  let style: ScalarStyle = value.includes('\n') ? 'literal' : resolvesAsNonString(value) ? 'double' : 'plain';
  if (isKey && a.multiline) style = 'double';
  if (style === 'plain' && !a.blockPlainAllowed) style = 'single';
  if (style === 'single' && !a.singleQuotedAllowed) style = 'double';
  if (style === 'literal' && (!a.blockAllowed || isKey)) style = 'double';
  return style;
}

/** Cursor tracks the output column, which decides where long scalars fold. */
export interface Cursor {
  column: number;
}

const ESCAPES: Record<string, string> = {
  '\0': '0', '\x07': 'a', '\b': 'b', '\t': 't', '\n': 'n', '\x0b': 'v', '\f': 'f', '\r': 'r', '\x1b': 'e',
  '"': '"', '\\': '\\', '\u0085': 'N', '\u00a0': '_', '\u2028': 'L', '\u2029': 'P',
};

function escape(ch: string): string {
  const named = ESCAPES[ch];
  if (named) return `\\${named}`;
  const cp = ch.codePointAt(0)!;
  const hex = cp.toString(16).toUpperCase();
  if (cp <= 0xff) return `\\x${hex.padStart(2, '0')}`;
  if (cp <= 0xffff) return `\\u${hex.padStart(4, '0')}`;
  return `\\U${hex.padStart(8, '0')}`;
}

/**
 * writeScalar renders `value` starting at `cursor.column` (a separating space already written)
 * and returns the text; `indent` is where folded or literal lines start.
 */
export function writeScalar(value: string, style: ScalarStyle, indent: number, cursor: Cursor, allowBreaks: boolean): string {
  const chars = [...value];
  let out = '';
  const put = (s: string) => {
    out += s;
    cursor.column += [...s].length;
  };
  const newline = () => {
    out += `\n${' '.repeat(indent)}`;
    cursor.column = indent;
  };
  if (style === 'plain' || style === 'single') {
    const quote = style === 'single';
    if (quote) put("'");
    let spaces = false;
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i];
      if (ch === ' ') {
        const inner = !quote || (i > 0 && i < chars.length - 1);
        if (allowBreaks && !spaces && cursor.column > BEST_WIDTH && inner && chars[i + 1] !== ' ') newline();
        else put(ch);
        spaces = true;
      } else {
        put(quote && ch === "'" ? "''" : ch);
        spaces = false;
      }
    }
    if (quote) put("'");
    return out;
  }
  if (style === 'double') {
    put('"');
    let spaces = false;
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i];
      const cp = ch.codePointAt(0)!;
      if (!isPrintable(cp) || cp === 0xfeff || isBreak(ch) || ch === '"' || ch === '\\') {
        put(escape(ch));
        spaces = false;
      } else if (ch === ' ') {
        if (allowBreaks && !spaces && cursor.column > BEST_WIDTH && i !== 0 && i !== chars.length - 1) {
          newline();
          if (chars[i + 1] === ' ') put('\\');
        } else {
          put(ch);
        }
        spaces = true;
      } else {
        put(ch);
        spaces = false;
      }
    }
    put('"');
    return out;
  }
  // Literal block: "|" with an indentation hint for leading whitespace and a chomping hint.
  let header = '|';
  if (chars[0] === ' ' || isBreak(chars[0])) header += '2';
  const last = chars[chars.length - 1];
  if (!isBreak(last)) header += '-';
  else if (chars.length === 1 || isBreak(chars[chars.length - 2])) header += '+';
  put(header);
  out += '\n';
  cursor.column = 0;
  let breaks = true;
  for (const ch of chars) {
    if (isBreak(ch)) {
      out += '\n';
      cursor.column = 0;
      breaks = true;
    } else {
      if (breaks) put(' '.repeat(indent));
      put(ch);
      breaks = false;
    }
  }
  return out;
}
