/**
 * rbac.authorization.k8s.io/v1: Role, ClusterRole, RoleBinding, ClusterRoleBinding
 * (pkg/registry/rbac/*). Plain stored objects: no status, no generation. Defaulting is
 * pkg/apis/rbac/v1/defaults.go (roleRef and User/Group subjects get the RBAC API group);
 * validation is in ../../api/validation/rbac.ts.
 */
import type { KubeObject } from '../../api/types.ts';
import {
  RBAC_GROUP,
  validateClusterRole,
  validateClusterRoleBinding,
  validateClusterRoleBindingUpdate,
  validateClusterRoleUpdate,
  validateRole,
  validateRoleBinding,
  validateRoleBindingUpdate,
  validateRoleUpdate,
  type RoleRef,
  type Subject,
} from '../../api/validation/rbac.ts';
import { define } from './define.ts';

/** defaultBinding is SetDefaults_RoleBinding / SetDefaults_ClusterRoleBinding + SetDefaults_Subject. */
function defaultBinding(obj: KubeObject): void {
  const b = obj as { roleRef?: RoleRef; subjects?: Subject[] };
  if (b.roleRef && !b.roleRef.apiGroup) b.roleRef.apiGroup = RBAC_GROUP;
  for (const s of b.subjects ?? []) {
    if (s.apiGroup) continue;
    if (s.kind === 'User' || s.kind === 'Group') s.apiGroup = RBAC_GROUP;
  }
}

export const roles = define({
  group: RBAC_GROUP,
  version: 'v1',
  resource: 'roles',
  kind: 'Role',
  namespaced: true,
  validate: validateRole,
  validateUpdate: validateRoleUpdate,
});

export const clusterroles = define({
  group: RBAC_GROUP,
  version: 'v1',
  resource: 'clusterroles',
  kind: 'ClusterRole',
  namespaced: false,
  validate: validateClusterRole,
  validateUpdate: validateClusterRoleUpdate,
});

export const rolebindings = define({
  group: RBAC_GROUP,
  version: 'v1',
  resource: 'rolebindings',
  kind: 'RoleBinding',
  namespaced: true,
  defaulter: defaultBinding,
  validate: validateRoleBinding,
  validateUpdate: validateRoleBindingUpdate,
});

export const clusterrolebindings = define({
  group: RBAC_GROUP,
  version: 'v1',
  resource: 'clusterrolebindings',
  kind: 'ClusterRoleBinding',
  namespaced: false,
  defaulter: defaultBinding,
  validate: validateClusterRoleBinding,
  validateUpdate: validateClusterRoleBindingUpdate,
});
