/**
 * `kubectl create role|clusterrole NAME --verb=verb --resource=resource.group/subresource ...`
 *
 * Models staging/src/k8s.io/kubectl/pkg/cmd/create/create_role.go and create_clusterrole.go:
 * verbs de-duplicated ("*" wins), resources resolved through the RESTMapper (short names
 * expanded) and grouped into one rule per API group, groups in sorted order.
 */
import type { GeneratorContext } from './context.ts';
import { objectMeta, type GeneratedObject } from './meta.ts';
import { UsageError, exactlyOneName } from './usageError.ts';

/** RoleFlags are the parsed flags of `create role`. */
export interface RoleFlags {
  /** --verb (StringSlice). */
  verb?: string[];
  /** --resource (StringSlice): "resource[.group][/subresource]". */
  resource?: string[];
  /** --resource-name (StringArray). */
  resourceName?: string[];
}

/** ClusterRoleFlags are the parsed flags of `create clusterrole`. */
export interface ClusterRoleFlags extends RoleFlags {
  /** --non-resource-url (StringSlice), e.g. /healthz, /logs/*. */
  nonResourceUrl?: string[];
  /** --aggregation-rule (map "k=v,..."): label selector of aggregated ClusterRoles. */
  aggregationRule?: Record<string, string>;
}

const VALID_RESOURCE_VERBS = ['*', 'get', 'delete', 'list', 'create', 'update', 'patch', 'watch', 'proxy', 'deletecollection', 'use', 'bind', 'escalate', 'impersonate'];
const VALID_NON_RESOURCE_VERBS = ['*', 'get', 'post', 'put', 'delete', 'patch', 'head', 'options'];
// Verbs that only make sense on particular resources (create_role.go specialVerbs).
const SPECIAL_VERBS: Record<string, Array<[string, string]>> = {
  use: [['policy', 'podsecuritypolicies']],
  bind: [['rbac.authorization.k8s.io', 'roles'], ['rbac.authorization.k8s.io', 'clusterroles']],
  escalate: [['rbac.authorization.k8s.io', 'roles'], ['rbac.authorization.k8s.io', 'clusterroles']],
  impersonate: [['', 'users'], ['', 'serviceaccounts'], ['', 'groups'], ['authentication.k8s.io', 'userextras'], ['authentication.k8s.io', 'uids']],
};

interface ResourceOption {
  resource: string;
  group: string;
  subresource: string;
}

function uniq(values: string[]): string[] {
  return [...new Set(values)];
}

// Upstream de-duplicates verbs and collapses them to ["*"] as soon as "*" appears.
function completeVerbs(verbs: string[]): string[] {
  return verbs.includes('*') ? ['*'] : uniq(verbs);
}

function parseResources(specs: string[]): ResourceOption[] {
  const out: ResourceOption[] = [];
  for (const spec of specs) {
    const slash = spec.indexOf('/');
    const main = slash < 0 ? spec : spec.slice(0, slash);
    const subresource = slash < 0 ? '' : spec.slice(slash + 1);
    const dot = main.indexOf('.');
    const option = { resource: dot < 0 ? main : main.slice(0, dot), group: dot < 0 ? '' : main.slice(dot + 1), subresource };
    if (option.resource === '*' && dot < 0 && slash < 0) return [option];
    out.push(option);
  }
  return out;
}

function resolve(option: ResourceOption, ctx: GeneratorContext | undefined): { group: string; resource: string } | undefined {
  return ctx?.resolveResource?.(option.resource, option.group);
}

function validateResources(options: ResourceOption[], verbs: string[], ctx: GeneratorContext | undefined): void {
  for (const option of options) {
    if (option.resource === '') throw new UsageError('resource must be specified if apiGroup/subresource specified');
    if (option.resource === '*') return;
    const resolved = resolve(option, ctx);
    const gr = resolved ?? { group: option.group, resource: option.resource };
    for (const verb of verbs) {
      const allowed = SPECIAL_VERBS[verb];
      if (allowed && !allowed.some(([g, r]) => g === gr.group && r === gr.resource)) {
        throw new UsageError(`can not perform '${verb}' on '${gr.resource}' in group '${gr.group}'`);
      }
    }
    if (!resolved && !(verbs.length > 0 && verbs.every((v) => SPECIAL_VERBS[v]))) {
      const what = option.group ? `${option.resource}.${option.group}` : option.resource;
      throw new UsageError(`the server doesn't have a resource type "${what}"`, 'raw');
    }
  }
}

/** policyRules groups resources per API group, one rule each (generateResourcePolicyRules). */
function policyRules(verbs: string[], options: ResourceOption[], resourceNames: string[], nonResourceURLs: string[], ctx?: GeneratorContext): unknown[] {
  const byGroup = new Map<string, string[]>();
  for (const option of options) {
    const gr = resolve(option, ctx) ?? { group: option.group, resource: option.resource };
    const resource = option.subresource ? `${gr.resource}/${option.subresource}` : gr.resource;
    const list = byGroup.get(gr.group) ?? [];
    if (!list.includes(resource)) list.push(resource);
    byGroup.set(gr.group, list);
  }
  const rules: unknown[] = [];
  for (const group of [...byGroup.keys()].sort()) {
    const rule: Record<string, unknown> = { verbs, apiGroups: [group], resources: byGroup.get(group) };
    if (resourceNames.length > 0) rule.resourceNames = resourceNames;
    rules.push(rule);
  }
  if (nonResourceURLs.length > 0) rules.push({ verbs, nonResourceURLs });
  return rules;
}

function warnNonStandard(verbs: string[], ctx: GeneratorContext | undefined): void {
  for (const verb of verbs) {
    if (!VALID_RESOURCE_VERBS.includes(verb)) ctx?.warn?.(`Warning: '${verb}' is not a standard resource verb`);
  }
}

/** generateRole builds the rbac.authorization.k8s.io/v1 Role kubectl would create. */
export function generateRole(args: string[], flags: RoleFlags, ctx?: GeneratorContext): GeneratedObject {
  const name = exactlyOneName(args);
  const verbs = completeVerbs(flags.verb ?? []);
  const resources = parseResources(flags.resource ?? []);
  const resourceNames = uniq(flags.resourceName ?? []);
  if (verbs.length === 0) throw new UsageError('at least one verb must be specified');
  warnNonStandard(verbs, ctx);
  if (resources.length === 0) throw new UsageError('at least one resource must be specified');
  validateResources(resources, verbs, ctx);
  return {
    kind: 'Role',
    apiVersion: 'rbac.authorization.k8s.io/v1',
    metadata: objectMeta(name, ctx),
    rules: policyRules(verbs, resources, resourceNames, [], ctx),
  };
}

/** generateClusterRole builds the ClusterRole kubectl would create (never namespaced). */
export function generateClusterRole(args: string[], flags: ClusterRoleFlags, ctx?: GeneratorContext): GeneratedObject {
  const name = exactlyOneName(args);
  const metadata = objectMeta(name, ctx, { namespaced: false });
  const aggregation = flags.aggregationRule ?? {};
  const verbs = completeVerbs(flags.verb ?? []);
  const resources = parseResources(flags.resource ?? []);
  const resourceNames = uniq(flags.resourceName ?? []);
  const nonResourceURLs = uniq(flags.nonResourceUrl ?? []);
  if (Object.keys(aggregation).length > 0) {
    if (verbs.length > 0 || resources.length > 0 || resourceNames.length > 0 || nonResourceURLs.length > 0) {
      throw new UsageError('aggregation rule must be specified without nonResourceURLs, resources, verbs or resourceNames');
    }
    return {
      kind: 'ClusterRole',
      apiVersion: 'rbac.authorization.k8s.io/v1',
      metadata,
      rules: null,
      aggregationRule: { clusterRoleSelectors: [{ matchLabels: { ...aggregation } }] },
    };
  }
  if (verbs.length === 0) throw new UsageError('at least one verb must be specified');
  warnNonStandard(verbs, ctx);
  if (resources.length === 0 && nonResourceURLs.length === 0) {
    throw new UsageError('one of resource or nonResourceURL must be specified');
  }
  if (resources.length > 0) validateResources(resources, verbs, ctx);
  if (nonResourceURLs.length > 0) {
    for (const verb of verbs) {
      if (!VALID_NON_RESOURCE_VERBS.includes(verb)) throw new UsageError(`invalid verb: '${verb}' for nonResourceURL`);
    }
    for (const url of nonResourceURLs) {
      if (url === '*') continue;
      if (!url.startsWith('/')) throw new UsageError(`nonResourceURL should start with /`);
      if (url.slice(0, -1).includes('*')) throw new UsageError(`nonResourceURL only supports wildcard matches when '*' is at the end`);
    }
  }
  return {
    kind: 'ClusterRole',
    apiVersion: 'rbac.authorization.k8s.io/v1',
    metadata,
    rules: policyRules(verbs, resources, resourceNames, nonResourceURLs, ctx),
  };
}
