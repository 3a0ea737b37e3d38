import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types.ts';
import { Bucket } from './bucket.ts';

const obj = (namespace: string, name: string, v = 0): KubeObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { namespace, name, resourceVersion: String(v) },
});
const names = (objs: Iterable<KubeObject>) => [...objs].map((o) => `${o.metadata.namespace}/${o.metadata.name}`);

describe('Bucket', () => {
  it('gets, replaces in place and deletes by namespace and name', () => {
    const b = new Bucket();
    b.set('default', 'a', obj('default', 'a'));
    b.set('kube-system', 'a', obj('kube-system', 'a'));
    b.set('default', 'b', obj('default', 'b'));
    expect(b.size).toBe(3);
    expect(b.get('default', 'a')?.metadata.namespace).toBe('default');
    expect(b.get('kube-system', 'a')?.metadata.namespace).toBe('kube-system');
    expect(b.get('default', 'c')).toBeUndefined();
    expect(b.get('other', 'a')).toBeUndefined();

    // Replacing keeps the insertion position (the snapshot's order).
    b.set('default', 'a', obj('default', 'a', 2));
    expect(b.get('default', 'a')?.metadata.resourceVersion).toBe('2');
    expect(names(b.values())).toEqual(['default/a', 'kube-system/a', 'default/b']);

    expect(b.delete('default', 'a')).toBe(true);
    expect(b.delete('default', 'a')).toBe(false);
    expect(b.get('default', 'a')).toBeUndefined();
    expect(b.keyOf('default', 'a')).toBeUndefined();
    expect(b.size).toBe(2);

    // A re-created object goes to the end, as with one flat map.
    b.set('default', 'a', obj('default', 'a', 3));
    expect(names(b.values())).toEqual(['kube-system/a', 'default/b', 'default/a']);
  });

  it('drops an emptied namespace and forgets everything on clear', () => {
    const b = new Bucket();
    b.set('x', 'a', obj('x', 'a'));
    b.delete('x', 'a');
    expect(b.keyOf('x', 'a')).toBeUndefined();
    b.set('x', 'a', obj('x', 'a', 1));
    expect(b.get('x', 'a')?.metadata.resourceVersion).toBe('1');
    b.clear();
    expect(b.size).toBe(0);
    expect(b.get('x', 'a')).toBeUndefined();
    expect(b.sorted()).toEqual([]);
  });

  it('sorts by the joined "namespace/name" key, in one namespace or all', () => {
    const b = new Bucket();
    // "a-b/x" sorts before "a/x" ('-' < '/'), unlike sorting by namespace then name.
    for (const [ns, n] of [['a', 'x'], ['a-b', 'x'], ['a', 'b'], ['', 'node-1'], ['a-b', 'a'], ['ab', 'z']]) b.set(ns, n, obj(ns, n));
    expect(names(b.sorted())).toEqual(['/node-1', 'a-b/a', 'a-b/x', 'a/b', 'a/x', 'ab/z']);
    expect(names(b.sorted('a'))).toEqual(['a/b', 'a/x']);
    expect(names(b.sorted('a-b'))).toEqual(['a-b/a', 'a-b/x']);
    expect(b.sorted('none')).toEqual([]);
  });
});
