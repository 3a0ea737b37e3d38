/**
 * The Roles and RoleBindings in kube-system and kube-public of a v1.32 kubeadm cluster:
 * kube-apiserver's bootstrap namespace policy (bootstrappolicy/namespace_policy.go, as its
 * testdata/namespace-roles.yaml and namespace-role-bindings.yaml record them) and the ones
 * `kubeadm init` adds for joining nodes (configmaps they may read) and kube-proxy.
 */
import type { PolicyRule, Subject } from '../../api/validation/rbac.ts';
import { EVENTS_RULE, READ, rule } from './policyData.ts';

/** NamespaceRole is a Role with its RoleBinding of the same name (unless bindingName says otherwise). */
export interface NamespaceRole {
  namespace: string;
  name: string;
  rules: PolicyRule[];
  subjects: Subject[];
  bindingName?: string;
  kubeadm?: boolean;
}

const RBAC = 'rbac.authorization.k8s.io';
const user = (name: string): Subject => ({ apiGroup: RBAC, kind: 'User', name });
const group = (name: string): Subject => ({ apiGroup: RBAC, kind: 'Group', name });
const sa = (name: string): Subject => ({ kind: 'ServiceAccount', name, namespace: 'kube-system' });
const core = [''];
const LEADER = [rule('create get list update watch', ['coordination.k8s.io'], 'leases'), rule('create get list update watch', ['coordination.k8s.io'], 'leasecandidates')];
const BOOTSTRAPPERS = group('system:bootstrappers:kubeadm:default-node-token');

/** NAMESPACE_ROLES in namespace, then name order. */
export const NAMESPACE_ROLES: NamespaceRole[] = [
  { namespace: 'kube-public', name: 'kubeadm:bootstrap-signer-clusterinfo', rules: [rule('get', core, 'configmaps', 'cluster-info')], subjects: [user('system:anonymous')], kubeadm: true },
  {
    namespace: 'kube-public',
    name: 'system:controller:bootstrap-signer',
    rules: [rule(READ, core, 'configmaps'), rule('update', core, 'configmaps', 'cluster-info'), EVENTS_RULE()],
    subjects: [sa('bootstrap-signer')],
  },
  {
    namespace: 'kube-system',
    name: 'extension-apiserver-authentication-reader',
    rules: [rule(READ, core, 'configmaps', 'extension-apiserver-authentication')],
    subjects: [user('system:kube-controller-manager'), user('system:kube-scheduler')],
    bindingName: 'system::extension-apiserver-authentication-reader',
  },
  { namespace: 'kube-system', name: 'kube-proxy', rules: [rule('get', core, 'configmaps', 'kube-proxy')], subjects: [BOOTSTRAPPERS], kubeadm: true },
  { namespace: 'kube-system', name: 'kubeadm:kubelet-config', rules: [rule('get', core, 'configmaps', 'kubelet-config')], subjects: [group('system:nodes'), BOOTSTRAPPERS], kubeadm: true },
  { namespace: 'kube-system', name: 'kubeadm:nodes-kubeadm-config', rules: [rule('get', core, 'configmaps', 'kubeadm-config')], subjects: [BOOTSTRAPPERS, group('system:nodes')], kubeadm: true },
  {
    namespace: 'kube-system',
    name: 'system::leader-locking-kube-controller-manager',
    rules: LEADER,
    subjects: [user('system:kube-controller-manager'), sa('kube-controller-manager'), sa('leader-election-controller')],
  },
  { namespace: 'kube-system', name: 'system::leader-locking-kube-scheduler', rules: LEADER, subjects: [user('system:kube-scheduler'), sa('kube-scheduler')] },
  { namespace: 'kube-system', name: 'system:controller:bootstrap-signer', rules: [rule(READ, core, 'secrets')], subjects: [sa('bootstrap-signer')] },
  { namespace: 'kube-system', name: 'system:controller:cloud-provider', rules: [rule('create get list watch', core, 'configmaps')], subjects: [sa('cloud-provider')] },
  { namespace: 'kube-system', name: 'system:controller:token-cleaner', rules: [rule('delete get list watch', core, 'secrets'), EVENTS_RULE()], subjects: [sa('token-cleaner')] },
];
