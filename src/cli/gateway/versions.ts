/**
 * serveConvertedVersion answers a resource request on another version than the stored one
 * (`/apis/autoscaling/v1/...horizontalpodautoscalers`, which v1.32's `kubectl autoscale` POSTs):
 * the body converts in on decode (ResourceDefinition.convertFrom), the answer converts out
 * (convertTo). Reads, create and delete are served; other writes need the stored version.
 */
import { methodNotSupported } from '../../core/api/status.ts';
import type { KubeObject } from '../../core/api/types.ts';
import type { ResourceDefinition, ResourceRef } from '../../core/client/client.ts';
import type { GatewayContext, RequestContext } from './context.ts';
import { readBody, sendJSON } from './http.ts';
import { TABLE_CONTENT_TYPE, wantsTable } from './negotiation.ts';
import { decodeBody, deleteOptions, includeObject, listOptions, objectBody, writeOptions } from './params.ts';
import type { ResourceRoute } from '../../core/apiserver/requestRoute.ts';

/** convertedView returns the converter to a route's version when the resource serves it by conversion. */
export function convertedView(def: ResourceDefinition, route: ResourceRoute): ((obj: KubeObject) => KubeObject) | undefined {
  if (def.version === route.version) return undefined;
  const gv = def.group ? `${def.group}/${route.version}` : route.version;
  return def.convertFrom?.[gv] && def.convertTo?.[gv];
}

/** serveConvertedVersion handles the request; `view` converts stored objects to the route's version. */
export async function serveConvertedVersion(
  g: GatewayContext, r: RequestContext, route: ResourceRoute, def: ResourceDefinition, view: (obj: KubeObject) => KubeObject,
): Promise<void> {
  const ref: ResourceRef = { group: def.group, resource: def.resource };
  const ns = def.namespaced ? (route.namespace ?? '') : '';
  const apiVersion = def.group ? `${def.group}/${route.version}` : route.version;
  const table = wantsTable(r.accept);
  if (route.subresource) throw methodNotSupported(def.group, `${def.resource}/${route.subresource}`, r.method.toLowerCase());
  if (route.name === undefined && r.method === 'GET') {
    const list = g.client.list(ref, def.namespaced ? route.namespace : undefined, listOptions(r.query));
    if (table) return sendJSON(r.res, 200, g.client.tableOf(ref, list.items, includeObject(r.query)), TABLE_CONTENT_TYPE);
    return sendJSON(r.res, 200, { ...list, apiVersion, items: list.items.map(view) });
  }
  if (route.name === undefined && r.method === 'POST') {
    const created = g.client.create(ref, ns, objectBody(decodeBody(await readBody(r.req), r.contentType)), writeOptions(r.query));
    g.settle();
    return sendJSON(r.res, 201, view(created));
  }
  if (route.name !== undefined && r.method === 'GET') {
    const obj = g.client.get(ref, ns, route.name);
    if (table) return sendJSON(r.res, 200, g.client.tableOf(ref, [obj], includeObject(r.query)), TABLE_CONTENT_TYPE);
    return sendJSON(r.res, 200, view(obj));
  }
  if (route.name !== undefined && r.method === 'DELETE') {
    const last = g.client.delete(ref, ns, route.name, deleteOptions(decodeBody(await readBody(r.req), r.contentType), r.query));
    g.settle();
    return sendJSON(r.res, 200, view(last));
  }
  throw methodNotSupported(def.group, def.resource, r.method.toLowerCase());
}
