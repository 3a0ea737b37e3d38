/**
 * IdbStateStore keeps the playground in IndexedDB (available in workers), one object store
 * `states`: key `current` for the live state, `set-aside/<ISO time>` for states from another
 * version that could not be loaded. Values are stored as structured clones.
 */
import type { PersistedState } from '../protocol/persisted.ts';
import type { StateStore } from './stateStore.ts';

const DB_NAME = 'kubeplay';
const STORE = 'states';
const CURRENT = 'current';

export class IdbStateStore implements StateStore {
  private db: Promise<IDBDatabase> | undefined;

  constructor(private readonly factory: IDBFactory = indexedDB) {}

  load(): Promise<unknown> {
    return this.request('readonly', (s) => s.get(CURRENT));
  }

  async save(state: PersistedState): Promise<void> {
    await this.request('readwrite', (s) => s.put(state, CURRENT));
  }

  async setAside(blob: unknown, reason: string): Promise<string> {
    const key = `set-aside/${new Date().toISOString()}`;
    await this.request('readwrite', (s) => s.put({ reason, blob }, key));
    await this.request('readwrite', (s) => s.delete(CURRENT));
    return key;
  }

  private open(): Promise<IDBDatabase> {
    this.db ??= new Promise((resolve, reject) => {
      const req = this.factory.open(DB_NAME, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('IndexedDB open failed'));
    });
    return this.db;
  }

  private async request(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest): Promise<unknown> {
    const db = await this.open();
    return new Promise((resolve, reject) => {
      const req = fn(db.transaction(STORE, mode).objectStore(STORE));
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
    });
  }
}
