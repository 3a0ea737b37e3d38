/**
 * useClusterStore is the UI's picture of the cluster: every watched object by ObjectKey,
 * fed by the worker's batched deltas. Panels (topology, inspector, events) read it through
 * selectors; a delta replaces the map once, so one frame means at most one re-render.
 */
import { create } from 'zustand';
import type { KubeObject } from '../../core/api/types.ts';
import type { ObjectDelta, ObjectKey, WireObject } from '../../protocol/objects.ts';

/** ClusterState holds the objects and how many deltas have arrived (a cheap change counter). */
export interface ClusterState {
  objects: ReadonlyMap<ObjectKey, WireObject>;
  version: number;
  applyDelta(delta: ObjectDelta): void;
  clear(): void;
}

export const useClusterStore = create<ClusterState>((set) => ({
  objects: new Map(),
  version: 0,
  applyDelta: (delta) => set((s) => ({ objects: applyDelta(s.objects, delta), version: s.version + 1 })),
  clear: () => set((s) => ({ objects: new Map(), version: s.version + 1 })),
}));

/** applyDelta returns a new map with a delta applied (pure; the store and tests use it). */
export function applyDelta(objects: ReadonlyMap<ObjectKey, WireObject>, delta: ObjectDelta): Map<ObjectKey, WireObject> {
  const next = new Map(objects);
  for (const w of delta.added) next.set(w.key, w);
  for (const w of delta.modified) next.set(w.key, w);
  for (const k of delta.deleted) next.delete(k);
  return next;
}

/** objectsOf lists the objects of one resource (e.g. '', 'pods'), sorted by namespace and name. */
export function objectsOf(objects: ReadonlyMap<ObjectKey, WireObject>, group: string, resource: string): KubeObject[] {
  const out: KubeObject[] = [];
  for (const w of objects.values()) if (w.group === group && w.resource === resource) out.push(w.object);
  return out.sort((a, b) => `${a.metadata.namespace ?? ''}/${a.metadata.name}`.localeCompare(`${b.metadata.namespace ?? ''}/${b.metadata.name}`));
}
