/**
 * serveResource answers REST requests on resources: verbs by method, as
 * k8s.io/apiserver/pkg/endpoints/installer.go registers them —
 * GET list/get/watch, POST create, PUT update, PATCH (by Content-Type), DELETE one or a
 * collection — plus the subresources status, scale, log, eviction, binding and finalize.
 * Tables are negotiated by Accept; everything goes through the cluster client.
 */
import { badRequest, methodNotSupported, notFound } from '../../core/api/status.ts';
import type { KubeObject } from '../../core/api/types.ts';
import type { ResourceDefinition, ResourceRef } from '../../core/client/client.ts';
import type { GatewayContext, RequestContext } from './context.ts';
import { readBody, sendJSON } from './http.ts';
import { servePodLog } from './logs.ts';
import { PATCH_TYPES, TABLE_CONTENT_TYPE, mediaType, wantsTable } from './negotiation.ts';
import {
  decodeBody,
  deleteOptions,
  includeObject,
  isDryRun,
  isWatch,
  listOptions,
  objectBody,
  writeOptions,
} from './params.ts';
import type { ResourceRoute } from '../../core/apiserver/requestRoute.ts';
import { convertedView, serveConvertedVersion } from './versions.ts';
import { serveWatch } from './watch.ts';

/** STREAMING_SUBRESOURCES need SPDY or WebSocket upgrades, which the gateway does not speak. */
const STREAMING_SUBRESOURCES = new Set(['exec', 'attach', 'portforward', 'proxy']);

/** serveResource handles one resource request; failures are thrown as StatusErrors. */
export async function serveResource(g: GatewayContext, r: RequestContext, route: ResourceRoute): Promise<void> {
  const ref: ResourceRef = { group: route.group, resource: route.resource };
  const def = g.client.def(ref);
  // A deprecated resource's responses carry the API server's warning (RFC 7234 code 299).
  if (def.deprecated) r.res.setHeader('Warning', `299 - ${JSON.stringify(def.deprecated)}`);
  const view = convertedView(def, route);
  if (view) return serveConvertedVersion(g, r, route, def, view);
  if (def.version !== route.version) throw notFoundPath();
  if (!def.namespaced && route.namespace !== undefined && def.resource !== 'namespaces') throw notFoundPath();
  const namespace = def.namespaced ? route.namespace : undefined;
  const sub = route.subresource ?? '';
  if (sub && !def.subresources.includes(sub)) throw notFoundPath();
  if (STREAMING_SUBRESOURCES.has(sub)) {
    throw badRequest(`kubeplay serve does not support ${def.resource}/${sub}: it needs a SPDY or WebSocket stream (use the kubeplay terminal for exec)`);
  }
  if (route.name === undefined) return serveCollection(g, r, ref, def, namespace);
  const name = route.name;
  const ns = namespace ?? '';
  switch (sub) {
    case '':
      return serveObject(g, r, ref, def, ns, name);
    case 'log':
      if (r.method !== 'GET') throw methodNotSupported(def.group, `${def.resource}/log`, r.method.toLowerCase());
      return servePodLog(g, r, ns, name);
    case 'eviction':
      return serveEviction(g, r, ns, name);
    case 'binding':
      return serveBinding(g, r, ns, name);
    case 'scale':
      return serveScale(g, r, ref, def, ns, name);
    default:
      return serveSubresourceWrite(g, r, ref, def, ns, name, sub);
  }
}

/** notFoundPath is the router's 404 for a path that names nothing served. */
function notFoundPath() {
  const err = notFound('', '', '');
  err.status.message = 'the server could not find the requested resource';
  err.status.details = {};
  return err;
}

/** serveCollection: list, watch, create and delete-collection. */
async function serveCollection(g: GatewayContext, r: RequestContext, ref: ResourceRef, def: ResourceDefinition, ns: string | undefined): Promise<void> {
  const { query } = r;
  switch (r.method) {
    case 'GET': {
      const table = wantsTable(r.accept);
      if (isWatch(query)) {
        const timeout = query.get('timeoutSeconds');
        return serveWatch(g, r, {
          ref, namespace: ns, listOptions: listOptions(query), table, includeObject: includeObject(query),
          timeoutSeconds: timeout ? Number(timeout) : undefined,
        });
      }
      if (table) {
        const t = g.client.listTable(ref, ns, listOptions(query), includeObject(query));
        return sendJSON(r.res, 200, t, TABLE_CONTENT_TYPE);
      }
      return sendJSON(r.res, 200, g.client.list(ref, ns, listOptions(query)));
    }
    case 'POST': {
      if (def.namespaced && ns === undefined) throw methodNotSupported(def.group, def.resource, 'create');
      const body = objectBody(decodeBody(await readBody(r.req), r.contentType));
      const created = g.client.create(ref, ns ?? '', body, writeOptions(query));
      g.settle();
      return sendJSON(r.res, 201, created);
    }
    case 'DELETE': {
      const opts = deleteOptions(decodeBody(await readBody(r.req), r.contentType), query);
      const deleted = g.client.deleteCollection(ref, ns, listOptions(query), opts);
      g.settle();
      const list = g.client.list(ref, ns, {});
      return sendJSON(r.res, 200, { ...list, items: deleted });
    }
    default:
      throw methodNotSupported(def.group, def.resource, r.method.toLowerCase());
  }
}

/** serveObject: get, update, patch and delete of one object. */
async function serveObject(g: GatewayContext, r: RequestContext, ref: ResourceRef, def: ResourceDefinition, ns: string, name: string): Promise<void> {
  const { query } = r;
  switch (r.method) {
    case 'GET': {
      const obj = g.client.get(ref, ns, name);
      if (wantsTable(r.accept)) return sendJSON(r.res, 200, g.client.tableOf(ref, [obj], includeObject(query)), TABLE_CONTENT_TYPE);
      return sendJSON(r.res, 200, obj);
    }
    case 'PUT': {
      const body = bodyFor(objectBody(decodeBody(await readBody(r.req), r.contentType)), def, ns, name);
      const updated = g.client.update(ref, body, writeOptions(query));
      g.settle();
      return sendJSON(r.res, 200, updated);
    }
    case 'PATCH': {
      const type = PATCH_TYPES[mediaType(r.contentType)];
      if (!type) throw unsupportedPatch(r.contentType);
      const patch = decodeBody(await readBody(r.req), r.contentType);
      const existed = g.client.tryGet(ref, ns, name) !== undefined;
      const patched = g.client.patch(ref, ns, name, type, patch, writeOptions(query));
      g.settle();
      return sendJSON(r.res, existed ? 200 : 201, patched);
    }
    case 'DELETE': {
      const opts = deleteOptions(decodeBody(await readBody(r.req), r.contentType), query);
      const last = g.client.delete(ref, ns, name, opts);
      g.settle();
      const still = opts.dryRun ? undefined : g.client.tryGet(ref, ns, name);
      if (still && still.metadata.uid === last.metadata.uid) return sendJSON(r.res, 200, still);
      // Deleted at once: the apiserver answers a Success Status (registry/store.go finalizeDelete).
      return sendJSON(r.res, 200, {
        kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success',
        details: { name, group: def.group || undefined, kind: def.resource, uid: last.metadata.uid },
      });
    }
    default:
      throw methodNotSupported(def.group, def.resource, r.method.toLowerCase());
  }
}

/** bodyFor fills the URL's name and namespace into a PUT body, rejecting a mismatched namespace. */
function bodyFor(body: KubeObject, def: ResourceDefinition, ns: string, name: string): KubeObject {
  const metadata = { ...(body.metadata ?? {}) };
  if (def.namespaced) {
    if (metadata.namespace && metadata.namespace !== ns) {
      throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
    }
    metadata.namespace = ns;
  }
  metadata.name ??= name;
  return { ...body, metadata };
}

function unsupportedPatch(contentType: string | undefined) {
  const err = badRequest('');
  err.status.code = 415;
  err.status.reason = 'UnsupportedMediaType';
  err.status.message = `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json (got ${mediaType(contentType) || 'no Content-Type'})`;
  return err;
}

/** serveScale: GET, PUT and PATCH of autoscaling/v1 Scale. */
async function serveScale(g: GatewayContext, r: RequestContext, ref: ResourceRef, def: ResourceDefinition, ns: string, name: string): Promise<void> {
  switch (r.method) {
    case 'GET':
      return sendJSON(r.res, 200, g.client.getScale(ref, ns, name));
    case 'PUT': {
      const body = objectBody(decodeBody(await readBody(r.req), r.contentType));
      const scale = g.client.updateScale(ref, ns, name, body, writeOptions(r.query));
      g.settle();
      return sendJSON(r.res, 200, scale);
    }
    case 'PATCH': {
      const type = PATCH_TYPES[mediaType(r.contentType)];
      if (!type) throw unsupportedPatch(r.contentType);
      const patch = decodeBody(await readBody(r.req), r.contentType);
      g.client.patch(ref, ns, name, type, patch, writeOptions(r.query), 'scale');
      g.settle();
      return sendJSON(r.res, 200, g.client.getScale(ref, ns, name));
    }
    default:
      throw methodNotSupported(def.group, `${def.resource}/scale`, r.method.toLowerCase());
  }
}

/** serveSubresourceWrite: status (and namespaces/finalize): GET, PUT, PATCH. */
async function serveSubresourceWrite(
  g: GatewayContext, r: RequestContext, ref: ResourceRef, def: ResourceDefinition, ns: string, name: string, sub: string,
): Promise<void> {
  switch (r.method) {
    case 'GET':
      return sendJSON(r.res, 200, g.client.get(ref, ns, name));
    case 'PUT': {
      const body = bodyFor(objectBody(decodeBody(await readBody(r.req), r.contentType)), def, ns, name);
      let out: KubeObject;
      if (sub === 'status') out = g.client.updateStatus(ref, body, writeOptions(r.query));
      else {
        // NOTE: the client has no PUT for /finalize; a merge patch replacing spec.finalizers is the same write.
        const finalizers = (body.spec as { finalizers?: string[] } | undefined)?.finalizers ?? [];
        out = g.client.patch(ref, ns, name, 'merge', { spec: { finalizers } }, writeOptions(r.query), sub);
      }
      g.settle();
      return sendJSON(r.res, 200, out);
    }
    case 'PATCH': {
      const type = PATCH_TYPES[mediaType(r.contentType)];
      if (!type) throw unsupportedPatch(r.contentType);
      const patch = decodeBody(await readBody(r.req), r.contentType);
      const out = g.client.patch(ref, ns, name, type, patch, writeOptions(r.query), sub);
      g.settle();
      return sendJSON(r.res, 200, out);
    }
    default:
      throw methodNotSupported(def.group, `${def.resource}/${sub}`, r.method.toLowerCase());
  }
}

/** serveEviction: POST pods/{name}/eviction with a policy/v1 Eviction (drain). */
async function serveEviction(g: GatewayContext, r: RequestContext, ns: string, name: string): Promise<void> {
  if (r.method !== 'POST') throw methodNotSupported('', 'pods/eviction', r.method.toLowerCase());
  const body = (decodeBody(await readBody(r.req), r.contentType) ?? {}) as { deleteOptions?: object };
  const dryRun = isDryRun(r.query) || ((body.deleteOptions as { dryRun?: string[] } | undefined)?.dryRun ?? []).includes('All');
  const status = g.client.evict(ns, name, deleteOptions(body.deleteOptions, new URLSearchParams()), dryRun);
  g.settle();
  return sendJSON(r.res, 201, status);
}

/** serveBinding: POST pods/{name}/binding (a scheduler's write). */
async function serveBinding(g: GatewayContext, r: RequestContext, ns: string, name: string): Promise<void> {
  if (r.method !== 'POST') throw methodNotSupported('', 'pods/binding', r.method.toLowerCase());
  const body = objectBody(decodeBody(await readBody(r.req), r.contentType)) as KubeObject & { target?: { name?: string } };
  if (!body.target?.name) throw badRequest('Binding target.name is required');
  g.client.bind(ns, name, body.target.name, writeOptions(r.query));
  g.settle();
  return sendJSON(r.res, 201, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 });
}
