import { describe, expect, it } from 'vitest';
import { compare } from './typed.ts';
import { ssaTypeOf } from './structure.ts';

const POD = ssaTypeOf('Pod');
const cond = (type: string, status: string, extra: Record<string, unknown> = {}) => ({ type, status, ...extra });
const paths = (s: { printedPaths(): string[] }) => s.printedPaths();
const status = (conditions: unknown[], more: Record<string, unknown> = {}) => ({ status: { conditions, ...more } });

describe('compare: keyed lists', () => {
  it('pairs items listed in the same order by position (changed, removed and added fields of an item)', () => {
    const c = compare(
      status([cond('Ready', 'False', { reason: 'X' }), cond('Initialized', 'True')]),
      status([cond('Ready', 'True'), cond('Initialized', 'True', { message: 'm' })]),
      POD,
    );
    expect(paths(c.modified)).toEqual(['.status.conditions[type="Ready"].status']);
    expect(paths(c.removed)).toEqual(['.status.conditions[type="Ready"].reason']);
    expect(paths(c.added)).toEqual(['.status.conditions[type="Initialized"].message']);
  });

  it('gives the same result for reordered, added, removed and repeated items (paired by key)', () => {
    const c = compare(
      status([cond('A', '1'), cond('B', '1'), cond('C', '1')]),
      status([cond('B', '2'), cond('A', '1'), cond('D', '1')]),
      POD,
    );
    expect(paths(c.modified)).toEqual(['.status.conditions[type="B"].status']);
    expect(paths(c.added)).toEqual(['.status.conditions[type="D"]', '.status.conditions[type="D"].status', '.status.conditions[type="D"].type']);
    expect(paths(c.removed)).toEqual(['.status.conditions[type="C"]', '.status.conditions[type="C"].status', '.status.conditions[type="C"].type']);
    // A repeated key: the last item of that key counts, as in the walk by element.
    const dup = compare(status([cond('A', '1'), cond('B', '1')]), status([cond('A', '1'), cond('A', '2')]), POD);
    expect(paths(dup.modified)).toEqual(['.status.conditions[type="A"].status']);
    expect(paths(dup.removed)).toEqual(['.status.conditions[type="B"]', '.status.conditions[type="B"].status', '.status.conditions[type="B"].type']);
  });

  it('compares items with equal keys that are not scalars, and set lists, as before', () => {
    const objKey = compare(status([{ type: { a: 1 }, status: 'x' }]), status([{ type: { a: 1 }, status: 'y' }]), POD);
    expect(paths(objKey.modified)).toEqual(['.status.conditions[type={"a":1}].status']);
    const meta = (finalizers: string[]) => ({ metadata: { finalizers } });
    const set = compare(meta(['a', 'b']), meta(['a', 'c']), POD);
    expect(paths(set.added)).toEqual(['.metadata.finalizers[="c"]']);
    expect(paths(set.removed)).toEqual(['.metadata.finalizers[="b"]']);
  });
});
