import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types.ts';
import { bootstrapNamespaces, Cluster, DEFAULT_OPTIONS } from '../sim/cluster.ts';
import { CONFIGMAPS } from './client.ts';

const cm = (namespace: string, name: string, data: Record<string, string> = {}): KubeObject =>
  ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace }, data }) as KubeObject;
const names = (objs: KubeObject[]) => objs.map((o) => o.metadata.name);

describe('Informer indexes', () => {
  it('lists a namespace in order of last change, following updates and deletes', () => {
    const cluster = new Cluster({ ...DEFAULT_OPTIONS, settleMs: 0 });
    bootstrapNamespaces(cluster);
    const client = cluster.client('test');
    const informer = cluster.informers.forResource(CONFIGMAPS);
    informer.addIndex('size', (o) => [String(Object.keys((o as { data?: object }).data ?? {}).length)]);
    client.create(CONFIGMAPS, 'default', cm('default', 'a'));
    cluster.informers.start();
    for (const n of ['b', 'c']) client.create(CONFIGMAPS, 'default', cm('default', n));
    client.create(CONFIGMAPS, 'other', cm('other', 'x'));
    cluster.settle();
    expect(names(informer.list('default'))).toEqual(['a', 'b', 'c']);

    // An update moves the object to the end of its sets and replaces it there.
    client.update(CONFIGMAPS, { ...cm('default', 'a', { k: 'v' }), metadata: { ...informer.get('default', 'a')!.metadata } });
    cluster.settle();
    expect(names(informer.list('default'))).toEqual(['b', 'c', 'a']);
    expect(informer.list('default')[2]).toBe(informer.get('default', 'a'));
    expect(names(informer.byIndex('size', '1'))).toEqual(['a']);
    expect(names(informer.byIndex('size', '0'))).toEqual(['b', 'c', 'x']);

    client.delete(CONFIGMAPS, 'default', 'b');
    cluster.settle();
    expect(names(informer.list('default'))).toEqual(['c', 'a']);
    expect(names(informer.byIndex('size', '0'))).toEqual(['c', 'x']);
    expect(names(informer.list('other'))).toEqual(['x']);
    expect(informer.byIndex('size', '7')).toEqual([]);
    // An update keeping an index value (both indexes here) also moves the object to the end of that set.
    client.update(CONFIGMAPS, { ...cm('default', 'c'), metadata: { ...informer.get('default', 'c')!.metadata, labels: { l: '1' } } });
    cluster.settle();
    expect(names(informer.byIndex('size', '0'))).toEqual(['x', 'c']);
    expect(names(informer.list('default'))).toEqual(['a', 'c']);
    expect(informer.byIndex('size', '0')[1]).toBe(informer.get('default', 'c'));
    // namespaceView is the same list without a copy; a write shows only once delivered.
    expect(names([...informer.namespaceView('default')])).toEqual(['a', 'c']);
    expect(informer.namespaceView('nowhere').size).toBe(0);
    const view = informer.namespaceView('default');
    client.create(CONFIGMAPS, 'default', cm('default', 'd'));
    expect(names([...view])).toEqual(['a', 'c']);
    cluster.settle();
    expect(names([...informer.namespaceView('default')])).toEqual(['a', 'c', 'd']);
  });
});

describe('WatchFeed', () => {
  it('announces listed and new objects and deletions, starting in creation order with the informers', () => {
    const cluster = new Cluster({ ...DEFAULT_OPTIONS, settleMs: 0 });
    bootstrapNamespaces(cluster);
    const client = cluster.client('test');
    client.create(CONFIGMAPS, 'default', cm('default', 'before'));
    const seen: string[] = [];
    const first = cluster.informers.forResource(CONFIGMAPS);
    first.addHandler({ add: (o) => seen.push(`informer add ${o.metadata.name}`) });
    const feed = cluster.informers.feedFor(CONFIGMAPS);
    feed.addHandler({ add: (o) => seen.push(`feed add ${o.metadata.name}`), delete: (o) => seen.push(`feed delete ${o.metadata.name}`) });
    cluster.informers.start();
    expect(seen).toEqual(['informer add before', 'feed add before']);
    client.create(CONFIGMAPS, 'default', cm('default', 'after'));
    client.update(CONFIGMAPS, { ...cm('default', 'after', { k: 'v' }), metadata: { ...client.get(CONFIGMAPS, 'default', 'after').metadata } });
    client.delete(CONFIGMAPS, 'default', 'before');
    cluster.settle();
    expect(seen.slice(2)).toEqual(['informer add after', 'feed add after', 'feed delete before']);
  });
});
