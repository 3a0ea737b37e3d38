/**
 * What a Host is given (HostOptions) and which requests wait for the API schema.
 */
import type { ApiSchema } from '../core/api/schema/index.ts';
import type { WorkerMessage } from '../protocol/messages.ts';
import type { UiRequest } from '../protocol/requests.ts';
import type { StateStore } from './stateStore.ts';

/** HostOptions wire a Host to its surroundings. */
export interface HostOptions {
  post(msg: WorkerMessage): void;
  store: StateStore;
  loadSchema?: () => Promise<ApiSchema | undefined>;
  /** wallNow is the wall clock (virtual time follows it, times the speed). */
  wallNow?: () => number;
  /** realtime starts the wall-clock ticker; tests leave it off and move time themselves. */
  realtime?: boolean;
  frameMs?: number;
  saveDelayMs?: number;
  seed?: number;
}

/** schemaGated requests wait for the API schema: they may write objects, which it validates. */
export function schemaGated(req: UiRequest): boolean {
  return req.type === 'terminal.input' || req.type === 'editor.apply' || req.type === 'schema.get' || req.type === 'state.import' || req.type.startsWith('cluster.');
}
