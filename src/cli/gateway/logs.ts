/**
 * servePodLog answers GET pods/{name}/log as the apiserver does through the kubelet
 * (pkg/registry/core/pod/rest/log.go): text/plain, optionally following the log with a
 * chunked response that stays open until the client or the pod goes away.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { badRequest } from '../../core/api/status.ts';
import { PODS, type PodLogOptions } from '../../core/client/client.ts';
import type { GatewayContext, RequestContext } from './context.ts';
import { sendText } from './http.ts';

/** servePodLog serves one container's log. */
export function servePodLog(g: GatewayContext, r: RequestContext, namespace: string, name: string): void {
  const { query, res } = r;
  const pod = g.client.get(PODS, namespace, name) as unknown as Pod;
  const containers = (pod.spec?.containers ?? []).map((c) => c.name);
  let container = query.get('container') ?? '';
  if (!container) {
    if (containers.length !== 1) {
      throw badRequest(`a container name must be specified for pod ${name}, choose one of: [${containers.join(' ')}]`);
    }
    container = containers[0];
  }
  const opts: PodLogOptions = { container };
  const num = (key: string) => {
    const v = query.get(key);
    return v === null || v === '' ? undefined : Number(v);
  };
  if (query.get('previous') === 'true') opts.previous = true;
  if (query.get('timestamps') === 'true') opts.timestamps = true;
  const tail = num('tailLines');
  if (tail !== undefined) opts.tailLines = tail;
  const since = num('sinceSeconds');
  if (since !== undefined) opts.sinceSeconds = since;
  const limit = num('limitBytes');
  if (limit !== undefined) opts.limitBytes = limit;
  const sinceTime = query.get('sinceTime');
  if (sinceTime) opts.sinceTime = sinceTime;

  if (query.get('follow') !== 'true') {
    sendText(res, 200, g.client.logs(namespace, name, opts));
    return;
  }
  res.writeHead(200, { 'Content-Type': 'text/plain', 'Transfer-Encoding': 'chunked' });
  res.flushHeaders();
  const follower = g.client.followLogs(namespace, name, opts, (text) => res.write(text));
  // The kubelet ends a followed log when the pod goes away; watch for that.
  const uid = (pod as { metadata?: { uid?: string } }).metadata?.uid;
  const gone = g.client.watch(PODS, namespace, { fieldSelector: `metadata.name=${name}` }, (ev) => {
    if (ev.type === 'DELETED' || (ev.type === 'MODIFIED' && ev.object.metadata.uid !== uid)) stop();
  });
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    follower.stop();
    gone.stop();
    res.end();
  };
  r.req.on('close', stop);
  res.on('close', stop);
}
