/**
 * cluster.worker: the Web Worker entry. All logic lives in Host; this file only connects it
 * to the worker's message port and to IndexedDB.
 */
import { loadApiSchema } from '../core/api/schema/index.ts';
import { unwrapRequest, wrap } from '../protocol/codec.ts';
import { Host } from './host.ts';
import { IdbStateStore } from './idbStateStore.ts';
import { MemoryStateStore } from './stateStore.ts';

const port = self as unknown as { postMessage(m: unknown): void; onmessage: ((e: MessageEvent) => void) | null };
const store = typeof indexedDB === 'undefined' ? new MemoryStateStore() : new IdbStateStore();
const host = new Host({ post: (msg) => port.postMessage(wrap(msg)), store, loadSchema: loadApiSchema });
port.onmessage = (e) => {
  const req = unwrapRequest(e.data);
  if (req) host.handle(req);
};
void host.boot().catch((e: unknown) => port.postMessage(wrap({ type: 'error', message: `the cluster failed to start: ${String(e)}` })));
