/**
 * Discovery documents, rendered from the API server's resource definitions in both shapes
 * kubectl reads (see /work/shared/reference/kubectl-wire.md §5.2, §5.3):
 *
 * - aggregated discovery (apidiscovery.k8s.io/v2 APIGroupDiscoveryList) on `/api` and `/apis`,
 *   recognised by kubectl only through the response Content-Type;
 * - legacy discovery: APIVersions, APIGroupList, APIGroup and APIResourceList, which drain,
 *   `auth can-i` and client-node's KubernetesObjectApi still read.
 *
 * Upstream builds these in k8s.io/apiserver/pkg/endpoints/discovery (aggregated/ and
 * legacy group/version handlers); both are the same registry rendered twice.
 */
import type { ResourceDefinition } from './resource.ts';

/** AGGREGATED_DISCOVERY_V2 is the Content-Type of an aggregated discovery answer. */
export const AGGREGATED_DISCOVERY_V2 = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';

/** AGGREGATED_DISCOVERY_V2BETA1 is the older Content-Type, for clients that only offer it. */
export const AGGREGATED_DISCOVERY_V2BETA1 = 'application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList';

/** SubresourceInfo is what discovery says about one subresource. */
interface SubresourceInfo {
  group?: string;
  version?: string;
  kind: string;
  verbs: string[];
}

const GET_PATCH_UPDATE = ['get', 'patch', 'update'];
const PROXY_VERBS = ['create', 'delete', 'get', 'patch', 'update'];

/**
 * subresourceInfo gives a subresource's response kind and verbs as a v1.32 apiserver lists
 * them (`kubectl get --raw /api/v1`), e.g. pods/eviction is policy/v1 Eviction.
 */
export function subresourceInfo(def: ResourceDefinition, sub: string): SubresourceInfo {
  switch (sub) {
    case 'status':
    case 'ephemeralcontainers':
    case 'resize':
      return { kind: def.kind, verbs: GET_PATCH_UPDATE };
    case 'scale':
      return { group: 'autoscaling', version: 'v1', kind: 'Scale', verbs: GET_PATCH_UPDATE };
    case 'log':
      return { kind: 'Pod', verbs: ['get'] };
    case 'exec':
      return { kind: 'PodExecOptions', verbs: ['create', 'get'] };
    case 'attach':
      return { kind: 'PodAttachOptions', verbs: ['create', 'get'] };
    case 'portforward':
      return { kind: 'PodPortForwardOptions', verbs: ['create', 'get'] };
    case 'eviction':
      return { group: 'policy', version: 'v1', kind: 'Eviction', verbs: ['create'] };
    case 'binding':
      return { kind: 'Binding', verbs: ['create'] };
    case 'finalize':
      return { kind: 'Namespace', verbs: ['update'] };
    case 'token':
      return { group: 'authentication.k8s.io', version: 'v1', kind: 'TokenRequest', verbs: ['create'] };
    case 'proxy':
      return { kind: `${def.kind}ProxyOptions`, verbs: PROXY_VERBS };
    default:
      return { kind: def.kind, verbs: ['get'] };
  }
}

/** GroupVersions groups definitions by group, then version, in registry order. */
export function groupVersions(defs: readonly ResourceDefinition[]): Map<string, Map<string, ResourceDefinition[]>> {
  const groups = new Map<string, Map<string, ResourceDefinition[]>>();
  for (const def of defs) {
    const versions = groups.get(def.group) ?? new Map<string, ResourceDefinition[]>();
    groups.set(def.group, versions);
    versions.set(def.version, [...(versions.get(def.version) ?? []), def]);
  }
  // Other versions a kind is served in by conversion (autoscaling/v1 HPAs) follow the preferred one.
  for (const def of defs) {
    for (const gv of Object.keys(def.convertTo ?? {})) {
      const version = gv.slice(gv.indexOf('/') + 1);
      const versions = groups.get(def.group)!;
      versions.set(version, [...(versions.get(version) ?? []), { ...def, version }]);
    }
  }
  return groups;
}

/** aggregatedDiscovery renders the APIGroupDiscoveryList of `/api` (core: true) or `/apis`. */
export function aggregatedDiscovery(defs: readonly ResourceDefinition[], core: boolean, apiVersion = 'apidiscovery.k8s.io/v2'): object {
  const items = [];
  for (const [group, versions] of groupVersions(defs)) {
    if ((group === '') !== core) continue;
    items.push({
      metadata: { name: group },
      versions: [...versions].map(([version, list]) => ({
        version,
        resources: list.map(aggregatedResource),
        freshness: 'Current',
      })),
    });
  }
  return { kind: 'APIGroupDiscoveryList', apiVersion, metadata: {}, items };
}

function aggregatedResource(def: ResourceDefinition): object {
  const out: Record<string, unknown> = {
    resource: def.resource,
    responseKind: { group: def.group, version: def.version, kind: def.kind },
    scope: def.namespaced ? 'Namespaced' : 'Cluster',
    singularResource: def.singular,
    verbs: [...def.verbs],
  };
  if (def.shortNames.length > 0) out.shortNames = [...def.shortNames];
  if (def.categories.length > 0) out.categories = [...def.categories];
  if (def.subresources.length > 0) {
    out.subresources = def.subresources.map((sub) => {
      const info = subresourceInfo(def, sub);
      return {
        subresource: sub,
        responseKind: { group: info.group ?? def.group, version: info.version ?? def.version, kind: info.kind },
        verbs: info.verbs,
      };
    });
  }
  return out;
}

/** apiVersions is the legacy answer of `/api`. */
export function apiVersions(serverAddress: string): object {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

/** apiGroup renders one legacy APIGroup (without kind/apiVersion when listed inside APIGroupList). */
function apiGroupBody(group: string, versions: Iterable<string>): Record<string, unknown> {
  const list = [...versions].map((version) => ({ groupVersion: `${group}/${version}`, version }));
  return { name: group, versions: list, preferredVersion: list[0] };
}

/** apiGroupList is the legacy answer of `/apis`. */
export function apiGroupList(defs: readonly ResourceDefinition[]): object {
  const groups = [];
  for (const [group, versions] of groupVersions(defs)) {
    if (group !== '') groups.push(apiGroupBody(group, versions.keys()));
  }
  return { kind: 'APIGroupList', apiVersion: 'v1', groups };
}

/** apiGroup is the answer of `/apis/{group}`, or undefined when the group is not served. */
export function apiGroup(defs: readonly ResourceDefinition[], group: string): object | undefined {
  const versions = groupVersions(defs).get(group);
  if (!versions || group === '') return undefined;
  return { kind: 'APIGroup', apiVersion: 'v1', ...apiGroupBody(group, versions.keys()) };
}

/** apiResourceList is the answer of `/api/v1` or `/apis/{group}/{version}`, or undefined when not served. */
export function apiResourceList(defs: readonly ResourceDefinition[], group: string, version: string): object | undefined {
  const list = groupVersions(defs).get(group)?.get(version);
  if (!list) return undefined;
  const resources: object[] = [];
  for (const def of list) {
    const main: Record<string, unknown> = {
      name: def.resource,
      singularName: def.singular,
      namespaced: def.namespaced,
      kind: def.kind,
      verbs: [...def.verbs],
    };
    if (def.shortNames.length > 0) main.shortNames = [...def.shortNames];
    if (def.categories.length > 0) main.categories = [...def.categories];
    resources.push(main);
    for (const sub of def.subresources) {
      const info = subresourceInfo(def, sub);
      const entry: Record<string, unknown> = { name: `${def.resource}/${sub}`, singularName: '', namespaced: def.namespaced };
      if (info.group !== undefined) {
        entry.group = info.group;
        entry.version = info.version;
      }
      entry.kind = info.kind;
      entry.verbs = info.verbs;
      resources.push(entry);
    }
  }
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: group ? `${group}/${version}` : version, resources };
}
