/**
 * Codecs for what crosses a trust boundary: messages arrive as structured clones, so only
 * their shape is checked (a stray message from a browser extension is ignored, not trusted);
 * persisted state comes from disk and may be from another version.
 */
import type { WorkerMessage } from './messages.ts';
import { STATE_FORMAT, type PersistedState } from './persisted.ts';
import type { UiRequest } from './requests.ts';
import { PROTOCOL_VERSION } from './version.ts';

/** Envelope wraps every message with the protocol version of its sender. */
export interface Envelope<T> {
  v: number;
  msg: T;
}

/** wrap puts a message in the current version's envelope. */
export function wrap<T>(msg: T): Envelope<T> {
  return { v: PROTOCOL_VERSION, msg };
}

/** unwrapRequest returns the request inside an envelope, or undefined if it is not one of ours. */
export function unwrapRequest(data: unknown): UiRequest | undefined {
  return unwrap(data) as UiRequest | undefined;
}

/** unwrapMessage returns the worker message inside an envelope, or undefined if it is not one of ours. */
export function unwrapMessage(data: unknown): WorkerMessage | undefined {
  return unwrap(data) as WorkerMessage | undefined;
}

function unwrap(data: unknown): { type: string } | undefined {
  if (!isRecord(data) || data.v !== PROTOCOL_VERSION || !isRecord(data.msg)) return undefined;
  return typeof data.msg.type === 'string' ? (data.msg as { type: string }) : undefined;
}

/** StateCheck says whether a stored blob can be loaded as it is. */
export type StateCheck = { ok: true; state: PersistedState } | { ok: false; reason: string };

/**
 * checkPersistedState accepts a blob saved by this protocol version and this Kubernetes version;
 * anything else gets a reason the UI shows when it sets the blob aside.
 */
export function checkPersistedState(data: unknown, kubernetesVersion: string): StateCheck {
  if (!isRecord(data) || data.format !== STATE_FORMAT) return { ok: false, reason: 'the saved data is not a kubeplay state' };
  if (data.protocolVersion !== PROTOCOL_VERSION) {
    return { ok: false, reason: `it was saved by kubeplay state version ${String(data.protocolVersion)}, this is version ${PROTOCOL_VERSION}` };
  }
  if (data.kubernetesVersion !== kubernetesVersion) {
    return { ok: false, reason: `it was saved with Kubernetes ${String(data.kubernetesVersion)}, this playground runs ${kubernetesVersion}` };
  }
  if (!Array.isArray(data.journal) || !isRecord(data.files) || typeof data.seed !== 'number' || typeof data.startTime !== 'number' || typeof data.now !== 'number') {
    return { ok: false, reason: 'the saved data is incomplete' };
  }
  return { ok: true, state: data as unknown as PersistedState };
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
