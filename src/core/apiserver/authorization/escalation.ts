/**
 * RBAC escalation prevention, after pkg/registry/rbac/{role,clusterrole,rolebinding,
 * clusterrolebinding}/policybased/storage.go and pkg/registry/rbac/validation/policy_compact.go
 * + rule.go (Covers, ConfirmNoEscalation): a user may only write a Role or ClusterRole whose
 * rules they already hold, unless they may `escalate` it; and may only bind a role whose rules
 * they hold, unless they may `bind` it. system:masters may do anything.
 */
import { forbidden, notFound } from '../../api/status.ts';
import type { KubeObject } from '../../api/types.ts';
import { RBAC_GROUP, type PolicyRule, type RoleRef } from '../../api/validation/rbac.ts';
import type { UserInfo } from '../admission.ts';
import type { Authorizer } from './attributes.ts';
import type { Store } from '../../storage/store.ts';
import { SYSTEM_PRIVILEGED_GROUP } from './rbacAuthorizer.ts';

/** breakdown is validation.BreakdownRule: one rule per group × resource × verb (× name), one per URL × verb. */
function breakdown(rule: PolicyRule): PolicyRule[] {
  const out: PolicyRule[] = [];
  for (const g of rule.apiGroups ?? []) {
    for (const r of rule.resources ?? []) {
      for (const v of rule.verbs ?? []) {
        if ((rule.resourceNames ?? []).length > 0) for (const n of rule.resourceNames ?? []) out.push({ apiGroups: [g], resources: [r], verbs: [v], resourceNames: [n] });
        else out.push({ apiGroups: [g], resources: [r], verbs: [v] });
      }
    }
  }
  for (const u of rule.nonResourceURLs ?? []) for (const v of rule.verbs ?? []) out.push({ nonResourceURLs: [u], verbs: [v] });
  return out;
}

const has = (set: string[] | undefined, v: string) => (set ?? []).includes(v);
const hasAll = (set: string[] | undefined, want: string[] | undefined) => (want ?? []).every((w) => has(set, w));

function resourceCoversAll(owned: string[] | undefined, wanted: string[] | undefined): boolean {
  if (has(owned, '*')) return true;
  return (wanted ?? []).every((r) => {
    if (has(owned, r)) return true;
    const slash = r.indexOf('/');
    return slash >= 0 && has(owned, `*${r.slice(slash)}`);
  });
}

function urlsCoverAll(owned: string[] | undefined, wanted: string[] | undefined): boolean {
  return (wanted ?? []).every((u) => (owned ?? []).some((o) => o === '*' || o === u || (o.endsWith('*') && u.startsWith(o.slice(0, -1)))));
}

/** ruleCovers is validation.ruleCovers. */
function ruleCovers(owner: PolicyRule, sub: PolicyRule): boolean {
  const verbs = has(owner.verbs, '*') || hasAll(owner.verbs, sub.verbs);
  const groups = has(owner.apiGroups, '*') || hasAll(owner.apiGroups, sub.apiGroups);
  const ownerNames = owner.resourceNames ?? [];
  const names = (sub.resourceNames ?? []).length === 0 ? ownerNames.length === 0 : ownerNames.length === 0 || hasAll(ownerNames, sub.resourceNames);
  return verbs && groups && resourceCoversAll(owner.resources, sub.resources) && urlsCoverAll(owner.nonResourceURLs, sub.nonResourceURLs) && names;
}

/** uncovered is validation.Covers: the broken-down servant rules no owner rule covers. */
export function uncovered(owner: readonly PolicyRule[], servant: readonly PolicyRule[]): PolicyRule[] {
  return servant.flatMap(breakdown).filter((sub) => !owner.some((o) => ruleCovers(o, sub)));
}

/** compactString is rbacv1helpers.CompactString: `{APIGroups:[""], Resources:["pods"], Verbs:["delete"]}`. */
function compactString(r: PolicyRule): string {
  const q = (l: string[]) => `[${l.map((s) => JSON.stringify(s)).join(' ')}]`;
  const parts: string[] = [];
  if ((r.apiGroups ?? []).length > 0) parts.push(`APIGroups:${q(r.apiGroups!)}`);
  if ((r.resources ?? []).length > 0) parts.push(`Resources:${q(r.resources!)}`);
  if ((r.nonResourceURLs ?? []).length > 0) parts.push(`NonResourceURLs:${q(r.nonResourceURLs!)}`);
  if ((r.resourceNames ?? []).length > 0) parts.push(`ResourceNames:${q(r.resourceNames!)}`);
  if ((r.verbs ?? []).length > 0) parts.push(`Verbs:${q(r.verbs!)}`);
  return `{${parts.join(', ')}}`;
}

/** compactMissing is validation.CompactRules: simple rules with the same group/resource/name merge their verbs. */
function compactMissing(rules: PolicyRule[]): PolicyRule[] {
  const out: PolicyRule[] = [];
  const simple = new Map<string, PolicyRule>();
  for (const r of rules) {
    if ((r.nonResourceURLs ?? []).length > 0) {
      out.push(r);
      continue;
    }
    const key = JSON.stringify([r.apiGroups, r.resources, r.resourceNames ?? []]);
    const seen = simple.get(key);
    if (seen) seen.verbs = [...(seen.verbs ?? []), ...(r.verbs ?? [])];
    else simple.set(key, { ...r, verbs: [...(r.verbs ?? [])] });
  }
  return [...out, ...simple.values()];
}

/** noEscalationProblem is ConfirmNoEscalation's message, or undefined when the user holds every rule. */
export function noEscalationProblem(authz: Authorizer, user: UserInfo, namespace: string, rules: PolicyRule[]): string | undefined {
  const owned = authz.rulesFor(user, namespace);
  const missing = uncovered(owned.rules, rules);
  if (missing.length === 0) return undefined;
  const lines = [...new Set(compactMissing(missing).map(compactString))].sort();
  let msg = `user ${JSON.stringify(user.username)} (groups=[${user.groups.map((g) => JSON.stringify(g)).join(' ')}]) is attempting to grant RBAC permissions not currently held:\n${lines.join('\n')}`;
  if (owned.errors.length > 0) msg += `; resolution errors: [${owned.errors.join(' ')}]`;
  return msg;
}

function allowed(authz: Authorizer, user: UserInfo, verb: string, resource: string, namespace: string, name: string): boolean {
  return authz.authorize({ user, verb, resourceRequest: true, apiGroup: RBAC_GROUP, resource, namespace, name }).allowed;
}

/**
 * checkEscalation throws 403 when `user` writes a role or binding that would grant more than
 * they hold. `resource` is roles, clusterroles, rolebindings or clusterrolebindings.
 */
export function checkEscalation(authz: Authorizer, store: Store, user: UserInfo, resource: string, obj: KubeObject): void {
  if (user.groups.includes(SYSTEM_PRIVILEGED_GROUP)) return;
  const name = obj.metadata.name ?? '';
  const namespace = resource === 'roles' || resource === 'rolebindings' ? obj.metadata.namespace ?? '' : '';
  if (resource === 'roles' || resource === 'clusterroles') {
    // RoleEscalationAuthorized: the `escalate` verb on the role itself.
    if (allowed(authz, user, 'escalate', resource, namespace, name)) return;
    const problem = noEscalationProblem(authz, user, namespace, ((obj as { rules?: PolicyRule[] | null }).rules ?? []) as PolicyRule[]);
    if (problem) throw forbidden(RBAC_GROUP, resource, name, problem);
    return;
  }
  const ref = ((obj as { roleRef?: RoleRef }).roleRef ?? {}) as RoleRef;
  const refResource = ref.kind === 'Role' ? 'roles' : 'clusterroles';
  // BindingAuthorized: the `bind` verb on the referenced role.
  if (allowed(authz, user, 'bind', refResource, namespace, ref.name ?? '')) return;
  const role = store.get(`${refResource}.${RBAC_GROUP}`, ref.kind === 'Role' ? namespace : '', ref.name ?? '');
  if (!role) throw notFound(RBAC_GROUP, ref.kind === 'Role' ? 'role' : 'clusterrole', ref.name ?? '');
  const problem = noEscalationProblem(authz, user, namespace, ((role as { rules?: PolicyRule[] | null }).rules ?? []) as PolicyRule[]);
  if (problem) throw forbidden(RBAC_GROUP, resource, name, problem);
}
