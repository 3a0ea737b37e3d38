/**
 * Field selectors: `status.phase=Running,spec.nodeName!=node01`.
 *
 * Models k8s.io/apimachinery/pkg/fields (selector.go): terms split on unescaped
 * commas, sorted, each `field=value`, `field==value` or `field!=value`; values
 * escape `\`, `,` and `=` with a backslash. A missing field reads as "".
 */

/** FieldTerm is one `field op value` clause; `==` is stored as `=`, as upstream does. */
export interface FieldTerm {
  readonly field: string;
  readonly operator: '=' | '!=';
  readonly value: string;
}

/** FieldSelector is the AND of its terms. An empty selector matches everything. */
export interface FieldSelector {
  readonly terms: readonly FieldTerm[];
}

/** FieldSelectorError is a selector that failed to parse or convert; its message is upstream's text. */
export class FieldSelectorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FieldSelectorError';
  }
}

/** everythingFields is fields.Everything(). */
export const everythingFields: FieldSelector = Object.freeze({ terms: Object.freeze([]) });

/** splitTerms splits on commas that are not escaped by a backslash. */
function splitTerms(selector: string): string[] {
  if (selector === '') return [];
  const terms: string[] = [];
  let start = 0;
  let inSlash = false;
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i];
    if (inSlash) inSlash = false;
    else if (c === '\\') inSlash = true;
    else if (c === ',') {
      terms.push(selector.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(selector.slice(start));
  return terms;
}

/** splitTerm finds the first operator position, trying `!=`, `==`, `=` at each index. */
function splitTerm(term: string): { lhs: string; op: string; rhs: string } | null {
  for (let i = 0; i < term.length; i++) {
    const rest = term.slice(i);
    for (const op of ['!=', '==', '=']) {
      if (rest.startsWith(op)) return { lhs: term.slice(0, i), op, rhs: term.slice(i + op.length) };
    }
  }
  return null;
}

/** escapeFieldValue is fields.EscapeValue: backslash-escape `\`, `,` and `=`. */
export function escapeFieldValue(value: string): string {
  return value.replace(/[\\,=]/g, (c) => `\\${c}`);
}

/**
 * unescapeFieldValue is fields.UnescapeValue. Throws FieldSelectorError.
 * NOTE: upstream prints the offending rune with %v, i.e. as its code point ("61" for "=").
 */
export function unescapeFieldValue(value: string): string {
  if (!/[\\,=]/.test(value)) return value;
  let out = '';
  let inSlash = false;
  for (const c of value) {
    if (inSlash) {
      if (c !== '\\' && c !== ',' && c !== '=') {
        throw new FieldSelectorError(`invalid field selector: invalid escape sequence: \\${c}`);
      }
      out += c;
      inSlash = false;
    } else if (c === '\\') {
      inSlash = true;
    } else if (c === ',' || c === '=') {
      throw new FieldSelectorError(`invalid field selector: unescaped character in value: ${c.codePointAt(0)}`);
    } else {
      out += c;
    }
  }
  if (inSlash) throw new FieldSelectorError('invalid field selector: invalid escape sequence: \\');
  return out;
}

/** parseFieldSelector is fields.ParseSelector. Throws FieldSelectorError with upstream's text. */
export function parseFieldSelector(selector: string): FieldSelector {
  // Go sorts the raw term strings (byte order) before parsing; String() output follows that order.
  const parts = splitTerms(selector).sort();
  const terms: FieldTerm[] = [];
  for (const part of parts) {
    if (part === '') continue;
    const split = splitTerm(part);
    if (!split) throw new FieldSelectorError(`invalid selector: '${selector}'; can't understand '${part}'`);
    const value = unescapeFieldValue(split.rhs);
    terms.push({ field: split.lhs, operator: split.op === '!=' ? '!=' : '=', value });
  }
  return { terms };
}

/** matchesFields reports whether an object's field set satisfies every term (a missing field is ""). */
export function matchesFields(selector: FieldSelector, fields: Readonly<Record<string, string>>): boolean {
  return selector.terms.every((t) => {
    const actual = Object.prototype.hasOwnProperty.call(fields, t.field) ? fields[t.field] : '';
    return t.operator === '=' ? actual === t.value : actual !== t.value;
  });
}

/** fieldSelectorToString is Selector.String(): terms joined by ",", values re-escaped. */
export function fieldSelectorToString(selector: FieldSelector): string {
  return selector.terms.map((t) => `${t.field}${t.operator}${escapeFieldValue(t.value)}`).join(',');
}

/** isEmptyFieldSelector is Selector.Empty(). */
export function isEmptyFieldSelector(selector: FieldSelector): boolean {
  return selector.terms.length === 0;
}

/** fieldRequiresExactMatch is Selector.RequiresExactMatch: the value an `=` term pins for a field. */
export function fieldRequiresExactMatch(selector: FieldSelector, field: string): string | undefined {
  return selector.terms.find((t) => t.field === field && t.operator === '=')?.value;
}

/** FieldLabelConversion maps a (label, value) pair to the label the registry understands, or throws. */
export type FieldLabelConversion = (label: string, value: string) => { label: string; value: string };

/** transformFieldSelector is Selector.Transform: run every term through a conversion function. */
export function transformFieldSelector(selector: FieldSelector, fn: FieldLabelConversion): FieldSelector {
  return {
    terms: selector.terms.map((t) => {
      const { label, value } = fn(t.field, t.value);
      return { field: label, operator: t.operator, value };
    }),
  };
}

/**
 * supportedFieldLabels builds the conversion the API server uses per kind: like
 * runtime.DefaultMetaV1FieldSelectorConversion, `metadata.name` and
 * `metadata.namespace` are always allowed; anything else must be listed, or the
 * request fails with `field label not supported: <label>`.
 */
export function supportedFieldLabels(extra: Iterable<string>): FieldLabelConversion {
  const allowed = new Set(['metadata.name', 'metadata.namespace', ...extra]);
  return (label, value) => {
    if (!allowed.has(label)) throw new FieldSelectorError(`field label not supported: ${label}`);
    return { label, value };
  };
}

/**
 * checkFieldSelector parses a selector and validates its fields against a kind's
 * supported labels in one step, as the API server does for list/watch.
 * Throws FieldSelectorError; the caller turns it into a 400 BadRequest.
 */
export function checkFieldSelector(selector: string, supported: Iterable<string>): FieldSelector {
  return transformFieldSelector(parseFieldSelector(selector), supportedFieldLabels(supported));
}
