import { describe, expect, it } from 'vitest';
import { fieldErrorMessage } from '../status.ts';
import type { KubeObject } from '../types.ts';
import { validateClusterRole, validateClusterRoleBinding, validateRole, validateRoleBinding, validateRoleBindingUpdate } from './rbac.ts';

const msgs = (errs: ReturnType<typeof validateRole>) => errs.map(fieldErrorMessage);
const RBAC = 'rbac.authorization.k8s.io';

describe('RBAC validation (pkg/apis/rbac/validation)', () => {
  it('requires verbs, groups and resources; namespaced rules take no URLs', () => {
    const role = { metadata: { name: 'r', namespace: 'dev' }, rules: [{ apiGroups: [''], resources: ['pods'] }, { verbs: ['get'] }, { verbs: ['get'], nonResourceURLs: ['/healthz'] }] } as unknown as KubeObject;
    expect(msgs(validateRole(role))).toEqual([
      'rules[0].verbs: Required value: verbs must contain at least one value',
      'rules[1].apiGroups: Required value: resource rules must supply at least one api group',
      'rules[1].resources: Required value: resource rules must supply at least one resource',
      'rules[2].nonResourceURLs: Invalid value: []string{"/healthz"}: namespaced rules cannot apply to non-resource URLs',
    ]);
    const cr = { metadata: { name: 'system:x' }, rules: [{ verbs: ['get'], nonResourceURLs: ['/healthz'] }] } as unknown as KubeObject;
    expect(validateClusterRole(cr)).toEqual([]);
    expect(msgs(validateClusterRole({ metadata: { name: 'a/b' } } as KubeObject))).toEqual(["metadata.name: Invalid value: \"a/b\": may not contain '/'"]);
  });

  it('checks roleRef and subjects, and keeps roleRef immutable', () => {
    const rb = {
      metadata: { name: 'b', namespace: 'dev' },
      roleRef: { apiGroup: RBAC, kind: 'Deployment', name: 'x' },
      subjects: [{ kind: 'Robot', name: 'r2' }, { kind: 'User', name: 'jane' }, { kind: 'ServiceAccount', name: '' }],
    } as unknown as KubeObject;
    expect(msgs(validateRoleBinding(rb))).toEqual([
      'roleRef.kind: Unsupported value: "Deployment": supported values: "Role", "ClusterRole"',
      'subjects[0].kind: Unsupported value: "Robot": supported values: "ServiceAccount", "User", "Group"',
      'subjects[1].apiGroup: Unsupported value: "": supported values: "rbac.authorization.k8s.io"',
      'subjects[2].name: Required value',
    ]);
    const crb = { metadata: { name: 'c' }, roleRef: { apiGroup: RBAC, kind: 'Role', name: 'x' }, subjects: [{ kind: 'ServiceAccount', name: 'sa' }] } as unknown as KubeObject;
    expect(msgs(validateClusterRoleBinding(crb))).toEqual([
      'roleRef.kind: Unsupported value: "Role": supported values: "ClusterRole"',
      'subjects[0].namespace: Required value',
    ]);
    const old = { metadata: { name: 'b', namespace: 'dev', resourceVersion: '1' }, roleRef: { apiGroup: RBAC, kind: 'Role', name: 'a' } } as unknown as KubeObject;
    const changed = { ...old, roleRef: { apiGroup: RBAC, kind: 'Role', name: 'b' } } as unknown as KubeObject;
    expect(msgs(validateRoleBindingUpdate(changed, old))).toEqual([
      'roleRef: Invalid value: rbac.RoleRef{APIGroup:"rbac.authorization.k8s.io", Kind:"Role", Name:"b"}: cannot change roleRef',
    ]);
  });
});
