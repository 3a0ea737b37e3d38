import { describe, expect, it } from 'vitest';
import type { Attributes } from './attributes.ts';
import { forbiddenMessage } from './attributes.ts';
import { ruleAllows } from './ruleMatching.ts';

const jane = { username: 'jane', groups: ['system:authenticated'] };
const req = (verb: string, resource: string, extra: Partial<Attributes> = {}): Attributes => ({
  user: jane, verb, resourceRequest: true, apiGroup: '', resource, namespace: 'dev', ...extra,
});
const url = (verb: string, path: string): Attributes => ({ user: jane, verb, resourceRequest: false, path });

describe('ruleAllows (RBAC RuleAllows)', () => {
  it('matches verbs, groups and resources exactly or by *', () => {
    const rule = { verbs: ['get', 'list'], apiGroups: [''], resources: ['pods'] };
    expect(ruleAllows(req('list', 'pods'), rule)).toBe(true);
    expect(ruleAllows(req('delete', 'pods'), rule)).toBe(false);
    expect(ruleAllows(req('list', 'deployments', { apiGroup: 'apps' }), rule)).toBe(false);
    expect(ruleAllows(req('delete', 'deployments', { apiGroup: 'apps' }), { verbs: ['*'], apiGroups: ['*'], resources: ['*'] })).toBe(true);
  });

  it('treats subresources as their own resource, with */sub wildcards', () => {
    const pods = { verbs: ['get'], apiGroups: [''], resources: ['pods'] };
    expect(ruleAllows(req('get', 'pods', { subresource: 'log' }), pods)).toBe(false);
    expect(ruleAllows(req('get', 'pods', { subresource: 'log' }), { ...pods, resources: ['pods/log'] })).toBe(true);
    expect(ruleAllows(req('get', 'deployments', { apiGroup: 'apps', subresource: 'scale' }), { verbs: ['get'], apiGroups: ['*'], resources: ['*/scale'] })).toBe(true);
    expect(ruleAllows(req('get', 'deployments', { apiGroup: 'apps' }), { verbs: ['get'], apiGroups: ['*'], resources: ['*/scale'] })).toBe(false);
  });

  it('limits a rule with resourceNames to those names', () => {
    const rule = { verbs: ['get', 'update'], apiGroups: [''], resources: ['configmaps'], resourceNames: ['app-config'] };
    expect(ruleAllows(req('get', 'configmaps', { name: 'app-config' }), rule)).toBe(true);
    expect(ruleAllows(req('get', 'configmaps', { name: 'other' }), rule)).toBe(false);
    // A list names nothing, so a rule with resourceNames never allows it.
    expect(ruleAllows(req('list', 'configmaps'), rule)).toBe(false);
  });

  it('matches non-resource URLs exactly, by * and by a trailing * prefix', () => {
    expect(ruleAllows(url('get', '/healthz'), { verbs: ['get'], nonResourceURLs: ['/healthz'] })).toBe(true);
    expect(ruleAllows(url('get', '/healthz/etcd'), { verbs: ['get'], nonResourceURLs: ['/healthz'] })).toBe(false);
    expect(ruleAllows(url('get', '/healthz/etcd'), { verbs: ['get'], nonResourceURLs: ['/healthz/*'] })).toBe(true);
    expect(ruleAllows(url('post', '/healthz'), { verbs: ['get'], nonResourceURLs: ['*'] })).toBe(false);
    // A resource rule never allows a URL.
    expect(ruleAllows(url('get', '/api'), { verbs: ['*'], apiGroups: ['*'], resources: ['*'] })).toBe(false);
  });
});

describe('forbiddenMessage', () => {
  it('says who cannot do what, in a namespace or at the cluster scope', () => {
    expect(forbiddenMessage(req('list', 'pods'))).toBe('User "jane" cannot list resource "pods" in API group "" in the namespace "dev"');
    expect(forbiddenMessage(req('list', 'nodes', { namespace: '' }))).toBe('User "jane" cannot list resource "nodes" in API group "" at the cluster scope');
    expect(forbiddenMessage(req('get', 'pods', { subresource: 'log' }))).toBe('User "jane" cannot get resource "pods/log" in API group "" in the namespace "dev"');
    expect(forbiddenMessage(url('get', '/metrics'))).toBe('User "jane" cannot get path "/metrics"');
  });
});
