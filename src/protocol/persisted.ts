/**
 * PersistedState is the playground as it is saved to IndexedDB and exported: the cluster is
 * kept as its seed plus a journal of everything that changed it, replayed on load (see
 * docs/adr/0002-persist-by-journal-replay.md for why not a store snapshot).
 */
import type { ClusterRequest, TabId } from './requests.ts';

/** STATE_FORMAT tags a PersistedState so a foreign blob is never mistaken for one. */
export const STATE_FORMAT = 'kubeplay-state';

/** JournalEntry is one change to the cluster or workspace, at a virtual time `at`. */
export type JournalEntry =
  /**
   * run: a terminal entry; `endAt` is when it finished (a Ctrl-C'd `get -w` ends there too),
   * `wakes` when each of its waits (`sleep`, `rollout status`, ...) ended.
   */
  | { at: number; kind: 'run'; tab: TabId; input: string; endAt: number; interrupted?: boolean; wakes?: number[] }
  | { at: number; kind: 'write'; path: string; content: string }
  | { at: number; kind: 'delete'; path: string }
  | { at: number; kind: 'cluster'; request: ClusterRequest }
  /** edit: the text the person saved in a `kubectl edit` (undefined: closed without saving). */
  | { at: number; kind: 'edit'; tab: TabId; text?: string };

/** PersistedState is one saved playground. */
export interface PersistedState {
  format: typeof STATE_FORMAT;
  protocolVersion: number;
  kubernetesVersion: string;
  /** savedAt is wall-clock epoch ms (for the "set aside" message). */
  savedAt: number;
  seed: number;
  startTime: number;
  /** now is the virtual time the replay runs up to. */
  now: number;
  speed: number;
  paused: boolean;
  journal: JournalEntry[];
  /** baseFiles is the workspace when the journal began (a reset keeps the files). */
  baseFiles: Record<string, string>;
  /** files is the workspace (path → content) as it was saved; it wins over the replayed one. */
  files: Record<string, string>;
  history: string[];
}
