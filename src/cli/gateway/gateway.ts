/**
 * The HTTP gateway: the simulated cluster behind the Kubernetes HTTP API, so the real kubectl
 * and client libraries can talk to it (DESIGN §8, kubectl-wire.md).
 *
 * createGateway returns a Node http.Server (not yet listening). Each request is routed
 * (core/apiserver/requestRoute.ts) to /version, health checks, discovery (core/apiserver/discoveryDocuments.ts), OpenAPI v3 (openapi.ts),
 * the self-subject reviews (reviews.ts) or a REST resource (resources.ts); failures become
 * metav1.Status bodies. The cluster is reached only through its client.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { ResourceDefinition } from '../../core/client/client.ts';
import type { GatewayContext, RequestContext } from './context.ts';
import {
  AGGREGATED_DISCOVERY_V2,
  AGGREGATED_DISCOVERY_V2BETA1,
  aggregatedDiscovery,
  apiGroup,
  apiGroupList,
  apiResourceList,
  apiVersions,
} from '../../core/apiserver/discoveryDocuments.ts';
import { notFoundStatus, sendError, sendJSON } from './http.ts';
import { aggregatedDiscoveryVersion } from './negotiation.ts';
import { openAPIGroupVersion, openAPIIndex } from './openapi.ts';
import { REVIEW_RESOURCES, isReviewRoute, serveReview } from './reviews.ts';
import { serveResource } from './resources.ts';
import { routeRequest, type Route } from '../../core/apiserver/requestRoute.ts';

/** versionInfo is the /version answer; kubectl's dispatcher picks its binary by `minor`. */
export function versionInfo(gitVersion: string): object {
  const m = /^v(\d+)\.(\d+)/.exec(gitVersion);
  return {
    major: m ? m[1] : '1',
    minor: m ? m[2] : '32',
    gitVersion,
    gitCommit: '0000000000000000000000000000000000000000',
    gitTreeState: 'clean',
    buildDate: '2025-01-01T00:00:00Z',
    goVersion: 'go1.23.6',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}

/** createGateway builds the server; call `listen(port, '127.0.0.1')` on it. */
export function createGateway(g: GatewayContext): Server {
  const openapiCache = new Map<string, { doc: object; hash: string }>();
  // The review kinds are served by the API server's registry now; keep the gateway's stand-ins only for those it lacks.
  const discovery = (): ResourceDefinition[] => {
    const served = g.client.discovery();
    return [...served, ...REVIEW_RESOURCES.filter((r) => !served.some((d) => d.group === r.group && d.resource === r.resource))];
  };
  const openapi = (group: string, version: string) => {
    const key = `${group}/${version}`;
    let hit = openapiCache.get(key);
    if (!hit && g.schema) {
      const doc = openAPIGroupVersion(g.schema, g.client.discovery(), group, version, g.gitVersion);
      if (doc) {
        const hash = createHash('sha512').update(JSON.stringify(doc)).digest('hex').slice(0, 128).toUpperCase();
        hit = { doc, hash };
        openapiCache.set(key, hit);
      }
    }
    return hit;
  };

  const handle = async (r: RequestContext, route: Route): Promise<void> => {
    switch (route.type) {
      case 'version':
        return sendJSON(r.res, 200, versionInfo(g.gitVersion));
      case 'health':
        r.res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
        r.res.end('ok');
        return;
      case 'apiVersions':
      case 'apiGroups': {
        const core = route.type === 'apiVersions';
        const v = aggregatedDiscoveryVersion(r.accept);
        if (v) {
          const doc = aggregatedDiscovery(discovery(), core, `apidiscovery.k8s.io/${v}`);
          return sendJSON(r.res, 200, doc, v === 'v2' ? AGGREGATED_DISCOVERY_V2 : AGGREGATED_DISCOVERY_V2BETA1);
        }
        return sendJSON(r.res, 200, core ? apiVersions(g.serverAddress()) : apiGroupList(discovery()));
      }
      case 'apiGroup': {
        const doc = apiGroup(discovery(), route.group);
        if (!doc) throw notFoundStatus();
        return sendJSON(r.res, 200, doc);
      }
      case 'resourceList': {
        const doc = apiResourceList(discovery(), route.group, route.version);
        if (!doc) throw notFoundStatus();
        return sendJSON(r.res, 200, doc);
      }
      case 'openapiIndex': {
        const hashOf = (group: string, version: string) => openapi(group, version)?.hash ?? '';
        return sendJSON(r.res, 200, openAPIIndex(g.client.discovery(), hashOf));
      }
      case 'openapiGroupVersion': {
        const hit = openapi(route.group, route.version);
        if (!hit) throw notFoundStatus();
        return sendJSON(r.res, 200, hit.doc);
      }
      case 'resource':
        if (isReviewRoute(route)) {
          if (await serveReview(r, route)) return;
          throw notFoundStatus();
        }
        return serveResource(g, r, route);
      case 'openapiV2':
      case 'notFound':
        throw notFoundStatus();
    }
  };

  return createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const r: RequestContext = {
      req,
      res,
      method: (req.method ?? 'GET').toUpperCase(),
      query: url.searchParams,
      accept: req.headers.accept,
      contentType: req.headers['content-type'],
    };
    handle(r, routeRequest(url.pathname)).catch((err: unknown) => sendError(res, err));
  });
}
