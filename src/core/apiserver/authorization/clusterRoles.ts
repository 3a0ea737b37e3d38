/**
 * The ClusterRoles kube-apiserver v1.32 creates at start (plugin/pkg/auth/authorizer/rbac/
 * bootstrappolicy/policy.go, as its testdata/cluster-roles.yaml records them): the
 * user-facing cluster-admin/admin/edit/view (the last three filled by aggregation from the
 * system:aggregate-to-* roles), discovery and basic-user roles, and the component roles.
 */
import type { PolicyRule } from '../../api/validation/rbac.ts';
import { EVENTS_RULE, READ, WRITE, rule, urls } from './policyData.ts';

/** BootstrapClusterRole is one role: rules, or an aggregation label to collect rules from. */
export interface BootstrapClusterRole {
  name: string;
  rules?: PolicyRule[];
  /** aggregateFrom: this role's aggregationRule selects roles labeled `rbac.authorization.k8s.io/aggregate-to-<x>: "true"`. */
  aggregateFrom?: string;
  /** aggregateTo: labels this role `rbac.authorization.k8s.io/aggregate-to-<x>: "true"`. */
  aggregateTo?: string;
}

const all = ['*'];
const core = [''];

/** CLUSTER_ROLES is the v1.32 bootstrap set, in name order as `kubectl get clusterroles` lists them. */
export const CLUSTER_ROLES: BootstrapClusterRole[] = [
  { name: 'admin', aggregateFrom: 'admin' },
  { name: 'cluster-admin', rules: [rule('*', all, '*'), urls('*', '*')] },
  { name: 'edit', aggregateFrom: 'edit', aggregateTo: 'admin' },
  {
    name: 'system:aggregate-to-admin',
    aggregateTo: 'admin',
    rules: [
      rule('create', ['authorization.k8s.io'], 'localsubjectaccessreviews'),
      rule(`create delete deletecollection get list patch update watch`, ['rbac.authorization.k8s.io'], 'rolebindings roles'),
    ],
  },
  {
    name: 'system:aggregate-to-edit',
    aggregateTo: 'edit',
    rules: [
      rule(READ, core, 'pods/attach pods/exec pods/portforward pods/proxy secrets services/proxy'),
      rule('impersonate', core, 'serviceaccounts'),
      rule(WRITE, core, 'pods pods/attach pods/exec pods/portforward pods/proxy'),
      rule('create', core, 'pods/eviction'),
      rule(WRITE, core, 'configmaps events persistentvolumeclaims replicationcontrollers replicationcontrollers/scale secrets serviceaccounts services services/proxy'),
      rule('create', core, 'serviceaccounts/token'),
      rule(WRITE, ['apps'], 'daemonsets deployments deployments/rollback deployments/scale replicasets replicasets/scale statefulsets statefulsets/scale'),
      rule(WRITE, ['autoscaling'], 'horizontalpodautoscalers'),
      rule(WRITE, ['batch'], 'cronjobs jobs'),
      rule(WRITE, ['extensions'], 'daemonsets deployments deployments/rollback deployments/scale ingresses networkpolicies replicasets replicasets/scale replicationcontrollers/scale'),
      rule(WRITE, ['policy'], 'poddisruptionbudgets'),
      rule(WRITE, ['networking.k8s.io'], 'ingresses networkpolicies'),
      rule('create delete deletecollection get list patch update watch', ['coordination.k8s.io'], 'leases'),
    ],
  },
  {
    name: 'system:aggregate-to-view',
    aggregateTo: 'view',
    rules: [
      rule(READ, core, 'configmaps endpoints persistentvolumeclaims persistentvolumeclaims/status pods replicationcontrollers replicationcontrollers/scale serviceaccounts services services/status'),
      rule(READ, core, 'bindings events limitranges namespaces/status pods/log pods/status replicationcontrollers/status resourcequotas resourcequotas/status'),
      rule(READ, core, 'namespaces'),
      rule(READ, ['discovery.k8s.io'], 'endpointslices'),
      rule(READ, ['apps'], 'controllerrevisions daemonsets daemonsets/status deployments deployments/scale deployments/status replicasets replicasets/scale replicasets/status statefulsets statefulsets/scale statefulsets/status'),
      rule(READ, ['autoscaling'], 'horizontalpodautoscalers horizontalpodautoscalers/status'),
      rule(READ, ['batch'], 'cronjobs cronjobs/status jobs jobs/status'),
      rule(READ, ['extensions'], 'daemonsets daemonsets/status deployments deployments/scale deployments/status ingresses ingresses/status networkpolicies replicasets replicasets/scale replicasets/status replicationcontrollers/scale'),
      rule(READ, ['policy'], 'poddisruptionbudgets poddisruptionbudgets/status'),
      rule(READ, ['networking.k8s.io'], 'ingresses ingresses/status networkpolicies'),
    ],
  },
  { name: 'system:auth-delegator', rules: [rule('create', ['authentication.k8s.io'], 'tokenreviews'), rule('create', ['authorization.k8s.io'], 'subjectaccessreviews')] },
  {
    name: 'system:basic-user',
    rules: [rule('create', ['authorization.k8s.io'], 'selfsubjectaccessreviews selfsubjectrulesreviews'), rule('create', ['authentication.k8s.io'], 'selfsubjectreviews')],
  },
  { name: 'system:certificates.k8s.io:certificatesigningrequests:nodeclient', rules: [rule('create', ['certificates.k8s.io'], 'certificatesigningrequests/nodeclient')] },
  { name: 'system:certificates.k8s.io:certificatesigningrequests:selfnodeclient', rules: [rule('create', ['certificates.k8s.io'], 'certificatesigningrequests/selfnodeclient')] },
  { name: 'system:certificates.k8s.io:kube-apiserver-client-approver', rules: [rule('approve', ['certificates.k8s.io'], 'signers', 'kubernetes.io/kube-apiserver-client')] },
  { name: 'system:certificates.k8s.io:kube-apiserver-client-kubelet-approver', rules: [rule('approve', ['certificates.k8s.io'], 'signers', 'kubernetes.io/kube-apiserver-client-kubelet')] },
  { name: 'system:certificates.k8s.io:kubelet-serving-approver', rules: [rule('approve', ['certificates.k8s.io'], 'signers', 'kubernetes.io/kubelet-serving')] },
  { name: 'system:certificates.k8s.io:legacy-unknown-approver', rules: [rule('approve', ['certificates.k8s.io'], 'signers', 'kubernetes.io/legacy-unknown')] },
  { name: 'system:discovery', rules: [urls('get', '/api /api/* /apis /apis/* /healthz /livez /openapi /openapi/* /readyz /version /version/')] },
  { name: 'system:heapster', rules: [rule(READ, core, 'events namespaces nodes pods'), rule(READ, ['extensions'], 'deployments')] },
  { name: 'system:kube-aggregator', rules: [rule(READ, core, 'endpoints services')] },
  {
    name: 'system:kube-controller-manager',
    rules: [
      EVENTS_RULE(),
      rule('create', ['coordination.k8s.io'], 'leases'),
      rule('get update', ['coordination.k8s.io'], 'leases', 'kube-controller-manager'),
      rule('create', core, 'secrets serviceaccounts'),
      rule('delete', core, 'secrets'),
      rule('get', core, 'configmaps namespaces secrets serviceaccounts'),
      rule('update', core, 'secrets serviceaccounts'),
      rule('create', ['authentication.k8s.io'], 'tokenreviews'),
      rule('create', ['authorization.k8s.io'], 'subjectaccessreviews'),
      rule('list watch', all, '*'),
      rule('create', core, 'serviceaccounts/token'),
    ],
  },
  { name: 'system:kube-dns', rules: [rule('list watch', core, 'endpoints services')] },
  {
    name: 'system:kube-scheduler',
    rules: [
      EVENTS_RULE(),
      rule('create', ['coordination.k8s.io'], 'leases'),
      rule('get update', ['coordination.k8s.io'], 'leases', 'kube-scheduler'),
      rule(READ, core, 'nodes'),
      rule('delete get list watch', core, 'pods'),
      rule('create', core, 'bindings pods/binding'),
      rule('patch update', core, 'pods/status'),
      rule(READ, core, 'replicationcontrollers services'),
      rule(READ, ['apps', 'extensions'], 'replicasets'),
      rule(READ, ['apps'], 'statefulsets'),
      rule(READ, ['policy'], 'poddisruptionbudgets'),
      rule(READ, core, 'persistentvolumeclaims persistentvolumes'),
      rule('create', ['authentication.k8s.io'], 'tokenreviews'),
      rule('create', ['authorization.k8s.io'], 'subjectaccessreviews'),
      rule(READ, ['storage.k8s.io'], 'csinodes'),
      rule(READ, core, 'namespaces'),
      rule(READ, ['storage.k8s.io'], 'csidrivers'),
      rule(READ, ['storage.k8s.io'], 'csistoragecapacities'),
    ],
  },
  { name: 'system:kubelet-api-admin', rules: [rule(READ, core, 'nodes'), rule('proxy', core, 'nodes'), rule('*', core, 'nodes/log nodes/metrics nodes/proxy nodes/stats')] },
  { name: 'system:monitoring', rules: [urls('get', '/healthz /healthz/* /livez /livez/* /metrics /metrics/slis /readyz /readyz/*')] },
  {
    name: 'system:node',
    rules: [
      rule('create', ['authentication.k8s.io'], 'tokenreviews'),
      rule('create', ['authorization.k8s.io'], 'localsubjectaccessreviews subjectaccessreviews'),
      rule(READ, core, 'services'),
      rule('create get list watch', core, 'nodes'),
      rule('patch update', core, 'nodes/status'),
      rule('patch update', core, 'nodes'),
      rule('create patch update', core, 'events'),
      rule(READ, core, 'pods'),
      rule('create delete', core, 'pods'),
      rule('patch update', core, 'pods/status'),
      rule('create', core, 'pods/eviction'),
      rule(READ, core, 'configmaps secrets'),
      rule('get', core, 'persistentvolumeclaims persistentvolumes'),
      rule('get', core, 'endpoints'),
      rule('create get list watch', ['certificates.k8s.io'], 'certificatesigningrequests'),
      rule('create delete get patch update', ['coordination.k8s.io'], 'leases'),
      rule('get', ['storage.k8s.io'], 'volumeattachments'),
      rule('create', core, 'serviceaccounts/token'),
      rule('get patch update', core, 'persistentvolumeclaims/status'),
      rule(READ, ['storage.k8s.io'], 'csidrivers'),
      rule('create delete get patch update', ['storage.k8s.io'], 'csinodes'),
      rule(READ, ['node.k8s.io'], 'runtimeclasses'),
    ],
  },
  { name: 'system:node-bootstrapper', rules: [rule('create get list watch', ['certificates.k8s.io'], 'certificatesigningrequests')] },
  { name: 'system:node-problem-detector', rules: [rule('get', core, 'nodes'), rule('patch', core, 'nodes/status'), EVENTS_RULE()] },
  {
    name: 'system:node-proxier',
    rules: [rule('list watch', core, 'endpoints services'), rule(READ, core, 'nodes'), EVENTS_RULE(), rule('list watch', ['discovery.k8s.io'], 'endpointslices')],
  },
  {
    name: 'system:persistent-volume-provisioner',
    rules: [
      rule('create delete get list watch', core, 'persistentvolumes'),
      rule('get list update watch', core, 'persistentvolumeclaims'),
      rule(READ, ['storage.k8s.io'], 'storageclasses'),
      rule('watch', core, 'events'),
      EVENTS_RULE(),
    ],
  },
  { name: 'system:public-info-viewer', rules: [urls('get', '/healthz /livez /readyz /version /version/')] },
  { name: 'system:service-account-issuer-discovery', rules: [urls('get', '/.well-known/openid-configuration /openid/v1/jwks')] },
  {
    name: 'system:volume-scheduler',
    rules: [rule('get list patch update watch', core, 'persistentvolumes'), rule(READ, ['storage.k8s.io'], 'storageclasses'), rule('get list patch update watch', core, 'persistentvolumeclaims')],
  },
  { name: 'view', aggregateFrom: 'view', aggregateTo: 'edit' },
];
