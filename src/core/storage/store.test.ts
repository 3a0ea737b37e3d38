import { describe, expect, it } from 'vitest';
import { ResourceVersionTooOld, Store, StoreConflict, StoreExists, type StoreEvent } from './store.ts';

const cm = (name: string, data: Record<string, string> = {}) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace: 'default' },
  data,
});

function collect(store: Store, from: number, namespace?: string) {
  const seen: StoreEvent[] = [];
  store.watch({ resource: 'configmaps', namespace, stopped: false, deliver: (e) => seen.push(e) }, from);
  return seen;
}

describe('Store', () => {
  it('stamps one increasing revision and freezes what it stores', () => {
    const s = new Store();
    const a = s.create('configmaps', cm('a'));
    const b = s.create('configmaps', cm('b'));
    expect(a.metadata.resourceVersion).toBe('1');
    expect(b.metadata.resourceVersion).toBe('2');
    expect(() => {
      (a.metadata as { name: string }).name = 'x';
    }).toThrow();
    expect(() => s.create('configmaps', cm('a'))).toThrow(StoreExists);
  });

  it('stamps the resourceVersion in its place (a new one last), copying only frozen parts', () => {
    const s = new Store();
    const a = s.create('configmaps', { ...cm('a'), metadata: { name: 'a', resourceVersion: '', namespace: 'default' } });
    expect(Object.keys(a.metadata)).toEqual(['name', 'resourceVersion', 'namespace']);
    // An update whose metadata is the stored (frozen) one: a new metadata, the stored one untouched.
    const b = s.update('configmaps', { ...a, data: { k: 'v' } });
    expect(b.metadata).not.toBe(a.metadata);
    expect([a.metadata.resourceVersion, b.metadata.resourceVersion]).toEqual(['1', '2']);
    // Deleting stamps a copy of the stored object.
    const gone = s.delete('configmaps', 'default', 'a');
    expect(gone).not.toBe(b);
    expect([b.metadata.resourceVersion, gone.metadata.resourceVersion]).toEqual(['2', '3']);
    const c = s.create('configmaps', cm('c'));
    expect(Object.keys(c.metadata)).toEqual(['name', 'namespace', 'resourceVersion']);
  });

  it('queues each write for the watchers of its resource (and namespace), in registration order, until unwatched', () => {
    const s = new Store();
    const seen: string[] = [];
    const watcher = (id: string, resource: string, namespace?: string) => ({ resource, namespace, stopped: false, deliver: (e: StoreEvent) => seen.push(`${id}:${e.name}`) });
    const all = watcher('all', 'configmaps');
    const other = watcher('other', 'secrets');
    const ns = watcher('ns', 'configmaps', 'default');
    for (const w of [all, other, ns]) s.watch(w, 0);
    s.create('configmaps', cm('a'));
    s.create('secrets', { ...cm('s'), kind: 'Secret' });
    s.create('configmaps', { ...cm('b'), metadata: { name: 'b', namespace: 'kube-system' } });
    s.deliverPending();
    s.unwatch(all);
    s.create('configmaps', cm('c'));
    s.deliverPending();
    expect(seen).toEqual(['all:a', 'ns:a', 'other:s', 'all:b', 'ns:c']);
  });

  it('shares with the previous new pod the parts equal to it, and only identical ones', () => {
    const s = new Store();
    const pod = (name: string, image: string) => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: 'default', labels: { app: 'web' } },
      spec: { containers: [{ name: 'c', image, resources: { requests: { cpu: '1' } } }], securityContext: {} },
    });
    type Spec = { containers: { image: string; resources: object }[]; securityContext: object };
    const specOf = (o: object) => (o as { spec?: unknown }).spec as Spec;
    const a = s.create('pods', pod('a', 'nginx'));
    const b = s.create('pods', pod('b', 'nginx:2'));
    expect(b.metadata.labels).toBe(a.metadata.labels);
    expect(specOf(b).securityContext).toBe(specOf(a).securityContext);
    expect(specOf(b).containers[0].resources).toBe(specOf(a).containers[0].resources);
    expect(specOf(b).containers).not.toBe(specOf(a).containers);
    expect(specOf(b).containers[0].image).toBe('nginx:2');
    expect(b.metadata.name).toBe('b');
    expect(Object.isFrozen(specOf(b).containers[0])).toBe(true);
    // Other resources are frozen whole, without sharing.
    const c1 = s.create('configmaps', cm('c1', { k: 'v' }));
    const c2 = s.create('configmaps', cm('c2', { k: 'v' }));
    expect(c2.data).toEqual(c1.data);
    expect(c2.data).not.toBe(c1.data);
    expect(Object.isFrozen(c2.data)).toBe(true);
  });

  it('rejects a stale update with a conflict', () => {
    const s = new Store();
    s.create('configmaps', cm('a'));
    s.update('configmaps', cm('a', { k: 'v' }), '1');
    expect(() => s.update('configmaps', cm('a', { k: 'w' }), '1')).toThrow(StoreConflict);
  });

  it('replays a watch from a revision and delivers later events in order', () => {
    const s = new Store();
    s.create('configmaps', cm('a'));
    s.create('configmaps', cm('b'));
    const seen = collect(s, 1);
    s.delete('configmaps', 'default', 'a');
    expect(seen).toHaveLength(0); // nothing until the loop delivers
    s.deliverPending();
    expect(seen.map((e) => [e.type, e.name, e.revision])).toEqual([
      ['ADDED', 'b', 2],
      ['DELETED', 'a', 3],
    ]);
  });

  it('answers a watch from a compacted revision with too-old', () => {
    const s = new Store(2);
    for (const n of ['a', 'b', 'c', 'd']) s.create('configmaps', cm(n));
    expect(() => collect(s, 1)).toThrow(ResourceVersionTooOld);
    expect(() => collect(s, 2)).not.toThrow();
  });

  it('round-trips a snapshot', () => {
    const s = new Store();
    s.create('configmaps', cm('a', { x: '1' }));
    const copy = new Store();
    copy.restore(JSON.parse(JSON.stringify(s.snapshot())));
    expect(copy.get('configmaps', 'default', 'a')?.data).toEqual({ x: '1' });
    expect(copy.create('configmaps', cm('b')).metadata.resourceVersion).toBe('2');
  });
});
