/**
 * The ClusterRoleBindings of a v1.32 kubeadm cluster: kube-apiserver's bootstrap bindings
 * (bootstrappolicy ClusterRoleBindings and ControllerRoleBindings) and the ones kubeadm
 * adds at `kubeadm init` (kubeadm:cluster-admins for admin.conf's group, the node
 * bootstrap-token bindings, kube-proxy and CoreDNS).
 */
import type { Subject } from '../../api/validation/rbac.ts';
import { CONTROLLER_ROLES } from './controllerRoles.ts';

/** BootstrapBinding is one ClusterRoleBinding; `kubeadm` ones carry no bootstrapping label. */
export interface BootstrapBinding {
  name: string;
  role: string;
  subjects: Subject[];
  kubeadm?: boolean;
}

const RBAC = 'rbac.authorization.k8s.io';
const group = (name: string): Subject => ({ kind: 'Group', apiGroup: RBAC, name });
const user = (name: string): Subject => ({ kind: 'User', apiGroup: RBAC, name });
const sa = (name: string, namespace = 'kube-system'): Subject => ({ kind: 'ServiceAccount', name, namespace });
const same = (name: string, subjects: Subject[]): BootstrapBinding => ({ name, role: name, subjects });

/** BOOTSTRAP_TOKEN_GROUP is the group of kubeadm's default node bootstrap token. */
const BOOTSTRAP_TOKEN_GROUP = 'system:bootstrappers:kubeadm:default-node-token';

/** CLUSTER_ROLE_BINDINGS is the full set, in name order. */
export const CLUSTER_ROLE_BINDINGS: BootstrapBinding[] = [
  same('cluster-admin', [group('system:masters')]),
  { name: 'kubeadm:cluster-admins', role: 'cluster-admin', subjects: [group('kubeadm:cluster-admins')], kubeadm: true },
  { name: 'kubeadm:get-nodes', role: 'kubeadm:get-nodes', subjects: [group(BOOTSTRAP_TOKEN_GROUP)], kubeadm: true },
  { name: 'kubeadm:kubelet-bootstrap', role: 'system:node-bootstrapper', subjects: [group(BOOTSTRAP_TOKEN_GROUP)], kubeadm: true },
  { name: 'kubeadm:node-autoapprove-bootstrap', role: 'system:certificates.k8s.io:certificatesigningrequests:nodeclient', subjects: [group(BOOTSTRAP_TOKEN_GROUP)], kubeadm: true },
  { name: 'kubeadm:node-autoapprove-certificate-rotation', role: 'system:certificates.k8s.io:certificatesigningrequests:selfnodeclient', subjects: [group('system:nodes')], kubeadm: true },
  { name: 'kubeadm:node-proxier', role: 'system:node-proxier', subjects: [sa('kube-proxy')], kubeadm: true },
  same('system:basic-user', [group('system:authenticated')]),
  ...CONTROLLER_ROLES.map(([name]) => same(`system:controller:${name}`, [sa(name)])),
  { name: 'system:coredns', role: 'system:coredns', subjects: [sa('coredns')], kubeadm: true },
  same('system:discovery', [group('system:authenticated')]),
  same('system:kube-controller-manager', [user('system:kube-controller-manager')]),
  same('system:kube-dns', [sa('kube-dns')]),
  same('system:kube-scheduler', [user('system:kube-scheduler')]),
  same('system:monitoring', [group('system:monitoring')]),
  same('system:node', []),
  same('system:node-proxier', [user('system:kube-proxy')]),
  same('system:public-info-viewer', [group('system:authenticated'), group('system:unauthenticated')]),
  same('system:service-account-issuer-discovery', [group('system:serviceaccounts')]),
  { name: 'system:volume-scheduler', role: 'system:volume-scheduler', subjects: [user('system:kube-scheduler')] },
];
