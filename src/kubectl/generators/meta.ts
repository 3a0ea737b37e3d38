/**
 * Helpers shared by the generators for the parts every object has.
 *
 * Field order matters: kubectl's `-o json` prints Go struct order, and the objects built
 * here are printed with JSON.stringify, so properties are added in that order.
 */
import type { GeneratorContext } from './context.ts';

/** GeneratedObject is what a generator returns: a plain JSON object in kubectl's field order. */
export type GeneratedObject = { kind: string; apiVersion: string; metadata: Record<string, unknown>; [field: string]: unknown };

/** objectMeta builds metav1.ObjectMeta in Go order; `creationTimestamp: null` is what Go's zero Time marshals to. */
export function objectMeta(
  name: string,
  ctx: GeneratorContext | undefined,
  extra: { labels?: Record<string, string>; annotations?: Record<string, string>; namespaced?: boolean } = {},
): Record<string, unknown> {
  const meta: Record<string, unknown> = { name };
  if (extra.namespaced !== false && ctx?.namespace) meta.namespace = ctx.namespace;
  meta.creationTimestamp = null;
  if (extra.labels && Object.keys(extra.labels).length > 0) meta.labels = extra.labels;
  if (extra.annotations && Object.keys(extra.annotations).length > 0) meta.annotations = extra.annotations;
  return meta;
}

/**
 * sortedRecord copies a map with keys in Go's sorted order (encoding/json sorts map keys).
 * NOTE: JavaScript puts integer-like keys ("10", "9") first regardless of insertion order,
 * so such keys print in numeric rather than Go's byte order.
 */
export function sortedRecord<V>(map: Record<string, V>): Record<string, V> {
  const out: Record<string, V> = {};
  for (const key of Object.keys(map).sort()) out[key] = map[key];
  return out;
}

/** parseKeyValueList splits "a=1,b=2" the way kubectl's label and hard-limit flags do. */
export function parseKeyValueList(spec: string, onBad: (part: string) => Error): Record<string, string> {
  const out: Record<string, string> = {};
  if (spec === '') return out;
  for (const part of spec.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) throw onBad(part);
    out[part.slice(0, eq)] = part.slice(eq + 1);
  }
  return out;
}
