/**
 * servedKinds lists the API kinds kubeplay serves, with the names discovery reports for them
 * (resource plural, singular, short names) and the OpenAPI model each one's schema starts from.
 *
 * The names follow `kubectl api-resources` on a v1.32 cluster; `model` is the
 * `@kubernetes/client-node` model name the schema derivation starts from.
 */

/** ServedKind is one row of the served kinds table. */
export interface ServedKind {
  group: string;
  version: string;
  kind: string;
  /** resource is the lower-case plural used in URLs, e.g. `deployments`. */
  resource: string;
  shortNames: string[];
  namespaced: boolean;
  /** model is the generator model name of the kind's top-level schema, e.g. `V1Deployment`. */
  model: string;
}

function k(
  group: string,
  version: string,
  kind: string,
  resource: string,
  shortNames: string[],
  namespaced: boolean,
  model: string,
): ServedKind {
  return { group, version, kind, resource, shortNames, namespaced, model };
}

/** servedKinds is the table itself, in the order `kubectl api-resources` prints the groups. */
export const servedKinds: readonly ServedKind[] = [
  k('', 'v1', 'Binding', 'bindings', [], true, 'V1Binding'),
  k('', 'v1', 'ComponentStatus', 'componentstatuses', ['cs'], false, 'V1ComponentStatus'),
  k('', 'v1', 'ConfigMap', 'configmaps', ['cm'], true, 'V1ConfigMap'),
  k('', 'v1', 'Endpoints', 'endpoints', ['ep'], true, 'V1Endpoints'),
  k('', 'v1', 'Event', 'events', ['ev'], true, 'CoreV1Event'),
  k('', 'v1', 'LimitRange', 'limitranges', ['limits'], true, 'V1LimitRange'),
  k('', 'v1', 'Namespace', 'namespaces', ['ns'], false, 'V1Namespace'),
  k('', 'v1', 'Node', 'nodes', ['no'], false, 'V1Node'),
  k('', 'v1', 'PersistentVolumeClaim', 'persistentvolumeclaims', ['pvc'], true, 'V1PersistentVolumeClaim'),
  k('', 'v1', 'PersistentVolume', 'persistentvolumes', ['pv'], false, 'V1PersistentVolume'),
  k('', 'v1', 'Pod', 'pods', ['po'], true, 'V1Pod'),
  k('', 'v1', 'PodTemplate', 'podtemplates', [], true, 'V1PodTemplate'),
  k('', 'v1', 'ReplicationController', 'replicationcontrollers', ['rc'], true, 'V1ReplicationController'),
  k('', 'v1', 'ResourceQuota', 'resourcequotas', ['quota'], true, 'V1ResourceQuota'),
  k('', 'v1', 'Secret', 'secrets', [], true, 'V1Secret'),
  k('', 'v1', 'ServiceAccount', 'serviceaccounts', ['sa'], true, 'V1ServiceAccount'),
  k('', 'v1', 'Service', 'services', ['svc'], true, 'V1Service'),
  // NOTE: CustomResourceDefinition is left out: the client generator renames JSONSchemaProps'
  // `default`, `enum` and `not` (to `_default`, ...), which would make strict decoding wrong.
  k('admissionregistration.k8s.io', 'v1', 'MutatingWebhookConfiguration', 'mutatingwebhookconfigurations', [], false, 'V1MutatingWebhookConfiguration'),
  k('admissionregistration.k8s.io', 'v1', 'ValidatingAdmissionPolicy', 'validatingadmissionpolicies', [], false, 'V1ValidatingAdmissionPolicy'),
  k('admissionregistration.k8s.io', 'v1', 'ValidatingAdmissionPolicyBinding', 'validatingadmissionpolicybindings', [], false, 'V1ValidatingAdmissionPolicyBinding'),
  k('admissionregistration.k8s.io', 'v1', 'ValidatingWebhookConfiguration', 'validatingwebhookconfigurations', [], false, 'V1ValidatingWebhookConfiguration'),
  k('apiregistration.k8s.io', 'v1', 'APIService', 'apiservices', [], false, 'V1APIService'),
  k('apps', 'v1', 'ControllerRevision', 'controllerrevisions', [], true, 'V1ControllerRevision'),
  k('apps', 'v1', 'DaemonSet', 'daemonsets', ['ds'], true, 'V1DaemonSet'),
  k('apps', 'v1', 'Deployment', 'deployments', ['deploy'], true, 'V1Deployment'),
  k('apps', 'v1', 'ReplicaSet', 'replicasets', ['rs'], true, 'V1ReplicaSet'),
  k('apps', 'v1', 'StatefulSet', 'statefulsets', ['sts'], true, 'V1StatefulSet'),
  k('autoscaling', 'v2', 'HorizontalPodAutoscaler', 'horizontalpodautoscalers', ['hpa'], true, 'V2HorizontalPodAutoscaler'),
  k('autoscaling', 'v1', 'HorizontalPodAutoscaler', 'horizontalpodautoscalers', ['hpa'], true, 'V1HorizontalPodAutoscaler'),
  k('batch', 'v1', 'CronJob', 'cronjobs', ['cj'], true, 'V1CronJob'),
  k('batch', 'v1', 'Job', 'jobs', [], true, 'V1Job'),
  k('certificates.k8s.io', 'v1', 'CertificateSigningRequest', 'certificatesigningrequests', ['csr'], false, 'V1CertificateSigningRequest'),
  k('coordination.k8s.io', 'v1', 'Lease', 'leases', [], true, 'V1Lease'),
  k('discovery.k8s.io', 'v1', 'EndpointSlice', 'endpointslices', [], true, 'V1EndpointSlice'),
  k('events.k8s.io', 'v1', 'Event', 'events', ['ev'], true, 'EventsV1Event'),
  k('flowcontrol.apiserver.k8s.io', 'v1', 'FlowSchema', 'flowschemas', [], false, 'V1FlowSchema'),
  k('flowcontrol.apiserver.k8s.io', 'v1', 'PriorityLevelConfiguration', 'prioritylevelconfigurations', [], false, 'V1PriorityLevelConfiguration'),
  k('networking.k8s.io', 'v1', 'IngressClass', 'ingressclasses', [], false, 'V1IngressClass'),
  k('networking.k8s.io', 'v1', 'Ingress', 'ingresses', ['ing'], true, 'V1Ingress'),
  k('networking.k8s.io', 'v1', 'NetworkPolicy', 'networkpolicies', ['netpol'], true, 'V1NetworkPolicy'),
  k('node.k8s.io', 'v1', 'RuntimeClass', 'runtimeclasses', [], false, 'V1RuntimeClass'),
  k('policy', 'v1', 'PodDisruptionBudget', 'poddisruptionbudgets', ['pdb'], true, 'V1PodDisruptionBudget'),
  k('rbac.authorization.k8s.io', 'v1', 'ClusterRoleBinding', 'clusterrolebindings', [], false, 'V1ClusterRoleBinding'),
  k('rbac.authorization.k8s.io', 'v1', 'ClusterRole', 'clusterroles', [], false, 'V1ClusterRole'),
  k('rbac.authorization.k8s.io', 'v1', 'RoleBinding', 'rolebindings', [], true, 'V1RoleBinding'),
  k('rbac.authorization.k8s.io', 'v1', 'Role', 'roles', [], true, 'V1Role'),
  k('scheduling.k8s.io', 'v1', 'PriorityClass', 'priorityclasses', ['pc'], false, 'V1PriorityClass'),
  k('storage.k8s.io', 'v1', 'CSIDriver', 'csidrivers', [], false, 'V1CSIDriver'),
  k('storage.k8s.io', 'v1', 'CSINode', 'csinodes', [], false, 'V1CSINode'),
  k('storage.k8s.io', 'v1', 'CSIStorageCapacity', 'csistoragecapacities', [], true, 'V1CSIStorageCapacity'),
  k('storage.k8s.io', 'v1', 'StorageClass', 'storageclasses', ['sc'], false, 'V1StorageClass'),
  k('storage.k8s.io', 'v1', 'VolumeAttachment', 'volumeattachments', [], false, 'V1VolumeAttachment'),
];
