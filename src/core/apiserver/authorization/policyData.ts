/**
 * Helpers to write bootstrap policy as compact data: `rule('get list watch', [''], 'pods services')`
 * is the PolicyRule {verbs:[get,list,watch], apiGroups:[""], resources:[pods,services]}.
 */
import type { PolicyRule } from '../../api/validation/rbac.ts';

const words = (s: string): string[] => s.split(' ').filter((w) => w !== '');

/** rule builds a resource rule; lists are space-separated words (core group is ''). */
export function rule(verbs: string, apiGroups: string[], resources: string, resourceNames?: string): PolicyRule {
  // Field order is rbacv1.PolicyRule's, as the API server's JSON has it.
  const r: PolicyRule = { verbs: words(verbs), apiGroups, resources: words(resources) };
  if (resourceNames) r.resourceNames = words(resourceNames);
  return r;
}

/** urls builds a non-resource rule. */
export function urls(verbs: string, nonResourceURLs: string): PolicyRule {
  return { verbs: words(verbs), nonResourceURLs: words(nonResourceURLs) };
}

/** EVENTS_RULE is eventsRule(): every component may write events in both event APIs. */
export const EVENTS_RULE = (): PolicyRule => rule('create patch update', ['', 'events.k8s.io'], 'events');

/** READ is the read verbs, written out the way the policy files do. */
export const READ = 'get list watch';
/** WRITE is every verb `edit` grants on a resource besides reads. */
export const WRITE = 'create delete deletecollection patch update';
