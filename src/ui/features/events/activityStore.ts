/**
 * useActivityStore keeps the newest control-plane activity records (what each controller
 * reconciled, after which watch event, and what it wrote), fed by the worker's batched
 * `activity` messages. A ring of MAX_RECORDS keeps memory and rendering bounded.
 */
import { create } from 'zustand';
import type { ActivityRecord } from '../../../protocol/messages.ts';
import type { Bridge } from '../../bridge/bridge.ts';

/** MAX_RECORDS is how many records the timeline keeps. */
export const MAX_RECORDS = 400;

/** ActivityEntry is a record with a stable id for React keys. */
export type ActivityEntry = ActivityRecord & { id: number };

/** ActivityState holds the records (oldest first) and whether no-op reconciles are shown. */
export interface ActivityState {
  records: ActivityEntry[];
  writesOnly: boolean;
  add(records: readonly ActivityRecord[]): void;
  clear(): void;
  setWritesOnly(v: boolean): void;
}

let nextId = 0;

/** appendCapped appends records to a ring of at most `max` (pure; the store and tests use it). */
export function appendCapped(prev: readonly ActivityEntry[], records: readonly ActivityRecord[], max = MAX_RECORDS): ActivityEntry[] {
  const added = records.slice(-max).map((r) => ({ ...r, id: ++nextId }));
  const keep = Math.max(0, max - added.length);
  return [...prev.slice(Math.max(0, prev.length - keep)), ...added];
}

export const useActivityStore = create<ActivityState>((set) => ({
  records: [],
  writesOnly: true,
  add: (records) => set((s) => ({ records: appendCapped(s.records, records) })),
  clear: () => set({ records: [] }),
  setWritesOnly: (writesOnly) => set({ writesOnly }),
}));

/** connectActivity feeds the store from the worker; it returns the unsubscribe function. */
export function connectActivity(bridge: Bridge): () => void {
  const offs = [
    bridge.on('activity', (m) => useActivityStore.getState().add(m.records)),
    bridge.on('objects.reset', () => useActivityStore.getState().clear()),
  ];
  return () => offs.forEach((off) => off());
}
