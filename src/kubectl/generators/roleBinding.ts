/**
 * `kubectl create rolebinding|clusterrolebinding NAME --role=R|--clusterrole=R --user --group --serviceaccount`
 *
 * Models create_rolebinding.go and create_clusterrolebinding.go: subjects in the order
 * users, groups, service accounts ("namespace:name").
 */
import type { GeneratorContext } from './context.ts';
import { objectMeta, type GeneratedObject } from './meta.ts';
import { UsageError, exactlyOneName, requiredFlagsError } from './usageError.ts';

const RBAC_GROUP = 'rbac.authorization.k8s.io';

/** RoleBindingFlags are the parsed flags of `create rolebinding` / `create clusterrolebinding`. */
export interface RoleBindingFlags {
  /** --role (rolebinding only). */
  role?: string;
  /** --clusterrole (required for clusterrolebinding). */
  clusterrole?: string;
  /** --user (StringArray). */
  user?: string[];
  /** --group (StringArray). */
  group?: string[];
  /** --serviceaccount (StringArray): "namespace:name". */
  serviceaccount?: string[];
}

function subjects(flags: RoleBindingFlags): unknown[] {
  const out: unknown[] = [];
  for (const name of flags.user ?? []) out.push({ kind: 'User', apiGroup: RBAC_GROUP, name });
  for (const name of flags.group ?? []) out.push({ kind: 'Group', apiGroup: RBAC_GROUP, name });
  for (const sa of flags.serviceaccount ?? []) {
    const parts = sa.split(':');
    if (parts.length !== 2) throw new UsageError('serviceaccount must be <namespace>:<name>');
    out.push({ kind: 'ServiceAccount', name: parts[1], namespace: parts[0] });
  }
  return out;
}

/** generateRoleBinding builds the RoleBinding kubectl would create. */
export function generateRoleBinding(args: string[], flags: RoleBindingFlags, ctx?: GeneratorContext): GeneratedObject {
  const name = exactlyOneName(args);
  const role = flags.role ?? '';
  const clusterRole = flags.clusterrole ?? '';
  if ((role === '') === (clusterRole === '')) throw new UsageError('exactly one of clusterrole or role must be specified');
  const subjectList = subjects(flags);
  const binding: GeneratedObject = { kind: 'RoleBinding', apiVersion: `${RBAC_GROUP}/v1`, metadata: objectMeta(name, ctx) };
  if (subjectList.length > 0) binding.subjects = subjectList;
  binding.roleRef = { apiGroup: RBAC_GROUP, kind: role ? 'Role' : 'ClusterRole', name: role || clusterRole };
  return binding;
}

/** generateClusterRoleBinding builds the ClusterRoleBinding kubectl would create. */
export function generateClusterRoleBinding(args: string[], flags: RoleBindingFlags, ctx?: GeneratorContext): GeneratedObject {
  if (!flags.clusterrole) throw requiredFlagsError(['clusterrole']);
  const name = exactlyOneName(args);
  const subjectList = subjects(flags);
  const binding: GeneratedObject = {
    kind: 'ClusterRoleBinding',
    apiVersion: `${RBAC_GROUP}/v1`,
    metadata: objectMeta(name, ctx, { namespaced: false }),
  };
  if (subjectList.length > 0) binding.subjects = subjectList;
  binding.roleRef = { apiGroup: RBAC_GROUP, kind: 'ClusterRole', name: flags.clusterrole };
  return binding;
}
