/**
 * WorkerMessage is every message the worker sends to the UI, a discriminated union on `type`.
 */
import type { KubeObject } from '../core/api/types.ts';
import type { SchedulingDecision } from '../core/scheduler/decision.ts';

/** SchedulingDecision is the scheduler's per-pod decision record, as the inspector receives it. */
export type { SchedulingDecision };
import type { ObjectDelta } from './objects.ts';
import type { PersistedState } from './persisted.ts';
import type { TabId } from './requests.ts';

/** ClockState is the simulated clock as the time controls show it. */
export interface ClockState {
  /** now is virtual epoch milliseconds. */
  now: number;
  speed: number;
  paused: boolean;
}

/** Diagnostic is a server message pinned to a line of an editor file (1-based; 0 = whole file). */
export interface Diagnostic {
  line: number;
  message: string;
  /** path is the field path the message names, when it names one (e.g. `spec.replicas`). */
  path?: string;
}

/**
 * ActivityRecord is one thing a control-plane component did: which watch event woke it and
 * what it wrote (the list-watch workflow made visible). Produced as the core exposes it.
 */
export interface ActivityRecord {
  at: number;
  component: string;
  verb: string;
  summary: string;
  /** key is the work-queue key the component reconciled (`namespace/name`). */
  key?: string;
  /** woke is the last watch event seen for that key before the reconcile (e.g. `MODIFIED ReplicaSet default/web-5d4f`). */
  woke?: string;
  /** wrote lists the writes the reconcile made, as watch events (e.g. `ADDED Pod default/web-5d4f-abcde`). */
  wrote?: string[];
}

/** InspectDetails is what the worker adds to an inspected object beyond describe text. */
export interface InspectDetails {
  /** yaml is the object as `kubectl get -o yaml` prints it. */
  yaml?: string;
  /** scheduling is the scheduler's last decision record, for a pod it has tried. */
  scheduling?: SchedulingDecision;
}

/** Notice is a message for the person (e.g. "your saved state was set aside"). */
export interface Notice {
  level: 'info' | 'warning' | 'error';
  text: string;
}

/** WorkerMessage is the union of everything the worker may send. */
export type WorkerMessage =
  | { type: 'ready'; version: number; kubernetesVersion: string; restored: boolean; history: string[]; files: string[] }
  | { type: 'terminal.output'; tab: TabId; data: string }
  | { type: 'terminal.prompt'; tab: TabId; prompt: string; continuation: boolean }
  | { type: 'terminal.clear'; tab: TabId }
  | { type: 'terminal.completion'; id: number; start: number; candidates: string[] }
  | { type: 'workspace.files'; files: string[] }
  | { type: 'workspace.content'; id: number; path: string; content?: string; error?: string }
  | { type: 'apply.result'; id: number; path: string; status: number; output: string; diagnostics: Diagnostic[] }
  | { type: 'edit.open'; id: number; path: string; text: string }
  | { type: 'objects.delta'; delta: ObjectDelta }
  | { type: 'objects.reset' }
  | { type: 'clock'; clock: ClockState }
  | { type: 'activity'; records: ActivityRecord[] }
  | ({ type: 'inspect.result'; id: number; object?: KubeObject; describe: string } & InspectDetails)
  | { type: 'state.exported'; id: number; state: PersistedState }
  | { type: 'schema.json'; id: number; schema?: unknown }
  | { type: 'notice'; notice: Notice }
  | { type: 'error'; message: string };

/** WorkerMessageType is the set of message tags. */
export type WorkerMessageType = WorkerMessage['type'];
