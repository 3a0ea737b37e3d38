/**
 * The gateway over real HTTP (no kubectl needed): what kubectl and client-node depend on at
 * the wire level — /version, discovery Content-Types, Tables with row objects, Status errors,
 * watch streams with flushed headers, and patch content types.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { startServe, type ServeHandle } from '../serve.ts';

let serve: ServeHandle;
beforeAll(async () => {
  serve = await startServe({ port: 0 });
}, 60_000);
afterAll(async () => {
  await serve?.close();
});

interface Answer {
  code: number;
  type: string;
  body: string;
}

function call(method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    // Node frames DELETE bodies only with an explicit Content-Length (no chunking by default).
    const all = body === undefined ? headers : { ...headers, 'Content-Length': String(Buffer.byteLength(body)) };
    const req = request({ host: '127.0.0.1', port: serve.port, method, path, headers: all }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ code: res.statusCode ?? 0, type: String(res.headers['content-type']), body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const TABLE = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';

describe('gateway over HTTP', () => {
  it('reports version 1.32 on /version and ok on /readyz', async () => {
    const v = await call('GET', '/version?timeout=5s');
    expect(JSON.parse(v.body)).toMatchObject({ major: '1', minor: '32', gitVersion: 'v1.32.2', platform: 'linux/amd64' });
    expect(await call('GET', '/readyz')).toMatchObject({ code: 200, body: 'ok' });
  });

  it('answers aggregated discovery only with its exact Content-Type, legacy otherwise', async () => {
    const agg = await call('GET', '/apis', { Accept: 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json' });
    expect(agg.type).toBe('application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList');
    expect(JSON.parse(agg.body).kind).toBe('APIGroupDiscoveryList');
    const legacy = await call('GET', '/api', { Accept: 'application/json' });
    expect(legacy.type).toBe('application/json');
    expect(JSON.parse(legacy.body)).toMatchObject({ kind: 'APIVersions', versions: ['v1'] });
  });

  it('answers Tables with a PartialObjectMetadata per row when asked', async () => {
    const t = await call('GET', '/api/v1/nodes?limit=500', { Accept: TABLE });
    const table = JSON.parse(t.body) as { kind: string; columnDefinitions: Array<{ name: string }>; rows: Array<{ cells: unknown[]; object: { kind: string; metadata: { name: string } } }> };
    expect(table.kind).toBe('Table');
    expect(table.columnDefinitions.map((c) => c.name).slice(0, 5)).toEqual(['Name', 'Status', 'Roles', 'Age', 'Version']);
    expect(table.rows[0].cells[0]).toBe('controlplane');
    expect(table.rows[0].object).toMatchObject({ kind: 'PartialObjectMetadata', metadata: { name: 'controlplane' } });
    const list = JSON.parse((await call('GET', '/api/v1/nodes')).body) as { kind: string; items: unknown[] };
    expect(list.kind).toBe('NodeList');
    expect(list.items).toHaveLength(3);
  });

  it('answers failures with Status bodies whose code is the HTTP code', async () => {
    const missing = await call('GET', '/api/v1/namespaces/default/pods/nope');
    expect(missing.code).toBe(404);
    expect(JSON.parse(missing.body)).toMatchObject({ kind: 'Status', reason: 'NotFound', message: 'pods "nope" not found', code: 404 });
    const noType = await call('GET', '/apis/example.com/v1/widgets');
    expect(noType.code).toBe(404);
    const badPatch = await call('PATCH', '/api/v1/namespaces/default', { 'Content-Type': 'text/plain' }, '{}');
    expect(JSON.parse(badPatch.body)).toMatchObject({ reason: 'UnsupportedMediaType', code: 415 });
    expect((await call('GET', '/openapi/v2')).code).toBe(404);
  });

  it('serves metrics.k8s.io and autoscaling/v1 HPAs by conversion', async () => {
    const nodes = JSON.parse((await call('GET', '/apis/metrics.k8s.io/v1beta1/nodes')).body) as { kind: string; items: Array<{ kind: string; usage: { cpu: string } }> };
    expect(nodes.kind).toBe('NodeMetricsList');
    expect(nodes.items).toHaveLength(3);
    expect(nodes.items[0].usage.cpu).toMatch(/^\d+n$/);
    const hpa = JSON.stringify({
      apiVersion: 'autoscaling/v1', kind: 'HorizontalPodAutoscaler', metadata: { name: 'h1' },
      spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, maxReplicas: 3, targetCPUUtilizationPercentage: 50 },
    });
    const created = await call('POST', '/apis/autoscaling/v1/namespaces/default/horizontalpodautoscalers', { 'Content-Type': 'application/json' }, hpa);
    expect(created.code).toBe(201);
    expect(JSON.parse(created.body)).toMatchObject({ apiVersion: 'autoscaling/v1', spec: { minReplicas: 1, maxReplicas: 3, targetCPUUtilizationPercentage: 50 } });
    const v2 = JSON.parse((await call('GET', '/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers/h1')).body);
    expect(v2.spec.metrics).toEqual([{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }]);
    expect((await call('DELETE', '/apis/autoscaling/v1/namespaces/default/horizontalpodautoscalers/h1')).code).toBe(200);
  });

  it('creates, patches (merge and apply) and deletes with the real status codes', async () => {
    const cm = JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c1' }, data: { a: '1' } });
    const created = await call('POST', '/api/v1/namespaces/default/configmaps?fieldManager=test', { 'Content-Type': 'application/json' }, cm);
    expect(created.code).toBe(201);
    expect(JSON.parse(created.body)).toMatchObject({ kind: 'ConfigMap', apiVersion: 'v1', metadata: { namespace: 'default' } });
    const dup = await call('POST', '/api/v1/namespaces/default/configmaps', { 'Content-Type': 'application/json' }, cm);
    expect(JSON.parse(dup.body)).toMatchObject({ reason: 'AlreadyExists', code: 409, message: 'configmaps "c1" already exists' });
    const merged = await call('PATCH', '/api/v1/namespaces/default/configmaps/c1', { 'Content-Type': 'application/merge-patch+json' }, '{"data":{"b":"2"}}');
    expect(JSON.parse(merged.body).data).toEqual({ a: '1', b: '2' });
    const applied = await call('PATCH', '/api/v1/namespaces/default/configmaps/c2?fieldManager=me&force=true',
      { 'Content-Type': 'application/apply-patch+yaml' }, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c2\ndata:\n  x: "y"\n');
    expect(applied.code).toBe(201);
    const deleted = await call('DELETE', '/api/v1/namespaces/default/configmaps/c1', { 'Content-Type': 'application/json' }, '{"propagationPolicy":"Background"}');
    expect(JSON.parse(deleted.body)).toMatchObject({ kind: 'Status', status: 'Success', details: { name: 'c1', kind: 'configmaps' } });
  });

  it('streams watch events as NDJSON, with headers flushed before any event', async () => {
    const list = JSON.parse((await call('GET', '/api/v1/namespaces/default/configmaps')).body) as { metadata: { resourceVersion: string } };
    const lines: string[] = [];
    const gotHeaders = new Promise<number>((resolveHeaders, reject) => {
      const req = request({
        host: '127.0.0.1', port: serve.port, method: 'GET',
        path: `/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=${list.metadata.resourceVersion}&timeoutSeconds=2`,
      }, (res) => {
        resolveHeaders(res.statusCode ?? 0);
        res.setEncoding('utf8');
        let buf = '';
        res.on('data', (c: string) => {
          buf += c;
          const parts = buf.split('\n');
          buf = parts.pop() ?? '';
          lines.push(...parts);
        });
      });
      req.on('error', reject);
      req.end();
    });
    expect(await gotHeaders).toBe(200);
    await call('POST', '/api/v1/namespaces/default/configmaps', { 'Content-Type': 'application/json' },
      JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'w1' } }));
    for (let i = 0; i < 40 && lines.length === 0; i++) await new Promise((ok) => setTimeout(ok, 50));
    const event = JSON.parse(lines[0]) as { type: string; object: { kind: string; metadata: { name: string } } };
    expect(event.type).toBe('ADDED');
    expect(event.object).toMatchObject({ kind: 'ConfigMap', metadata: { name: 'w1' } });
  });
});

describe('gateway errors on lists and watches', () => {
  it('sends the bare server message for unsupported field selectors (kubectl adds its own prefix)', async () => {
    for (const watch of ['', '&watch=true']) {
      const r = await call('GET', `/api/v1/namespaces/default/pods?fieldSelector=spec.bogus%3D1${watch}`);
      expect(r.code).toBe(400);
      expect(JSON.parse(r.body)).toMatchObject({ reason: 'BadRequest', message: 'field label not supported: spec.bogus' });
    }
  });
});
