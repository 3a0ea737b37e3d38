import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types.ts';
import { Store } from '../../storage/store.ts';
import type { Attributes } from './attributes.ts';
import { RBACAuthorizer } from './rbacAuthorizer.ts';

const RBAC = 'rbac.authorization.k8s.io';

function storeWith(objects: Array<[string, KubeObject]>): Store {
  const store = new Store(100, false);
  for (const [resource, obj] of objects) store.create(`${resource}.${RBAC}`, obj);
  return store;
}

const role = (name: string, namespace: string, rules: unknown[]): KubeObject => ({ apiVersion: `${RBAC}/v1`, kind: 'Role', metadata: { name, namespace }, rules });
const clusterRole = (name: string, rules: unknown[]): KubeObject => ({ apiVersion: `${RBAC}/v1`, kind: 'ClusterRole', metadata: { name }, rules });
const binding = (kind: string, name: string, namespace: string | undefined, roleKind: string, roleName: string, subjects: unknown[]): KubeObject => ({
  apiVersion: `${RBAC}/v1`, kind, metadata: namespace ? { name, namespace } : { name }, roleRef: { apiGroup: RBAC, kind: roleKind, name: roleName }, subjects,
});

const podReader = [{ verbs: ['get', 'list'], apiGroups: [''], resources: ['pods'] }];
const list = (user: Attributes['user'], resource: string, namespace: string): Attributes => ({ user, verb: 'list', resourceRequest: true, apiGroup: '', resource, namespace });

describe('RBACAuthorizer', () => {
  const jane = { username: 'jane', groups: ['system:authenticated'] };

  it('allows through a RoleBinding in its namespace only, naming the binding in the reason', () => {
    const authz = new RBACAuthorizer(storeWith([
      ['roles', role('pod-reader', 'dev', podReader)],
      ['rolebindings', binding('RoleBinding', 'read-pods', 'dev', 'Role', 'pod-reader', [{ kind: 'User', apiGroup: RBAC, name: 'jane' }])],
    ]));
    expect(authz.authorize(list(jane, 'pods', 'dev'))).toEqual({ allowed: true, reason: 'RBAC: allowed by RoleBinding "read-pods/dev" of Role "pod-reader" to User "jane"' });
    expect(authz.authorize(list(jane, 'pods', 'default'))).toEqual({ allowed: false, reason: '' });
    expect(authz.authorize(list(jane, 'pods', ''))).toEqual({ allowed: false, reason: '' });
    expect(authz.authorize(list({ username: 'bob', groups: [] }, 'pods', 'dev')).allowed).toBe(false);
  });

  it('matches groups and service accounts (a RoleBinding subject defaults to its namespace)', () => {
    const authz = new RBACAuthorizer(storeWith([
      ['clusterroles', clusterRole('reader', podReader)],
      ['clusterrolebindings', binding('ClusterRoleBinding', 'ops', undefined, 'ClusterRole', 'reader', [{ kind: 'Group', apiGroup: RBAC, name: 'ops' }])],
      ['rolebindings', binding('RoleBinding', 'sa', 'dev', 'ClusterRole', 'reader', [{ kind: 'ServiceAccount', name: 'builder' }])],
    ]));
    expect(authz.authorize(list({ username: 'amy', groups: ['ops'] }, 'pods', 'anywhere')).reason).toBe('RBAC: allowed by ClusterRoleBinding "ops" of ClusterRole "reader" to Group "ops"');
    const sa = { username: 'system:serviceaccount:dev:builder', groups: ['system:serviceaccounts'] };
    expect(authz.authorize(list(sa, 'pods', 'dev')).reason).toBe('RBAC: allowed by RoleBinding "sa/dev" of ClusterRole "reader" to ServiceAccount "builder/dev"');
    expect(authz.authorize(list(sa, 'pods', 'prod')).allowed).toBe(false);
  });

  it('reports a binding to a missing role in the deny reason', () => {
    const authz = new RBACAuthorizer(storeWith([
      ['rolebindings', binding('RoleBinding', 'dangling', 'dev', 'Role', 'ghost', [{ kind: 'User', apiGroup: RBAC, name: 'jane' }])],
    ]));
    expect(authz.authorize(list(jane, 'pods', 'dev'))).toEqual({ allowed: false, reason: 'RBAC: role.rbac.authorization.k8s.io "ghost" not found' });
  });

  it('always allows system:masters and lists rules for a rules review', () => {
    const authz = new RBACAuthorizer(storeWith([
      ['roles', role('pod-reader', 'dev', podReader)],
      ['rolebindings', binding('RoleBinding', 'read-pods', 'dev', 'Role', 'pod-reader', [{ kind: 'User', apiGroup: RBAC, name: 'jane' }])],
    ]));
    expect(authz.authorize(list({ username: 'root', groups: ['system:masters'] }, 'secrets', 'x')).allowed).toBe(true);
    expect(authz.rulesFor(jane, 'dev').rules).toEqual(podReader);
    expect(authz.rulesFor(jane, 'default').rules).toEqual([]);
  });
});
