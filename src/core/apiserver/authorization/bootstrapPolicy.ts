/**
 * bootstrapPolicy creates the RBAC objects a v1.32 kubeadm cluster starts with, as
 * kube-apiserver's rbac/bootstrap-roles post-start hook (pkg/registry/rbac/rest/
 * storage_rbac.go) and `kubeadm init` do. Objects the API server owns are labeled
 * `kubernetes.io/bootstrapping: rbac-defaults` and annotated
 * `rbac.authorization.kubernetes.io/autoupdate: "true"`; kubeadm's are plain.
 * admin, edit and view start without rules: the clusterrole-aggregation controller fills them.
 */
import type { KubeObject } from '../../api/types.ts';
import { RBAC_GROUP, type PolicyRule } from '../../api/validation/rbac.ts';
import type { Client } from '../../client/client.ts';
import { CLUSTER_ROLE_BINDINGS } from './clusterRoleBindings.ts';
import { CLUSTER_ROLES, type BootstrapClusterRole } from './clusterRoles.ts';
import { CONTROLLER_ROLES } from './controllerRoles.ts';
import { NAMESPACE_ROLES } from './namespaceRoles.ts';
import { rule } from './policyData.ts';

/** CLUSTERROLES and friends name the RBAC resources for the client. */
export const CLUSTERROLES = { group: RBAC_GROUP, resource: 'clusterroles' };
export const CLUSTERROLEBINDINGS = { group: RBAC_GROUP, resource: 'clusterrolebindings' };
export const ROLES = { group: RBAC_GROUP, resource: 'roles' };
export const ROLEBINDINGS = { group: RBAC_GROUP, resource: 'rolebindings' };

/** AGGREGATE_LABEL_PREFIX is the label aggregated ClusterRoles select on. */
export const AGGREGATE_LABEL_PREFIX = 'rbac.authorization.k8s.io/aggregate-to-';

const API_VERSION = `${RBAC_GROUP}/v1`;

function defaultsMeta(name: string, labels: Record<string, string> = {}): KubeObject['metadata'] {
  return {
    name,
    annotations: { 'rbac.authorization.kubernetes.io/autoupdate': 'true' },
    labels: { 'kubernetes.io/bootstrapping': 'rbac-defaults', ...labels },
  };
}

function clusterRoleObject(r: BootstrapClusterRole): KubeObject {
  const labels = r.aggregateTo ? { [`${AGGREGATE_LABEL_PREFIX}${r.aggregateTo}`]: 'true' } : {};
  const obj: KubeObject = { apiVersion: API_VERSION, kind: 'ClusterRole', metadata: defaultsMeta(r.name, labels) };
  if (r.aggregateFrom) obj.aggregationRule = { clusterRoleSelectors: [{ matchLabels: { [`${AGGREGATE_LABEL_PREFIX}${r.aggregateFrom}`]: 'true' } }] };
  obj.rules = r.rules ?? null;
  return obj;
}

/** KUBEADM_CLUSTER_ROLES are the ClusterRoles kubeadm and its CoreDNS addon create. */
const KUBEADM_CLUSTER_ROLES: Array<[string, PolicyRule[]]> = [
  ['kubeadm:get-nodes', [rule('get', [''], 'nodes')]],
  ['system:coredns', [rule('list watch', [''], 'endpoints services pods namespaces'), rule('list watch', ['discovery.k8s.io'], 'endpointslices')]],
];

/** bootstrapClusterRoles lists every ClusterRole object to create. */
export function bootstrapClusterRoles(): KubeObject[] {
  return [
    ...CLUSTER_ROLES.map(clusterRoleObject),
    ...CONTROLLER_ROLES.map(([name, rules]) => clusterRoleObject({ name: `system:controller:${name}`, rules })),
    ...KUBEADM_CLUSTER_ROLES.map(([name, rules]): KubeObject => ({ apiVersion: API_VERSION, kind: 'ClusterRole', metadata: { name }, rules })),
  ];
}

/** bootstrapClusterRoleBindings lists every ClusterRoleBinding object to create. */
export function bootstrapClusterRoleBindings(): KubeObject[] {
  return CLUSTER_ROLE_BINDINGS.map((b) => {
    const obj: KubeObject = {
      apiVersion: API_VERSION,
      kind: 'ClusterRoleBinding',
      metadata: b.kubeadm ? { name: b.name } : defaultsMeta(b.name),
      roleRef: { apiGroup: RBAC_GROUP, kind: 'ClusterRole', name: b.role },
    };
    // subjects is omitempty: system:node is bound to nobody (the Node authorizer serves kubelets).
    if (b.subjects.length > 0) obj.subjects = b.subjects;
    return obj;
  });
}

/** bootstrapNamespacePolicy lists the Roles and RoleBindings of kube-system and kube-public. */
export function bootstrapNamespacePolicy(): { roles: KubeObject[]; bindings: KubeObject[] } {
  const meta = (r: (typeof NAMESPACE_ROLES)[number], name: string) => ({ ...(r.kubeadm ? { name } : defaultsMeta(name)), namespace: r.namespace });
  return {
    roles: NAMESPACE_ROLES.map((r) => ({ apiVersion: API_VERSION, kind: 'Role', metadata: meta(r, r.name), rules: r.rules })),
    bindings: NAMESPACE_ROLES.map((r) => ({
      apiVersion: API_VERSION,
      kind: 'RoleBinding',
      metadata: meta(r, r.bindingName ?? r.name),
      roleRef: { apiGroup: RBAC_GROUP, kind: 'Role', name: r.name },
      subjects: r.subjects,
    })),
  };
}

/** createBootstrapPolicy writes the policy through a component client, skipping what exists. */
export function createBootstrapPolicy(client: Client): void {
  for (const obj of bootstrapClusterRoles()) {
    if (!client.tryGet(CLUSTERROLES, '', obj.metadata.name ?? '')) client.create(CLUSTERROLES, '', obj);
  }
  for (const obj of bootstrapClusterRoleBindings()) {
    if (!client.tryGet(CLUSTERROLEBINDINGS, '', obj.metadata.name ?? '')) client.create(CLUSTERROLEBINDINGS, '', obj);
  }
  const { roles, bindings } = bootstrapNamespacePolicy();
  for (const [ref, objs] of [[ROLES, roles], [ROLEBINDINGS, bindings]] as const) {
    for (const obj of objs) {
      const ns = obj.metadata.namespace ?? '';
      // kube-public exists by the time the policy is written (the namespace bootstrap runs first).
      if (!client.tryGet(ref, ns, obj.metadata.name ?? '')) client.create(ref, ns, obj);
    }
  }
}
