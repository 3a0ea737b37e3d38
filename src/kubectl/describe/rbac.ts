/**
 * RBAC describers (describe.go: RoleDescriber, ClusterRoleDescriber,
 * RoleBindingDescriber, ClusterRoleBindingDescriber; kubectl/pkg/util/rbac
 * BreakdownRule, CompactRules, SortableRuleSlice).
 */
import type { PolicyRule, Role, RoleBinding } from 'kubernetes-types/rbac/v1';
import type { KubeObject } from '../../core/api/types.ts';
import { printAnnotationsMultiline, printLabelsMultiline } from './metaSections.ts';
import { LEVEL_0, LEVEL_1, tabbedString } from './prefixWriter.ts';
import type { DescribeContext } from './types.ts';

/** breakdownRule splits a rule into one rule per group × resource × resourceName, and one per non-resource URL. */
export function breakdownRule(rule: PolicyRule): PolicyRule[] {
  const out: PolicyRule[] = [];
  for (const group of rule.apiGroups ?? []) {
    for (const resource of rule.resources ?? []) {
      if ((rule.resourceNames ?? []).length > 0) {
        for (const name of rule.resourceNames!) {
          out.push({ apiGroups: [group], resources: [resource], verbs: rule.verbs, resourceNames: [name] });
        }
      } else {
        out.push({ apiGroups: [group], resources: [resource], verbs: rule.verbs });
      }
    }
  }
  for (const url of rule.nonResourceURLs ?? []) out.push({ nonResourceURLs: [url], verbs: rule.verbs });
  return out;
}

/** compactRules merges simple rules (one group, one resource, ≤1 name) by appending their verbs. */
export function compactRules(rules: PolicyRule[]): PolicyRule[] {
  const compacted: PolicyRule[] = [];
  const simple = new Map<string, PolicyRule>();
  for (const rule of rules) {
    const isSimple =
      (rule.apiGroups ?? []).length === 1 &&
      (rule.resources ?? []).length === 1 &&
      (rule.resourceNames ?? []).length <= 1 &&
      (rule.nonResourceURLs ?? []).length === 0;
    if (!isSimple) {
      compacted.push(rule);
      continue;
    }
    const key = JSON.stringify([rule.apiGroups![0], rule.resources![0], rule.resourceNames?.[0] ?? null]);
    const existing = simple.get(key);
    if (existing) existing.verbs = [...existing.verbs, ...rule.verbs];
    else simple.set(key, { ...rule, verbs: [...rule.verbs] });
  }
  return [...compacted, ...simple.values()];
}

/** ruleString is the generated PolicyRule.String() that SortableRuleSlice compares. */
function ruleString(r: PolicyRule): string {
  const list = (l: string[] | undefined): string => `[${(l ?? []).join(' ')}]`;
  return (
    `&PolicyRule{Verbs:${list(r.verbs)},APIGroups:${list(r.apiGroups)},Resources:${list(r.resources)},` +
    `ResourceNames:${list(r.resourceNames)},NonResourceURLs:${list(r.nonResourceURLs)},}`
  );
}

/** combineResourceGroup renders "deployments.apps" / "pods" / "deployments.apps/scale". */
export function combineResourceGroup(resources: string[] | undefined, groups: string[] | undefined): string {
  if (!resources || resources.length === 0) return '';
  const [name, sub] = resources[0]!.split(/\/(.*)/s) as [string, string | undefined];
  let combined = name;
  if (groups && groups.length > 0 && groups[0] !== '') combined += `.${groups[0]}`;
  if (sub !== undefined) combined += `/${sub}`;
  return combined;
}

/** accessRules is breakdown, compact and sort: the rule list `describe role` and `auth can-i --list` print. */
export function accessRules(rules: PolicyRule[]): PolicyRule[] {
  return compactRules(rules.flatMap(breakdownRule)).sort((a, b) => (ruleString(a) < ruleString(b) ? -1 : ruleString(a) > ruleString(b) ? 1 : 0));
}

/** describeRole renders `kubectl describe role` and `kubectl describe clusterrole`. */
export function describeRole(obj: KubeObject, _ctx: DescribeContext): string {
  const role = obj as unknown as Role;
  const rules = accessRules(role.rules ?? []);
  const list = (l: string[] | undefined): string => `[${(l ?? []).join(' ')}]`;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${role.metadata?.name ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', role.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', role.metadata?.annotations);
    w.write(LEVEL_0, 'PolicyRule:\n');
    w.write(LEVEL_1, 'Resources\tNon-Resource URLs\tResource Names\tVerbs\n');
    w.write(LEVEL_1, '---------\t-----------------\t--------------\t-----\n');
    for (const r of rules) {
      w.write(
        LEVEL_1,
        `${combineResourceGroup(r.resources, r.apiGroups)}\t${list(r.nonResourceURLs)}\t${list(r.resourceNames)}\t${list(r.verbs)}\n`,
      );
    }
  });
}

/** describeRoleBinding renders `kubectl describe rolebinding` and `kubectl describe clusterrolebinding`. */
export function describeRoleBinding(obj: KubeObject, _ctx: DescribeContext): string {
  const binding = obj as unknown as RoleBinding;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${binding.metadata?.name ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', binding.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', binding.metadata?.annotations);
    w.write(LEVEL_0, 'Role:\n');
    w.write(LEVEL_1, `Kind:\t${binding.roleRef?.kind ?? ''}\n`);
    w.write(LEVEL_1, `Name:\t${binding.roleRef?.name ?? ''}\n`);
    w.write(LEVEL_0, 'Subjects:\n');
    w.write(LEVEL_1, 'Kind\tName\tNamespace\n');
    w.write(LEVEL_1, '----\t----\t---------\n');
    for (const s of binding.subjects ?? []) w.write(LEVEL_1, `${s.kind}\t${s.name}\t${s.namespace ?? ''}\n`);
  });
}
