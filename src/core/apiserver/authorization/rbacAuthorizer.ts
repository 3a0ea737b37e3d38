/**
 * The RBAC authorizer, after plugin/pkg/auth/authorizer/rbac/rbac.go and
 * pkg/registry/rbac/validation/rule.go (DefaultRuleResolver.VisitRulesFor).
 *
 * For a user it visits every ClusterRoleBinding that names them (by User, Group or
 * ServiceAccount), then, for a namespaced request, every RoleBinding in that namespace,
 * and reads the rules of the Role or ClusterRole each one refers to. The first rule that
 * allows the request wins and names its source in the reason; a binding to a role that
 * does not exist is an error that ends up in the deny reason. Like kube-apiserver's
 * authorizer union, members of `system:masters` are allowed before RBAC is asked.
 */
import type { KubeObject } from '../../api/types.ts';
import { RBAC_GROUP, type PolicyRule, type RoleRef, type Subject } from '../../api/validation/rbac.ts';
import type { Store } from '../../storage/store.ts';
import type { UserInfo } from '../admission.ts';
import type { Attributes, Authorizer, Decision } from './attributes.ts';
import { ruleAllows } from './ruleMatching.ts';

/** SYSTEM_PRIVILEGED_GROUP is user.SystemPrivilegedGroup, allowed everything by the authorizer union. */
export const SYSTEM_PRIVILEGED_GROUP = 'system:masters';

interface Binding extends KubeObject {
  roleRef?: RoleRef;
  subjects?: Subject[] | null;
}

/** RuleVisitor sees each rule with a description of where it came from (or an error); false stops. */
type RuleVisitor = (source: string, rule: PolicyRule | undefined, err: string | undefined) => boolean;

/** appliesTo is appliesToUser: does a binding subject name this user? */
export function appliesTo(user: UserInfo, s: Subject, namespace: string): boolean {
  switch (s.kind) {
    case 'User':
      return user.username === s.name;
    case 'Group':
      return user.groups.includes(s.name ?? '');
    case 'ServiceAccount': {
      // A RoleBinding's ServiceAccount subject defaults to the binding's namespace.
      const ns = s.namespace || namespace;
      return ns !== '' && user.username === `system:serviceaccount:${ns}:${s.name}`;
    }
    default:
      return false;
  }
}

/** describeSubject is upstream's describeSubject (`ServiceAccount "sa/ns"`, `User "jane"`). */
function describeSubject(s: Subject, bindingNamespace: string): string {
  if (s.kind === 'ServiceAccount') return `${s.kind} ${JSON.stringify(`${s.name}/${s.namespace || bindingNamespace}`)}`;
  return `${s.kind} ${JSON.stringify(s.name)}`;
}

/** RBACAuthorizer reads roles and bindings straight from storage, as upstream reads its informer caches. */
export class RBACAuthorizer implements Authorizer {
  constructor(private readonly store: Store) {}

  authorize(attrs: Attributes): Decision {
    if (attrs.user.groups.includes(SYSTEM_PRIVILEGED_GROUP)) return { allowed: true, reason: '' };
    let reason = '';
    const errors: string[] = [];
    this.visitRulesFor(attrs.user, attrs.namespace ?? '', (source, rule, err) => {
      if (rule && ruleAllows(attrs, rule)) {
        reason = `RBAC: allowed by ${source}`;
        return false;
      }
      if (err) errors.push(err);
      return true;
    });
    if (reason) return { allowed: true, reason };
    // utilerrors.NewAggregate prints one error as is and several as `[a, b]`.
    const agg = errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`;
    return { allowed: false, reason: errors.length > 0 ? `RBAC: ${agg}` : '' };
  }

  /** rulesFor is RulesFor: every rule the user holds in a namespace (for SelfSubjectRulesReview). */
  rulesFor(user: UserInfo, namespace: string): { rules: PolicyRule[]; errors: string[] } {
    const rules: PolicyRule[] = [];
    const errors: string[] = [];
    if (user.groups.includes(SYSTEM_PRIVILEGED_GROUP)) {
      rules.push({ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }, { verbs: ['*'], nonResourceURLs: ['*'] });
    }
    this.visitRulesFor(user, namespace, (_source, rule, err) => {
      if (rule) rules.push(rule);
      if (err) errors.push(err);
      return true;
    });
    return { rules, errors };
  }

  /** visitRulesFor is DefaultRuleResolver.VisitRulesFor. */
  visitRulesFor(user: UserInfo, namespace: string, visit: RuleVisitor): void {
    for (const b of this.store.list(`clusterrolebindings.${RBAC_GROUP}`).items as Binding[]) {
      const subject = (b.subjects ?? []).find((s) => appliesTo(user, s, ''));
      if (!subject) continue;
      const { rules, err } = this.rulesOfRef(b.roleRef ?? {}, '');
      if (err && !visit('', undefined, err)) return;
      const source = `ClusterRoleBinding ${JSON.stringify(b.metadata.name)} of ${b.roleRef?.kind} ${JSON.stringify(b.roleRef?.name)} to ${describeSubject(subject, '')}`;
      for (const rule of rules) if (!visit(source, rule, undefined)) return;
    }
    if (namespace === '') return;
    for (const b of this.store.list(`rolebindings.${RBAC_GROUP}`, namespace).items as Binding[]) {
      const subject = (b.subjects ?? []).find((s) => appliesTo(user, s, namespace));
      if (!subject) continue;
      const { rules, err } = this.rulesOfRef(b.roleRef ?? {}, namespace);
      if (err && !visit('', undefined, err)) return;
      const source = `RoleBinding ${JSON.stringify(`${b.metadata.name}/${namespace}`)} of ${b.roleRef?.kind} ${JSON.stringify(b.roleRef?.name)} to ${describeSubject(subject, namespace)}`;
      for (const rule of rules) if (!visit(source, rule, undefined)) return;
    }
  }

  /** rulesOfRef is GetRoleReferenceRules: the rules of the Role or ClusterRole a binding names. */
  private rulesOfRef(ref: RoleRef, namespace: string): { rules: PolicyRule[]; err?: string } {
    const name = ref.name ?? '';
    if (ref.kind === 'Role') {
      const role = this.store.get(`roles.${RBAC_GROUP}`, namespace, name);
      if (!role) return { rules: [], err: `role.${RBAC_GROUP} ${JSON.stringify(name)} not found` };
      return { rules: ((role as { rules?: PolicyRule[] | null }).rules ?? []) as PolicyRule[] };
    }
    if (ref.kind === 'ClusterRole') {
      const role = this.store.get(`clusterroles.${RBAC_GROUP}`, '', name);
      if (!role) return { rules: [], err: `clusterrole.${RBAC_GROUP} ${JSON.stringify(name)} not found` };
      return { rules: ((role as { rules?: PolicyRule[] | null }).rules ?? []) as PolicyRule[] };
    }
    return { rules: [], err: `unsupported role reference kind: ${JSON.stringify(ref.kind ?? '')}` };
  }
}
