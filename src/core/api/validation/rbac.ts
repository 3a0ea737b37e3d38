/**
 * Validation for rbac.authorization.k8s.io/v1: Role, ClusterRole, RoleBinding and
 * ClusterRoleBinding, after pkg/apis/rbac/validation/validation.go (v1.32). RBAC names
 * are path segments (path.IsValidPathSegmentName), not DNS names: `system:node` is valid.
 */
import type { FieldError, GoStringer } from '../status.ts';
import type { KubeObject } from '../types.ts';
import { isDNS1123Subdomain } from '../nameValidation.ts';
import { field, invalidEach } from './field.ts';
import { goStringSliceValue } from './goValue.ts';
import { validateObjectMeta, validateObjectMetaUpdate, type NameValidator } from './objectMeta.ts';

/** RBAC_GROUP is rbac.GroupName. */
export const RBAC_GROUP = 'rbac.authorization.k8s.io';

/** PolicyRule is rbacv1.PolicyRule. */
export interface PolicyRule {
  verbs?: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

/** Subject is rbacv1.Subject. */
export interface Subject {
  kind?: string;
  apiGroup?: string;
  name?: string;
  namespace?: string;
}

/** RoleRef is rbacv1.RoleRef. */
export interface RoleRef {
  apiGroup?: string;
  kind?: string;
  name?: string;
}

/** validateRBACName is path.IsValidPathSegmentName (prefix: only the "contains" checks). */
export const validateRBACName: NameValidator = (name, prefix) => {
  const errs: string[] = [];
  if (!prefix && (name === '.' || name === '..')) errs.push(`may not be '${name}'`);
  for (const bad of ['/', '%']) if (name.includes(bad)) errs.push(`may not contain '${bad}'`);
  return errs;
};

/** validatePolicyRule is ValidatePolicyRule: verbs always; resource rules need groups and resources. */
export function validatePolicyRule(rule: PolicyRule, namespaced: boolean, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if ((rule.verbs ?? []).length === 0) errs.push(field.required(`${path}.verbs`, 'verbs must contain at least one value'));
  const urls = rule.nonResourceURLs ?? [];
  if (urls.length > 0) {
    if (namespaced) errs.push(field.invalid(`${path}.nonResourceURLs`, goStringSliceValue(urls), 'namespaced rules cannot apply to non-resource URLs'));
    if ((rule.apiGroups ?? []).length > 0 || (rule.resources ?? []).length > 0 || (rule.resourceNames ?? []).length > 0) {
      errs.push(field.invalid(`${path}.nonResourceURLs`, goStringSliceValue(urls), 'rules cannot apply to both regular resources and non-resource URLs'));
    }
    return errs;
  }
  if ((rule.apiGroups ?? []).length === 0) errs.push(field.required(`${path}.apiGroups`, 'resource rules must supply at least one api group'));
  if ((rule.resources ?? []).length === 0) errs.push(field.required(`${path}.resources`, 'resource rules must supply at least one resource'));
  return errs;
}

function rulesOf(obj: KubeObject): PolicyRule[] {
  return ((obj as { rules?: PolicyRule[] | null }).rules ?? []) as PolicyRule[];
}

/** validateRole is ValidateRole. */
export function validateRole(obj: KubeObject): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, true, validateRBACName);
  rulesOf(obj).forEach((r, i) => errs.push(...validatePolicyRule(r, true, `rules[${i}]`)));
  return errs;
}

/** validateRoleUpdate is ValidateRoleUpdate. */
export function validateRoleUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  return [...validateRole(obj), ...validateObjectMetaUpdate(obj.metadata, old.metadata)];
}

/** validateClusterRole is ValidateClusterRole: rules may use non-resource URLs; selectors must parse. */
export function validateClusterRole(obj: KubeObject): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, false, validateRBACName);
  rulesOf(obj).forEach((r, i) => errs.push(...validatePolicyRule(r, false, `rules[${i}]`)));
  const agg = (obj as { aggregationRule?: { clusterRoleSelectors?: unknown[] } | null }).aggregationRule;
  if (agg && (agg.clusterRoleSelectors ?? []).length === 0) {
    errs.push(field.required('aggregationRule.clusterRoleSelectors', 'at least one clusterRoleSelector required if aggregationRule is non-nil'));
  }
  return errs;
}

/** validateClusterRoleUpdate is ValidateClusterRoleUpdate. */
export function validateClusterRoleUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  return [...validateClusterRole(obj), ...validateObjectMetaUpdate(obj.metadata, old.metadata)];
}

/** validateSubject is ValidateRoleBindingSubject. */
export function validateSubject(s: Subject, namespaced: boolean, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const name = s.name ?? '';
  if (name === '') errs.push(field.required(`${path}.name`));
  switch (s.kind) {
    case 'ServiceAccount':
      // ValidateServiceAccountName is a DNS-1123 subdomain.
      if (name !== '') errs.push(...invalidEach(`${path}.name`, name, isDNS1123Subdomain(name)));
      if (s.apiGroup) errs.push(field.notSupported(`${path}.apiGroup`, s.apiGroup, ['']));
      if (!namespaced && !s.namespace) errs.push(field.required(`${path}.namespace`));
      break;
    case 'User':
    case 'Group':
      if (s.apiGroup !== RBAC_GROUP) errs.push(field.notSupported(`${path}.apiGroup`, s.apiGroup ?? '', [RBAC_GROUP]));
      break;
    default:
      errs.push(field.notSupported(`${path}.kind`, s.kind ?? '', ['ServiceAccount', 'User', 'Group']));
  }
  return errs;
}

function bindingParts(obj: KubeObject): { roleRef: RoleRef; subjects: Subject[] } {
  const b = obj as { roleRef?: RoleRef; subjects?: Subject[] | null };
  return { roleRef: b.roleRef ?? {}, subjects: b.subjects ?? [] };
}

function validateBinding(obj: KubeObject, namespaced: boolean): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, namespaced, validateRBACName);
  const { roleRef, subjects } = bindingParts(obj);
  if (roleRef.apiGroup !== RBAC_GROUP) errs.push(field.notSupported('roleRef.apiGroup', roleRef.apiGroup ?? '', [RBAC_GROUP]));
  const kinds = namespaced ? ['Role', 'ClusterRole'] : ['ClusterRole'];
  if (!kinds.includes(roleRef.kind ?? '')) errs.push(field.notSupported('roleRef.kind', roleRef.kind ?? '', kinds));
  if (!roleRef.name) errs.push(field.required('roleRef.name'));
  else errs.push(...invalidEach('roleRef.name', roleRef.name, validateRBACName(roleRef.name, false)));
  subjects.forEach((s, i) => errs.push(...validateSubject(s, namespaced, `subjects[${i}]`)));
  return errs;
}

/** goRoleRef renders a RoleRef as `%#v` prints rbac.RoleRef in `cannot change roleRef`. */
function goRoleRef(r: RoleRef): GoStringer {
  return { goString: () => `rbac.RoleRef{APIGroup:${JSON.stringify(r.apiGroup ?? '')}, Kind:${JSON.stringify(r.kind ?? '')}, Name:${JSON.stringify(r.name ?? '')}}` };
}

function validateBindingUpdate(obj: KubeObject, old: KubeObject, namespaced: boolean): FieldError[] {
  const errs = [...validateBinding(obj, namespaced), ...validateObjectMetaUpdate(obj.metadata, old.metadata)];
  const a = bindingParts(obj).roleRef;
  const b = bindingParts(old).roleRef;
  if (a.apiGroup !== b.apiGroup || a.kind !== b.kind || a.name !== b.name) errs.push(field.invalid('roleRef', goRoleRef(a), 'cannot change roleRef'));
  return errs;
}

/** validateRoleBinding is ValidateRoleBinding. */
export const validateRoleBinding = (obj: KubeObject): FieldError[] => validateBinding(obj, true);
/** validateRoleBindingUpdate is ValidateRoleBindingUpdate: roleRef is immutable. */
export const validateRoleBindingUpdate = (obj: KubeObject, old: KubeObject): FieldError[] => validateBindingUpdate(obj, old, true);
/** validateClusterRoleBinding is ValidateClusterRoleBinding (roleRef must be a ClusterRole). */
export const validateClusterRoleBinding = (obj: KubeObject): FieldError[] => validateBinding(obj, false);
/** validateClusterRoleBindingUpdate is ValidateClusterRoleBindingUpdate. */
export const validateClusterRoleBindingUpdate = (obj: KubeObject, old: KubeObject): FieldError[] => validateBindingUpdate(obj, old, false);
