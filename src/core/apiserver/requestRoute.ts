/**
 * routeRequest maps a request path to what it names: a discovery document, an OpenAPI
 * document, /version, a health check, or a REST resource
 * {group, version, resource, namespace, name, subresource}.
 *
 * Resource paths follow k8s.io/apiserver/pkg/endpoints/request/requestinfo.go
 * (RequestInfoFactory.NewRequestInfo): after `/api/v1` or `/apis/{group}/{version}`,
 * `namespaces/{ns}/...` sets the namespace, except that `namespaces/{ns}/status` and
 * `namespaces/{ns}/finalize` are subresources of the Namespace itself.
 * The router is pure: it does not know which resources exist (the handlers ask the server).
 */

/** ResourceRoute names a REST resource, collection or object, with an optional subresource. */
export interface ResourceRoute {
  type: 'resource';
  group: string;
  version: string;
  resource: string;
  /** namespace is undefined when the path has no `namespaces/{ns}` part (cluster-scoped or all namespaces). */
  namespace?: string;
  name?: string;
  subresource?: string;
}

/** Route is everything the gateway serves. */
export type Route =
  | { type: 'version' }
  | { type: 'health'; check: string }
  | { type: 'apiVersions' }
  | { type: 'apiGroups' }
  | { type: 'apiGroup'; group: string }
  | { type: 'resourceList'; group: string; version: string }
  | { type: 'openapiIndex' }
  | { type: 'openapiGroupVersion'; group: string; version: string }
  | { type: 'openapiV2' }
  | ResourceRoute
  | { type: 'notFound' };

/** NAMESPACE_SUBRESOURCES are the subresources of a Namespace (requestinfo.go namespaceSubresources). */
const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize']);

/** routeRequest parses a URL path (without the query string). */
export function routeRequest(path: string): Route {
  const parts = path.split('/').filter((p) => p !== '').map(decodeSegment);
  if (parts.length === 0) return { type: 'notFound' };
  const [head, ...rest] = parts;
  switch (head) {
    case 'version':
      return rest.length === 0 ? { type: 'version' } : { type: 'notFound' };
    case 'healthz':
    case 'livez':
    case 'readyz':
      return { type: 'health', check: head };
    case 'openapi':
      return routeOpenAPI(rest);
    case 'api':
      if (rest.length === 0) return { type: 'apiVersions' };
      return routeGroupVersion('', rest[0], rest.slice(1));
    case 'apis':
      if (rest.length === 0) return { type: 'apiGroups' };
      if (rest.length === 1) return { type: 'apiGroup', group: rest[0] };
      return routeGroupVersion(rest[0], rest[1], rest.slice(2));
    default:
      return { type: 'notFound' };
  }
}

function routeOpenAPI(rest: string[]): Route {
  if (rest[0] === 'v2' && rest.length === 1) return { type: 'openapiV2' };
  if (rest[0] !== 'v3') return { type: 'notFound' };
  const gv = rest.slice(1);
  if (gv.length === 0) return { type: 'openapiIndex' };
  if (gv[0] === 'api' && gv.length === 2) return { type: 'openapiGroupVersion', group: '', version: gv[1] };
  if (gv[0] === 'apis' && gv.length === 3) return { type: 'openapiGroupVersion', group: gv[1], version: gv[2] };
  return { type: 'notFound' };
}

function routeGroupVersion(group: string, version: string, parts: string[]): Route {
  if (parts.length === 0) return { type: 'resourceList', group, version };
  let namespace: string | undefined;
  let current = parts;
  if (current[0] === 'namespaces' && current.length > 1) {
    namespace = current[1];
    if (current.length > 2 && !NAMESPACE_SUBRESOURCES.has(current[2])) current = current.slice(2);
  }
  if (current.length > 3) return { type: 'notFound' };
  const [resource, name, subresource] = current;
  const route: ResourceRoute = { type: 'resource', group, version, resource };
  if (namespace !== undefined) route.namespace = namespace;
  if (name !== undefined) route.name = name;
  if (subresource !== undefined) route.subresource = subresource;
  return route;
}

function decodeSegment(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
