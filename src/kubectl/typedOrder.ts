/**
 * typedOrder: an object as kubectl prints it after decoding it into its Go type.
 *
 * Commands that decode objects into typed structs (`set image|env|resources|selector|
 * serviceaccount`, whose Builder uses the scheme) print JSON in Go struct field order,
 * with map fields (labels, selectors, resource lists) sorted by key, as encoding/json
 * writes Go maps. The tables below give the field order of the k8s.io/api v1.32 types
 * those commands meet; a field the table does not know keeps its place after the known
 * ones. YAML output is unaffected (it is always key-sorted).
 */
import type { KubeObject } from '../core/api/types.ts';

/**
 * TYPES lists each struct's JSON fields in declaration order; `field:Type` descends into a
 * struct (or each element of a list of them), `field:map` is a Go map (keys sorted).
 */
const TYPES: Record<string, string> = {
  ObjectMeta:
    'name generateName namespace selfLink uid resourceVersion generation creationTimestamp deletionTimestamp deletionGracePeriodSeconds labels:map annotations:map ownerReferences:OwnerReference finalizers managedFields:ManagedFieldsEntry',
  OwnerReference: 'apiVersion kind name uid controller blockOwnerDeletion',
  ManagedFieldsEntry: 'manager operation apiVersion time fieldsType fieldsV1 subresource',
  LabelSelector: 'matchLabels:map matchExpressions:LabelSelectorRequirement',
  LabelSelectorRequirement: 'key operator values',
  PodTemplateSpec: 'metadata:ObjectMeta spec:PodSpec',
  DeploymentSpec:
    'replicas selector:LabelSelector template:PodTemplateSpec strategy:DeploymentStrategy minReadySeconds revisionHistoryLimit paused progressDeadlineSeconds',
  DeploymentStrategy: 'type rollingUpdate:RollingUpdate',
  RollingUpdate: 'maxUnavailable maxSurge',
  DeploymentStatus: 'observedGeneration replicas updatedReplicas readyReplicas availableReplicas unavailableReplicas conditions collisionCount',
  ReplicaSetSpec: 'replicas minReadySeconds selector:LabelSelector template:PodTemplateSpec',
  ReplicaSetStatus: 'replicas fullyLabeledReplicas readyReplicas availableReplicas observedGeneration conditions',
  ReplicationControllerSpec: 'replicas minReadySeconds selector:map template:PodTemplateSpec',
  DaemonSetSpec: 'selector:LabelSelector template:PodTemplateSpec updateStrategy:DeploymentStrategy minReadySeconds revisionHistoryLimit',
  DaemonSetStatus:
    'currentNumberScheduled numberMisscheduled desiredNumberScheduled numberReady observedGeneration updatedNumberScheduled numberAvailable numberUnavailable collisionCount conditions',
  StatefulSetSpec:
    'replicas selector:LabelSelector template:PodTemplateSpec volumeClaimTemplates serviceName podManagementPolicy updateStrategy:StatefulSetUpdateStrategy revisionHistoryLimit minReadySeconds persistentVolumeClaimRetentionPolicy ordinals',
  StatefulSetUpdateStrategy: 'type rollingUpdate:StatefulSetRollingUpdate',
  StatefulSetRollingUpdate: 'partition maxUnavailable',
  StatefulSetStatus: 'observedGeneration replicas readyReplicas currentReplicas updatedReplicas currentRevision updateRevision collisionCount conditions availableReplicas',
  JobSpec:
    'parallelism completions activeDeadlineSeconds podFailurePolicy successPolicy backoffLimit backoffLimitPerIndex maxFailedIndexes selector:LabelSelector manualSelector template:PodTemplateSpec ttlSecondsAfterFinished completionMode suspend podReplacementPolicy managedBy',
  JobTemplateSpec: 'metadata:ObjectMeta spec:JobSpec',
  CronJobSpec:
    'schedule timeZone startingDeadlineSeconds concurrencyPolicy suspend jobTemplate:JobTemplateSpec successfulJobsHistoryLimit failedJobsHistoryLimit',
  PodSpec:
    'volumes:Volume initContainers:Container containers:Container ephemeralContainers:Container restartPolicy terminationGracePeriodSeconds activeDeadlineSeconds dnsPolicy nodeSelector:map serviceAccountName serviceAccount automountServiceAccountToken nodeName hostNetwork hostPID hostIPC shareProcessNamespace securityContext imagePullSecrets hostname subdomain affinity schedulerName tolerations:Toleration hostAliases priorityClassName priority dnsConfig readinessGates runtimeClassName enableServiceLinks preemptionPolicy overhead:map topologySpreadConstraints setHostnameAsFQDN os hostUsers schedulingGates resourceClaims resources:ResourceRequirements',
  Container:
    'name image command args workingDir ports:ContainerPort envFrom:EnvFromSource env:EnvVar resources:ResourceRequirements resizePolicy restartPolicy volumeMounts:VolumeMount volumeDevices livenessProbe:Probe readinessProbe:Probe startupProbe:Probe lifecycle terminationMessagePath terminationMessagePolicy imagePullPolicy securityContext stdin stdinOnce tty',
  ContainerPort: 'name hostPort containerPort protocol hostIP',
  EnvFromSource: 'prefix configMapRef:KeyRef secretRef:KeyRef',
  EnvVar: 'name value valueFrom:EnvVarSource',
  EnvVarSource: 'fieldRef:FieldRef resourceFieldRef:ResourceFieldRef configMapKeyRef:KeyRef secretKeyRef:KeyRef',
  KeyRef: 'name key optional',
  FieldRef: 'apiVersion fieldPath',
  ResourceFieldRef: 'containerName resource divisor',
  ResourceRequirements: 'limits:map requests:map claims',
  VolumeMount: 'name readOnly recursiveReadOnly mountPath subPath mountPropagation subPathExpr',
  Probe:
    'exec httpGet:HTTPGetAction tcpSocket grpc initialDelaySeconds timeoutSeconds periodSeconds successThreshold failureThreshold terminationGracePeriodSeconds',
  HTTPGetAction: 'path port host scheme httpHeaders',
  Toleration: 'key operator value effect tolerationSeconds',
  Volume:
    'name hostPath emptyDir gcePersistentDisk awsElasticBlockStore gitRepo secret nfs iscsi glusterfs persistentVolumeClaim rbd flexVolume cinder cephfs flocker downwardAPI fc azureFile configMap vsphereVolume quobyte azureDisk photonPersistentDisk projected portworxVolume scaleIO storageos csi ephemeral image',
  ServiceSpec:
    'ports:ServicePort selector:map clusterIP clusterIPs type externalIPs sessionAffinity loadBalancerIP loadBalancerSourceRanges externalName externalTrafficPolicy healthCheckNodePort publishNotReadyAddresses sessionAffinityConfig ipFamilies ipFamilyPolicy allocateLoadBalancerNodePorts loadBalancerClass internalTrafficPolicy trafficDistribution',
  ServicePort: 'name protocol appProtocol port targetPort nodePort',
  ServiceStatus: 'loadBalancer conditions',
};

/** KINDS maps a kind to the Go types of its spec and status. */
const KINDS: Record<string, [spec: string, status: string]> = {
  Pod: ['PodSpec', ''],
  Deployment: ['DeploymentSpec', 'DeploymentStatus'],
  ReplicaSet: ['ReplicaSetSpec', 'ReplicaSetStatus'],
  ReplicationController: ['ReplicationControllerSpec', 'ReplicaSetStatus'],
  DaemonSet: ['DaemonSetSpec', 'DaemonSetStatus'],
  StatefulSet: ['StatefulSetSpec', 'StatefulSetStatus'],
  Job: ['JobSpec', ''],
  CronJob: ['CronJobSpec', ''],
  Service: ['ServiceSpec', 'ServiceStatus'],
};

type Fields = Array<[name: string, type: string]>;

const parsed = new Map<string, Fields>();

function fieldsOf(type: string): Fields | undefined {
  const known = parsed.get(type);
  if (known) return known;
  const spec = TYPES[type];
  if (spec === undefined) return undefined;
  const fields = spec.split(' ').map((f): [string, string] => {
    const [name, child] = f.split(':');
    return [name, child ?? ''];
  });
  parsed.set(type, fields);
  return fields;
}

/** inTypedOrder returns obj with its fields in Go struct order when its kind is known; otherwise obj unchanged. */
export function inTypedOrder(obj: KubeObject): KubeObject {
  const kind = KINDS[obj.kind ?? ''];
  if (!kind) return obj;
  const top: Fields = [['kind', ''], ['apiVersion', ''], ['metadata', 'ObjectMeta'], ['spec', kind[0]], ['status', kind[1]]];
  return inStructOrder(obj as unknown as Record<string, unknown>, top) as unknown as KubeObject;
}

function reorder(value: unknown, type: string): unknown {
  if (Array.isArray(value)) return value.map((v) => reorder(v, type));
  if (value === null || typeof value !== 'object') return value;
  const src = value as Record<string, unknown>;
  if (type === 'map') return Object.fromEntries(Object.keys(src).sort().map((k) => [k, src[k]]));
  const fields = fieldsOf(type);
  return fields ? inStructOrder(src, fields) : value;
}

function inStructOrder(src: Record<string, unknown>, fields: Fields): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, child] of fields) {
    if (name in src) out[name] = child ? reorder(src[name], child) : src[name];
  }
  for (const k of Object.keys(src)) if (!(k in out)) out[k] = src[k];
  return out;
}
