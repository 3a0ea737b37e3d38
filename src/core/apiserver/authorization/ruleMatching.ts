/**
 * Policy rule matching, after pkg/apis/rbac/v1/evaluation_helpers.go and
 * plugin/pkg/auth/authorizer/rbac/rbac.go (RuleAllows). `*` matches any verb, group,
 * resource or URL; `*\/status` matches that subresource of any resource; a rule with
 * resourceNames only matches requests that name one of them; a URL ending in `*` is a prefix.
 */
import type { PolicyRule } from '../../api/validation/rbac.ts';
import type { Attributes } from './attributes.ts';

/** verbMatches is VerbMatches. */
export function verbMatches(rule: PolicyRule, verb: string): boolean {
  return (rule.verbs ?? []).some((v) => v === '*' || v === verb);
}

/** apiGroupMatches is APIGroupMatches. */
export function apiGroupMatches(rule: PolicyRule, group: string): boolean {
  return (rule.apiGroups ?? []).some((g) => g === '*' || g === group);
}

/** resourceMatches is ResourceMatches: exact `pods/log`, `*`, or `*\/log` for a subresource. */
export function resourceMatches(rule: PolicyRule, combined: string, subresource: string): boolean {
  return (rule.resources ?? []).some((r) => {
    if (r === '*' || r === combined) return true;
    return subresource !== '' && r.length === subresource.length + 2 && r.startsWith('*/') && r.endsWith(subresource);
  });
}

/** resourceNameMatches is ResourceNameMatches: no names means every name. */
export function resourceNameMatches(rule: PolicyRule, name: string): boolean {
  const names = rule.resourceNames ?? [];
  return names.length === 0 || names.includes(name);
}

/** nonResourceURLMatches is NonResourceURLMatches. */
export function nonResourceURLMatches(rule: PolicyRule, path: string): boolean {
  return (rule.nonResourceURLs ?? []).some((u) => u === '*' || u === path || (u.endsWith('*') && path.startsWith(u.slice(0, -1))));
}

/** ruleAllows is RuleAllows. */
export function ruleAllows(a: Attributes, rule: PolicyRule): boolean {
  if (!verbMatches(rule, a.verb)) return false;
  if (!a.resourceRequest) return nonResourceURLMatches(rule, a.path ?? '');
  const sub = a.subresource ?? '';
  const combined = sub ? `${a.resource}/${sub}` : a.resource ?? '';
  return apiGroupMatches(rule, a.apiGroup ?? '') && resourceMatches(rule, combined, sub) && resourceNameMatches(rule, a.name ?? '');
}
