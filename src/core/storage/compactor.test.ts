import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types.ts';
import { VirtualClock } from '../sim/clock.ts';
import { startCompactor } from './compactor.ts';
import { ResourceVersionTooOld, Store, type StoreEvent, type StoreWatcher } from './store.ts';

const cm = (name: string, v: string): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default' }, data: { v } });

function watchFrom(store: Store, revision: number): StoreEvent[] {
  const got: StoreEvent[] = [];
  const w: StoreWatcher = { resource: 'configmaps', stopped: false, deliver: (e) => got.push(e) };
  store.watch(w, revision);
  store.deliverPending();
  store.unwatch(w);
  return got;
}

/** advance moves the clock minute by minute, firing the compactor's timers. */
function advance(clock: VirtualClock, minutes: number): void {
  for (let i = 0; i < minutes; i++) {
    clock.setTime(clock.now() + 60_000);
    clock.fireDue();
  }
}

describe('etcd compactor', () => {
  it('keeps between 5 and 10 minutes of history: older watches get 410 Gone', () => {
    const clock = new VirtualClock(0);
    const store = new Store();
    startCompactor(store, clock);
    store.create('configmaps', cm('a', '1')); // revision 1
    advance(clock, 5); // first tick: remembers revision 1, compacts nothing
    expect(watchFrom(store, 0).map((e) => e.revision)).toEqual([1]);
    store.update('configmaps', cm('a', '2')); // revision 2
    advance(clock, 5); // second tick: compacts to revision 1
    expect(() => watchFrom(store, 0)).toThrow(ResourceVersionTooOld);
    expect(watchFrom(store, 1).map((e) => e.revision)).toEqual([2]);
    advance(clock, 5); // compacts to revision 2
    expect(() => watchFrom(store, 1)).toThrow(ResourceVersionTooOld);
    expect(watchFrom(store, 2)).toEqual([]);
    expect(store.get('configmaps', 'default', 'a')?.data).toEqual({ v: '2' });
  });
});
