/**
 * Bridge is the UI's only door to the cluster worker: it creates the Worker, sends typed
 * requests, and fans worker messages out to subscribers. Nothing else in src/ui calls
 * postMessage, so the protocol stays the single contract between the two threads.
 */
import { unwrapMessage, wrap } from '../../protocol/codec.ts';
import type { WorkerMessage, WorkerMessageType } from '../../protocol/messages.ts';
import type { UiRequest } from '../../protocol/requests.ts';

/** MessageOf picks the message variant with a given tag. */
export type MessageOf<T extends WorkerMessageType> = Extract<WorkerMessage, { type: T }>;

/** Port is the part of a Worker the bridge uses (tests pass a fake). */
export interface Port {
  postMessage(data: unknown): void;
  addEventListener(type: 'message', fn: (e: MessageEvent) => void): void;
}

export class Bridge {
  private readonly listeners = new Map<string, Set<(m: WorkerMessage) => void>>();
  private nextId = 1;

  constructor(private readonly port: Port) {
    port.addEventListener('message', (e) => {
      const msg = unwrapMessage(e.data);
      if (!msg) return;
      for (const fn of this.listeners.get(msg.type) ?? []) fn(msg);
      for (const fn of this.listeners.get('*') ?? []) fn(msg);
    });
  }

  /** send posts one request to the worker. */
  send(req: UiRequest): void {
    this.port.postMessage(wrap(req));
  }

  /** on subscribes to one message type; it returns the unsubscribe function. */
  on<T extends WorkerMessageType>(type: T, fn: (m: MessageOf<T>) => void): () => void {
    const set = this.listeners.get(type) ?? new Set();
    this.listeners.set(type, set);
    const f = fn as (m: WorkerMessage) => void;
    set.add(f);
    return () => set.delete(f);
  }

  /** id returns a fresh request id. */
  id(): number {
    return this.nextId++;
  }

  /** request sends a request with an id and resolves with the first reply of `replyType` carrying it. */
  request<T extends WorkerMessageType>(make: (id: number) => UiRequest, replyType: T): Promise<MessageOf<T>> {
    const id = this.id();
    return new Promise((resolve) => {
      const off = this.on(replyType, (m) => {
        if ((m as { id?: number }).id !== id) return;
        off();
        resolve(m);
      });
      this.send(make(id));
    });
  }
}

/** createWorkerBridge starts the cluster worker (bundled by Vite as its own module chunk). */
export function createWorkerBridge(): Bridge {
  const worker = new Worker(new URL('../../worker/cluster.worker.ts', import.meta.url), { type: 'module', name: 'kubeplay-cluster' });
  return new Bridge(worker);
}
