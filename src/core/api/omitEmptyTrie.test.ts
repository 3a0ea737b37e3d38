import { describe, expect, it } from 'vitest';
import { ALWAYS_EMITTED, OMIT_EMPTY, omitEmpty } from './omitEmpty.ts';
import type { KubeObject } from './types.ts';

// The walk omitEmpty did before its paths were merged into a trie: every path from the
// root, one after the other, in the list's order. The trie walk must drop the same fields.
function reference(group: string, kind: string, obj: KubeObject): void {
  const split = (path: string) => path.split('.').flatMap((s) => (s.endsWith('[]') ? [s.slice(0, -2), '[]'] : [s]));
  const isZero = (v: unknown) =>
    v === false || v === 0 || v === '' || (Array.isArray(v) ? v.length === 0 : v !== null && typeof v === 'object' && Object.keys(v).length === 0);
  const drop = (node: unknown, path: string[], i: number): void => {
    if (node === null || typeof node !== 'object') return;
    const step = path[i]!;
    if (step === '[]') {
      if (Array.isArray(node)) for (const el of node) drop(el, path, i + 1);
      return;
    }
    const rec = node as Record<string, unknown>;
    if (!(step in rec)) return;
    if (i === path.length - 1) {
      if (isZero(rec[step])) delete rec[step];
      return;
    }
    drop(rec[step], path, i + 1);
  };
  const fill = (node: unknown, path: string[], i: number, value: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    const step = path[i]!;
    if (step === '[]') {
      if (Array.isArray(node)) for (const el of node) fill(el, path, i + 1, value);
      return;
    }
    const rec = node as Record<string, unknown>;
    if (i === path.length - 1) {
      if (!(step in rec)) rec[step] = value !== null && typeof value === 'object' ? { ...value } : value;
      return;
    }
    if (rec[step] === undefined && step === 'metadata') rec[step] = {};
    fill(rec[step], path, i + 1, value);
  };
  for (const path of OMIT_EMPTY[`${group}/${kind}`] ?? []) drop(obj, split(path), 0);
  for (const [path, value] of ALWAYS_EMITTED[`${group}/${kind}`] ?? []) fill(obj, split(path), 0, value);
}

function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s >>> 8;
  };
}

const VALUES: unknown[] = [0, '', false, [], {}, 1, 'x', true, [1], { a: 1 }, null];

/** randomObject sets random values (zero or not) at random listed paths, building what lies between. */
function randomObject(paths: readonly string[], next: () => number): Record<string, unknown> {
  const obj: Record<string, unknown> = { metadata: {} };
  for (const path of paths) {
    if (next() % 3 === 0) continue;
    const steps = path.split('.');
    let at: Record<string, unknown> = obj;
    steps.forEach((raw, i) => {
      const list = raw.endsWith('[]');
      const key = list ? raw.slice(0, -2) : raw;
      if (i === steps.length - 1 && !list) {
        at[key] = structuredClone(VALUES[next() % VALUES.length]);
        return;
      }
      if (list) {
        if (!Array.isArray(at[key])) at[key] = Array.from({ length: 1 + (next() % 2) }, () => ({}));
        const items = at[key] as unknown[];
        const j = next() % items.length;
        if (items[j] === null || typeof items[j] !== 'object' || Array.isArray(items[j])) items[j] = {};
        at = items[j] as Record<string, unknown>;
      } else {
        if (at[key] === null || typeof at[key] !== 'object' || Array.isArray(at[key])) at[key] = {};
        at = at[key] as Record<string, unknown>;
      }
    });
  }
  return obj;
}

describe('omitEmpty walks its paths as one trie', () => {
  it('drops and fills exactly what walking every path from the root does, in the same key order', () => {
    const next = lcg(11);
    for (const key of Object.keys(OMIT_EMPTY)) {
      const [group, kind] = key.split('/') as [string, string];
      for (let i = 0; i < 200; i++) {
        const obj = randomObject(OMIT_EMPTY[key]!, next);
        const a = structuredClone(obj) as unknown as KubeObject;
        const b = structuredClone(obj) as unknown as KubeObject;
        omitEmpty(group, kind, a);
        reference(group, kind, b);
        expect(JSON.stringify(a)).toBe(JSON.stringify(b));
      }
    }
  });
});
