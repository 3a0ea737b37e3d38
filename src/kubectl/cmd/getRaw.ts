/**
 * `kubectl get --raw PATH` (get.go RawGet): a plain GET of an API path whose body is printed as
 * the server sent it: JSON on one line and a newline, `ok` for the health checks. Paths are
 * routed by the API server's rules (core/apiserver/requestRoute.ts); the legacy discovery
 * documents are the ones `kubeplay serve` answers. Used by the metrics docs
 * (`kubectl get --raw /apis/metrics.k8s.io/v1beta1/nodes | jq`).
 *
 * NOTE: only each resource's served version is answered (another version is NotFound), and
 * watch, log, exec and proxy subresources are not served here.
 */
import { statusErrorFrom } from '../../core/api/status.ts';
import type { KubeObject } from '../../core/api/types.ts';
import { apiGroup, apiGroupList, apiResourceList, apiVersions } from '../../core/apiserver/discoveryDocuments.ts';
import { routeRequest, type ResourceRoute } from '../../core/apiserver/requestRoute.ts';
import type { ResourceDefinition } from '../../core/client/client.ts';
import type { Invocation } from '../command.ts';
import { CommandError } from '../errors.ts';
import { currentContext } from '../kubeconfig.ts';
import type { KubectlContext } from '../context.ts';
import { versionInfo } from './discovery/version.ts';

/** pathNotFound is the apiserver's answer to a path it does not serve. */
function pathNotFound(): Error {
  return statusErrorFrom({
    apiVersion: 'v1', kind: 'Status', metadata: {}, status: 'Failure',
    message: 'the server could not find the requested resource', reason: 'NotFound', details: {}, code: 404,
  });
}

/** OBJECT_META_ORDER is ObjectMeta's Go field order, which the server's JSON follows. */
const OBJECT_META_ORDER = [
  'name', 'generateName', 'namespace', 'selfLink', 'uid', 'resourceVersion', 'generation', 'creationTimestamp',
  'deletionTimestamp', 'deletionGracePeriodSeconds', 'labels', 'annotations', 'ownerReferences', 'finalizers', 'managedFields',
];

/** wireObject orders an object as Go encodes it: kind, apiVersion, metadata, then the rest. */
function wireObject(obj: KubeObject, withType: boolean): Record<string, unknown> {
  const { kind, apiVersion, metadata, ...rest } = obj as KubeObject & Record<string, unknown>;
  const meta: Record<string, unknown> = {};
  const m = (metadata ?? {}) as Record<string, unknown>;
  for (const k of OBJECT_META_ORDER) if (m[k] !== undefined) meta[k] = m[k];
  for (const k of Object.keys(m)) if (!(k in meta)) meta[k] = m[k];
  return { ...(withType ? { kind, apiVersion } : {}), metadata: meta, ...rest };
}

/** findDefinition is the served resource a route names, in the version it is served at. */
function findDefinition(ctx: KubectlContext, route: ResourceRoute): ResourceDefinition | undefined {
  return ctx.client.discovery().find((d) => d.group === route.group && d.version === route.version && d.resource === route.resource);
}

/** getResource answers a GET of a collection or an object (status/scale read as the object). */
function getResource(ctx: KubectlContext, route: ResourceRoute): unknown {
  const def = findDefinition(ctx, route);
  if (!def || !def.verbs.includes(route.name ? 'get' : 'list')) throw pathNotFound();
  const ref = { group: def.group, resource: def.resource };
  const namespace = def.namespaced ? route.namespace : undefined;
  if (route.name) {
    if (def.namespaced && !namespace) throw pathNotFound();
    if (route.subresource === 'scale') return ctx.client.getScale(ref, namespace ?? '', route.name);
    if (route.subresource && route.subresource !== 'status') throw pathNotFound();
    return wireObject(ctx.client.get(ref, namespace ?? '', route.name), true);
  }
  const list = ctx.client.list(ref, namespace);
  return {
    kind: list.kind,
    apiVersion: list.apiVersion,
    metadata: list.metadata,
    items: list.items.map((o) => wireObject(o, false)),
  };
}

/** rawBody is what the server answers for a path. */
function rawBody(ctx: KubectlContext, path: string): string {
  const route = routeRequest(path);
  const defs = ctx.client.discovery();
  const json = (doc: unknown): string => `${JSON.stringify(doc)}\n`;
  switch (route.type) {
    case 'health':
      return 'ok';
    case 'version':
      return json(versionInfo(ctx.serverVersion?.() ?? 'v1.32.2'));
    case 'apiVersions': {
      const cluster = ctx.kubeconfig.clusters.find((c) => c.name === currentContext(ctx.kubeconfig)?.cluster);
      return json(apiVersions((cluster?.server ?? 'https://172.30.1.2:6443').replace(/^https?:\/\//, '')));
    }
    case 'apiGroups':
      return json(apiGroupList(defs));
    case 'apiGroup': {
      const doc = apiGroup(defs, route.group);
      if (!doc) throw pathNotFound();
      return json(doc);
    }
    case 'resourceList': {
      const doc = apiResourceList(defs, route.group, route.version);
      if (!doc) throw pathNotFound();
      return json(doc);
    }
    case 'resource':
      return json(getResource(ctx, route));
    default:
      throw pathNotFound();
  }
}

/** runGetRaw is `kubectl get --raw`, after get.go's argument checks. */
export function runGetRaw(inv: Invocation, path: string): number {
  const { ctx, flags } = inv;
  if (inv.args.length > 0) throw new CommandError('error: arguments may not be passed when --raw is specified');
  if (flags.bool('watch') || flags.bool('watch-only') || flags.string('selector')) {
    throw new CommandError('error: --raw may not be specified with other flags that filter the server request or alter the output');
  }
  if (flags.string('output')) throw new CommandError('error: --raw and --output are mutually exclusive');
  if (!path.startsWith('/')) throw new CommandError(`error: --raw must be a valid URL path: parse "${path}": invalid URI for request`);
  ctx.stdout(rawBody(ctx, path.split('?')[0]));
  return 0;
}
