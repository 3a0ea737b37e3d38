/**
 * The `system:controller:<name>` ClusterRoles kube-apiserver v1.32 creates, one per
 * kube-controller-manager controller (bootstrappolicy/controller_policy.go, as its
 * testdata/controller-roles.yaml records them). Each is bound to the ServiceAccount
 * kube-system/<name> the controller runs as (--use-service-account-credentials).
 */
import type { PolicyRule } from '../../api/validation/rbac.ts';
import { EVENTS_RULE, READ, rule } from './policyData.ts';

const core = [''];
const all = ['*'];
const apps = ['apps', 'extensions'];
const CRUD = 'create delete get list patch update watch';

/** CONTROLLER_ROLES maps controller name (without `system:controller:`) to its rules, in name order. */
export const CONTROLLER_ROLES: ReadonlyArray<[string, PolicyRule[]]> = [
  ['attachdetach-controller', [
    rule('list watch', core, 'persistentvolumeclaims persistentvolumes'), rule(READ, core, 'nodes'), rule('patch update', core, 'nodes/status'),
    rule('list watch', core, 'pods'), EVENTS_RULE(), rule('create delete get list watch', ['storage.k8s.io'], 'volumeattachments'),
    rule(READ, ['storage.k8s.io'], 'csidrivers'), rule(READ, ['storage.k8s.io'], 'csinodes'),
  ]],
  ['certificate-controller', [
    rule('delete get list watch', ['certificates.k8s.io'], 'certificatesigningrequests'),
    rule('update', ['certificates.k8s.io'], 'certificatesigningrequests/approval certificatesigningrequests/status'),
    rule('approve', ['certificates.k8s.io'], 'signers', 'kubernetes.io/kube-apiserver-client-kubelet'),
    rule('sign', ['certificates.k8s.io'], 'signers', 'kubernetes.io/kube-apiserver-client kubernetes.io/kube-apiserver-client-kubelet kubernetes.io/kubelet-serving kubernetes.io/legacy-unknown'),
    rule('create', ['authorization.k8s.io'], 'subjectaccessreviews'), EVENTS_RULE(),
  ]],
  ['clusterrole-aggregation-controller', [rule('escalate get list patch update watch', ['rbac.authorization.k8s.io'], 'clusterroles')]],
  ['cronjob-controller', [
    rule('get list update watch', ['batch'], 'cronjobs'), rule(CRUD, ['batch'], 'jobs'), rule('update', ['batch'], 'cronjobs/status'),
    rule('update', ['batch'], 'cronjobs/finalizers'), rule('delete list watch', core, 'pods'), EVENTS_RULE(),
  ]],
  ['daemon-set-controller', [
    rule(READ, apps, 'daemonsets'), rule('update', apps, 'daemonsets/status'), rule('update', apps, 'daemonsets/finalizers'),
    rule('list watch', core, 'nodes'), rule('create delete list patch watch', core, 'pods'), rule('create', core, 'pods/binding'),
    rule(CRUD, ['apps'], 'controllerrevisions'), EVENTS_RULE(),
  ]],
  ['deployment-controller', [
    rule('get list update watch', apps, 'deployments'), rule('update', apps, 'deployments/status'), rule('update', apps, 'deployments/finalizers'),
    rule(CRUD, apps, 'replicasets'), rule('get list update watch', core, 'pods'), EVENTS_RULE(),
  ]],
  ['disruption-controller', [
    rule(READ, apps, 'deployments'), rule(READ, apps, 'replicasets'), rule(READ, core, 'replicationcontrollers'),
    rule(READ, ['policy'], 'poddisruptionbudgets'), rule(READ, ['apps'], 'statefulsets'), rule('update', ['policy'], 'poddisruptionbudgets/status'),
    rule('patch update', core, 'pods/status'), rule('get', all, '*/scale'), EVENTS_RULE(),
  ]],
  ['endpoint-controller', [
    rule(READ, core, 'pods services'), rule('create delete get list update watch', core, 'endpoints'), rule('create', core, 'endpoints/restricted'), EVENTS_RULE(),
  ]],
  ['endpointslice-controller', [
    rule(READ, core, 'nodes pods services'), rule('update', core, 'services/finalizers'),
    rule('create delete get list update watch', ['discovery.k8s.io'], 'endpointslices'), EVENTS_RULE(),
  ]],
  ['endpointslicemirroring-controller', [
    rule(READ, core, 'endpoints services'), rule('update', core, 'services/finalizers'), rule('update', core, 'endpoints/finalizers'),
    rule('create delete get list update watch', ['discovery.k8s.io'], 'endpointslices'), EVENTS_RULE(),
  ]],
  ['ephemeral-volume-controller', [
    rule(READ, core, 'pods'), rule('update', core, 'pods/finalizers'), rule('create get list watch', core, 'persistentvolumeclaims'), EVENTS_RULE(),
  ]],
  ['expand-controller', [
    rule('get list patch update watch', core, 'persistentvolumes'), rule('patch update', core, 'persistentvolumeclaims/status'),
    rule(READ, core, 'persistentvolumeclaims'), EVENTS_RULE(),
  ]],
  ['generic-garbage-collector', [rule('delete get list patch update watch', all, '*'), EVENTS_RULE()]],
  ['horizontal-pod-autoscaler', [
    rule(READ, ['autoscaling'], 'horizontalpodautoscalers'), rule('update', ['autoscaling'], 'horizontalpodautoscalers/status'),
    rule('get update', all, '*/scale'), rule('list watch', core, 'pods'), rule('list watch', ['metrics.k8s.io'], 'pods'),
    rule(READ, ['custom.metrics.k8s.io'], '*'), rule(READ, ['external.metrics.k8s.io'], '*'), EVENTS_RULE(),
  ]],
  ['job-controller', [
    rule('get list patch update watch', ['batch'], 'jobs'), rule('update', ['batch'], 'jobs/status'), rule('update', ['batch'], 'jobs/finalizers'),
    rule('create delete list patch watch', core, 'pods'), EVENTS_RULE(),
  ]],
  ['legacy-service-account-token-cleaner', [
    rule('get', core, 'configmaps', 'kube-apiserver-legacy-service-account-token-tracking'), rule('delete patch', core, 'secrets'),
  ]],
  ['namespace-controller', [
    rule('delete get list watch', core, 'namespaces'), rule('update', core, 'namespaces/finalize namespaces/status'),
    rule('delete deletecollection get list watch', all, '*'),
  ]],
  ['node-controller', [
    rule('delete get list patch update watch', core, 'nodes'), rule('patch update', core, 'nodes/status'), rule('patch update', core, 'pods/status'),
    rule('delete get list watch', core, 'pods'), EVENTS_RULE(),
  ]],
  ['persistent-volume-binder', [
    rule('create delete get list update watch', core, 'persistentvolumes'), rule('update', core, 'persistentvolumes/status'),
    rule('get list update watch', core, 'persistentvolumeclaims'), rule('update', core, 'persistentvolumeclaims/status'),
    rule('create delete get list watch', core, 'pods'), rule(READ, ['storage.k8s.io'], 'storageclasses'), rule('list watch', core, 'nodes'),
    EVENTS_RULE(), rule('watch', core, 'events'),
  ]],
  ['pod-garbage-collector', [rule('delete list watch', core, 'pods'), rule(READ, core, 'nodes'), rule('patch', core, 'pods/status')]],
  ['pv-protection-controller', [rule('get list update watch', core, 'persistentvolumes'), EVENTS_RULE()]],
  ['pvc-protection-controller', [
    rule('get list update watch', core, 'persistentvolumeclaims'), rule('update', core, 'persistentvolumeclaims/status'), rule(READ, core, 'pods'), EVENTS_RULE(),
  ]],
  ['replicaset-controller', [
    rule('get list update watch', apps, 'replicasets'), rule('update', apps, 'replicasets/status'), rule('update', apps, 'replicasets/finalizers'),
    rule('create delete list patch watch', core, 'pods'), EVENTS_RULE(),
  ]],
  ['replication-controller', [
    rule('get list update watch', core, 'replicationcontrollers'), rule('update', core, 'replicationcontrollers/status'),
    rule('update', core, 'replicationcontrollers/finalizers'), rule('create delete list patch watch', core, 'pods'), EVENTS_RULE(),
  ]],
  ['resourcequota-controller', [rule('list watch', all, '*'), rule('update', core, 'resourcequotas/status'), EVENTS_RULE()]],
  ['root-ca-cert-publisher', [rule('create update', core, 'configmaps'), EVENTS_RULE()]],
  ['route-controller', [rule('list watch', core, 'nodes'), rule('patch', core, 'nodes/status'), EVENTS_RULE()]],
  ['service-account-controller', [rule('create', core, 'serviceaccounts'), EVENTS_RULE()]],
  ['service-controller', [rule(READ, core, 'services'), rule('patch update', core, 'services/status'), rule('list watch', core, 'nodes'), EVENTS_RULE()]],
  ['statefulset-controller', [
    rule('list watch', core, 'pods'), rule(READ, ['apps'], 'statefulsets'), rule('update', ['apps'], 'statefulsets/status'),
    rule('update', ['apps'], 'statefulsets/finalizers'), rule('create delete get patch update', core, 'pods'), rule(CRUD, ['apps'], 'controllerrevisions'),
    rule('create get list watch', core, 'persistentvolumeclaims'), rule('delete update', core, 'persistentvolumeclaims'), rule('update', core, 'pods/finalizers'), EVENTS_RULE(),
  ]],
  ['ttl-after-finished-controller', [rule('delete get list watch', ['batch'], 'jobs'), EVENTS_RULE()]],
  ['ttl-controller', [rule('list patch update watch', core, 'nodes'), EVENTS_RULE()]],
  ['validatingadmissionpolicy-status-controller', [
    rule(READ, ['admissionregistration.k8s.io'], 'validatingadmissionpolicies'),
    rule('get patch update', ['admissionregistration.k8s.io'], 'validatingadmissionpolicies/status'), EVENTS_RULE(),
  ]],
];
