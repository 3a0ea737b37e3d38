/**
 * serveWatch streams a watch as newline-delimited JSON events, the way the apiserver's
 * handlers/watch.go serves `?watch=true`:
 *
 * - headers are flushed at once (client-node's informer waits for them; kubectl-wire.md §0.8);
 * - each event is one line `{"type":...,"object":...}`;
 * - when the client asked for Tables, each object is a one-row Table whose
 *   columnDefinitions are sent only with the first event ("on watch, we only want to print
 *   table headers on the first object");
 * - a too-old resourceVersion becomes an ERROR event with a 410 Expired Status (other
 *   failures, e.g. a bad selector, are thrown before the stream starts);
 * - the stream ends after `timeoutSeconds` (wall-clock), or when the client goes away.
 */
import type { KubeObject } from '../../core/api/types.ts';
import type { ListOptions, ResourceRef, WatchEvent, WatchHandle } from '../../core/client/client.ts';
import type { IncludeObject } from '../../core/apiserver/tables/index.ts';
import type { GatewayContext, RequestContext } from './context.ts';
import { statusOf } from './http.ts';
import { TABLE_CONTENT_TYPE } from './negotiation.ts';

/** WatchRequest is what a watch asks for. */
export interface WatchRequest {
  ref: ResourceRef;
  namespace: string | undefined;
  listOptions: ListOptions;
  table: boolean;
  includeObject: IncludeObject;
  timeoutSeconds?: number;
}

/** serveWatch opens the watch and keeps the response open until it ends; it throws StatusErrors before streaming. */
export function serveWatch(g: GatewayContext, r: RequestContext, w: WatchRequest): void {
  const { res } = r;
  let first = true;
  let handle: WatchHandle | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    handle?.stop();
    if (timer) clearTimeout(timer);
    res.end();
  };
  // Events wait until the headers are out (a replay could be delivered while the watch opens).
  let pending: WatchEvent[] | undefined = [];
  const write = (ev: WatchEvent) => {
    if (ended) return;
    if (pending) {
      pending.push(ev);
      return;
    }
    let object: unknown = ev.object;
    if (w.table && ev.type !== 'ERROR' && ev.type !== 'BOOKMARK') {
      const table = g.client.tableOf(w.ref, [ev.object], w.includeObject) as unknown as Record<string, unknown>;
      if (!first) table.columnDefinitions = null;
      first = false;
      object = table;
    }
    res.write(`${JSON.stringify({ type: ev.type, object })}\n`);
  };

  // Open first, so a bad selector is an HTTP 400 Status; a too-old resourceVersion is a 200
  // stream carrying one ERROR event, as the watch cache's errWatcher answers (cacher.go).
  let expired: unknown;
  try {
    handle = g.client.watch(w.ref, w.namespace, w.listOptions, write);
  } catch (err) {
    if (statusOf(err).code !== 410) throw err;
    expired = err;
  }
  res.writeHead(200, {
    'Content-Type': w.table ? TABLE_CONTENT_TYPE : 'application/json',
    'Transfer-Encoding': 'chunked',
    'Cache-Control': 'no-cache, private',
  });
  res.flushHeaders();
  const queued = pending;
  pending = undefined;
  for (const ev of queued) write(ev);
  if (expired !== undefined) {
    write({ type: 'ERROR', object: statusOf(expired) as unknown as KubeObject });
    end();
    return;
  }
  r.req.on('close', end);
  res.on('close', end);
  if (w.timeoutSeconds !== undefined && w.timeoutSeconds > 0) timer = setTimeout(end, w.timeoutSeconds * 1000);
  // The initial ADDED events (resourceVersion unset or "0") arrive when the cluster settles.
  g.settle();
}
