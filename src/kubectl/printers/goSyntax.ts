/**
 * Go's fmt renderings of decoded JSON (map[string]interface{}), which kubectl puts into
 * its template error messages: `%#v` for jsonpath and `%v` for go-template.
 */
import { goQuote } from '../../core/api/goFormat.ts';

export { goQuote };

function goNumber(n: number): string {
  return String(n);
}

/** goSharpV renders a JSON value as Go's %#v of its decoded form (map keys sorted). */
export function goSharpV(v: unknown): string {
  if (v === null || v === undefined) return 'interface {}(nil)';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number') return goNumber(v);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[]interface {}{${v.map(goSharpV).join(', ')}}`;
  const map = v as Record<string, unknown>;
  const keys = Object.keys(map).sort();
  return `map[string]interface {}{${keys.map((k) => `${goQuote(k)}:${goSharpV(map[k])}`).join(', ')}}`;
}

/** goV renders a JSON value as Go's %v of its decoded form: map[k:v ...], [a b], <nil>. */
export function goV(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(goV).join(' ')}]`;
  const map = v as Record<string, unknown>;
  return `map[${Object.keys(map).sort().map((k) => `${k}:${goV(map[k])}`).join(' ')}]`;
}

/** goCompactJSON is json.Marshal: compact, map keys sorted, HTML-safe escaping. */
export function goCompactJSON(v: unknown): string {
  return JSON.stringify(sortKeys(v))
    .replaceAll('<', '\\u003c')
    .replaceAll('>', '\\u003e')
    .replaceAll('&', '\\u0026');
}

/** sortKeys returns a copy of a JSON value with map keys sorted, as Go marshals decoded maps. */
export function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) out[k] = sortKeys((v as Record<string, unknown>)[k]);
    return out;
  }
  return v;
}
