/**
 * UiRequest is every message the UI sends to the worker, a discriminated union on `type`.
 * Requests that expect a reply carry an `id`; the reply carries the same `id`.
 */
import type { ObjectRef } from './objects.ts';
import type { PersistedState } from './persisted.ts';

/** TabId names one terminal tab (each tab is its own shell on the same cluster and files). */
export type TabId = string;

/** TerminalRequest drives a terminal: the UI edits the line locally and sends it whole. */
export type TerminalRequest =
  | { type: 'terminal.open'; tab: TabId }
  /** terminal.close ends a tab's shell (a running command is interrupted). */
  | { type: 'terminal.close'; tab: TabId }
  | { type: 'terminal.input'; tab: TabId; line: string }
  | { type: 'terminal.interrupt'; tab: TabId }
  | { type: 'terminal.complete'; id: number; tab: TabId; line: string; cursor: number }
  | { type: 'terminal.resize'; tab: TabId; cols: number; rows: number };

/** WorkspaceRequest reads and writes the files the terminal sees (the worker owns them). */
export type WorkspaceRequest =
  | { type: 'workspace.read'; id: number; path: string }
  | { type: 'workspace.write'; path: string; content: string }
  | { type: 'workspace.delete'; path: string };

/** EditorRequest applies an editor buffer, or answers a `kubectl edit` the worker opened. */
export type EditorRequest =
  | { type: 'editor.apply'; id: number; tab: TabId; path: string; content: string }
  | { type: 'edit.response'; id: number; text?: string };

/** ClockRequest is the time controls. */
export type ClockRequest =
  | { type: 'clock.play' }
  | { type: 'clock.pause' }
  | { type: 'clock.speed'; speed: number }
  | { type: 'clock.step' };

/** ClusterRequest is the cluster controls. */
export type ClusterRequest =
  | { type: 'cluster.reset' }
  | { type: 'cluster.addNode' }
  | { type: 'cluster.removeNode'; name?: string }
  | { type: 'cluster.stopNode'; name: string }
  | { type: 'cluster.startNode'; name: string }
  | { type: 'cluster.deleteRandomPod' };

/** StateRequest exports or imports the whole playground (objects ack paces the deltas). */
export type StateRequest =
  | { type: 'state.export'; id: number }
  | { type: 'state.import'; state: PersistedState }
  | { type: 'objects.ack' }
  /** schema.get asks for the JSON Schema of every served kind (the editor's YAML validation). */
  | { type: 'schema.get'; id: number }
  | { type: 'inspect'; id: number; ref: ObjectRef };

/** UiRequest is the union of everything the UI may send. */
export type UiRequest = TerminalRequest | WorkspaceRequest | EditorRequest | ClockRequest | ClusterRequest | StateRequest;

/** UiRequestType is the set of request tags. */
export type UiRequestType = UiRequest['type'];

/** SPEEDS are the speeds the time controls offer (DESIGN §4: 0.25× to 20×). */
export const SPEEDS: readonly number[] = [0.25, 0.5, 1, 2, 5, 10, 20];
