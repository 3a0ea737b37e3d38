import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../core/api/types.ts';
import { DeltaBatcher, type WatchedEvent } from './deltaBatcher.ts';

const pod = (name: string, rv: string): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', resourceVersion: rv } });
const ev = (type: WatchedEvent['type'], name: string, rv = '1'): WatchedEvent => ({ type, group: '', resource: 'pods', object: pod(name, rv) });

describe('DeltaBatcher', () => {
  it('sends an added object once, with its latest state', () => {
    const b = new DeltaBatcher();
    b.push(ev('ADDED', 'web', '1'));
    b.push(ev('MODIFIED', 'web', '2'));
    b.push(ev('MODIFIED', 'web', '3'));
    const d = b.flush()!;
    expect(d.added.map((w) => [w.key, w.object.metadata.resourceVersion])).toEqual([['/pods/default/web', '3']]);
    expect(d.modified).toEqual([]);
    expect(b.flush()).toBeUndefined();
  });

  it('drops an object created and deleted between two flushes', () => {
    const b = new DeltaBatcher();
    b.push(ev('ADDED', 'a'));
    b.push(ev('DELETED', 'a'));
    expect(b.flush()).toBeUndefined();
  });

  it('reports modified and deleted only for objects the UI holds', () => {
    const b = new DeltaBatcher();
    b.push(ev('ADDED', 'a'));
    b.push(ev('ADDED', 'b'));
    b.flush();
    b.push(ev('MODIFIED', 'a', '5'));
    b.push(ev('DELETED', 'b'));
    b.push(ev('DELETED', 'c'));
    const d = b.flush()!;
    expect(d.added).toEqual([]);
    expect(d.modified.map((w) => w.object.metadata.resourceVersion)).toEqual(['5']);
    expect(d.deleted).toEqual(['/pods/default/b']);
  });

  it('turns delete-then-recreate of a held object into one modification', () => {
    const b = new DeltaBatcher();
    b.push(ev('ADDED', 'a', '1'));
    b.flush();
    b.push(ev('DELETED', 'a', '1'));
    b.push(ev('ADDED', 'a', '9'));
    const d = b.flush()!;
    expect(d.modified.map((w) => w.object.metadata.resourceVersion)).toEqual(['9']);
    expect(d.deleted).toEqual([]);
  });

  it('forgets what the UI held after reset', () => {
    const b = new DeltaBatcher();
    b.push(ev('ADDED', 'a'));
    b.flush();
    b.reset();
    b.push(ev('MODIFIED', 'a', '2'));
    expect(b.flush()!.added).toHaveLength(1);
  });
});
