/**
 * StateStore is where the worker keeps the playground between visits: the current state
 * under one key, and states it could not load "set aside" under their own keys, never
 * deleted, so a person can still export them (see idbStateStore.ts for the browser's).
 */
import type { PersistedState } from '../protocol/persisted.ts';

export interface StateStore {
  /** load returns the saved blob as stored (unchecked: it may be from another version). */
  load(): Promise<unknown>;
  save(state: PersistedState): Promise<void>;
  /** setAside moves a blob that cannot be loaded out of the way and returns the key it is kept under. */
  setAside(blob: unknown, reason: string): Promise<string>;
}

/** MemoryStateStore keeps state in memory (tests, and browsers without IndexedDB). */
export class MemoryStateStore implements StateStore {
  current: unknown;
  readonly aside = new Map<string, { blob: unknown; reason: string }>();

  load(): Promise<unknown> {
    return Promise.resolve(this.current);
  }

  save(state: PersistedState): Promise<void> {
    this.current = JSON.parse(JSON.stringify(state)) as unknown;
    return Promise.resolve();
  }

  setAside(blob: unknown, reason: string): Promise<string> {
    const key = `set-aside-${this.aside.size + 1}`;
    this.aside.set(key, { blob, reason });
    if (this.current === blob) this.current = undefined;
    return Promise.resolve(key);
  }
}
