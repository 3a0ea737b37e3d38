/**
 * useTopologyStore holds the topology's filter: one namespace ('' = all) and the kinds to
 * hide. It starts on `default`, the namespace kubectl starts on, so the picture shows what
 * `kubectl get pods` shows until the person asks for more.
 */
import { create } from 'zustand';
import type { TopoKind } from './model/types.ts';

/** TopologyState is the filter and its setters. */
export interface TopologyState {
  namespace: string;
  hiddenKinds: ReadonlySet<TopoKind>;
  setNamespace(ns: string): void;
  toggleKind(kind: TopoKind): void;
}

export const useTopologyStore = create<TopologyState>((set) => ({
  namespace: 'default',
  hiddenKinds: new Set<TopoKind>(),
  setNamespace: (namespace) => set({ namespace }),
  toggleKind: (kind) =>
    set((s) => {
      const next = new Set(s.hiddenKinds);
      if (next.has(kind)) next.delete(kind);
      else next.add(kind);
      return { hiddenKinds: next };
    }),
}));
