/**
 * --sort-by: order objects by a JSONPath expression's value (kubectl's RuntimeSort).
 * Numbers compare numerically, timestamps and strings lexically; missing values sort first.
 */
import type { KubeObject } from '../core/api/types.ts';
import { CommandError } from './errors.ts';

/** sortObjects returns the objects ordered by the field `expr` names. */
export function sortObjects(objects: KubeObject[], expr: string): KubeObject[] {
  const path = parsePath(expr);
  const keyed = objects.map((o) => ({ o, v: valueAt(o, path) }));
  keyed.sort((a, b) => compare(a.v, b.v));
  return keyed.map((k) => k.o);
}

function parsePath(expr: string): Array<string | number> {
  const inner = expr.replace(/^\{/, '').replace(/\}$/, '').trim();
  if (!inner.startsWith('.')) throw new CommandError(`error: couldn't find any field with path "${expr}" in the list of objects`);
  const out: Array<string | number> = [];
  for (const m of inner.matchAll(/\.([^.[\]]+)|\[(\d+)\]/g)) out.push(m[1] !== undefined ? m[1] : Number(m[2]));
  return out;
}

function valueAt(obj: unknown, path: Array<string | number>): unknown {
  let cur: unknown = obj;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[p];
  }
  return cur;
}

function compare(a: unknown, b: unknown): number {
  if (a === undefined && b === undefined) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const as = typeof a === 'string' ? a : JSON.stringify(a);
  const bs = typeof b === 'string' ? b : JSON.stringify(b);
  return as < bs ? -1 : as > bs ? 1 : 0;
}
