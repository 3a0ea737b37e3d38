/**
 * The describer registry: `group/Kind` → describer plus the related data the
 * `kubectl describe` verb must fetch first (describe.go: describerMap, with the
 * generic describer as fallback for every other kind).
 */
import type { KubeObject } from '../../core/api/types.ts';
import { describeConfigMap } from './configMap.ts';
import { describeDeployment } from './deployment.ts';
import { describeEndpoints } from './endpoints.ts';
import { describeEndpointSlice } from './endpointSlice.ts';
import { describeGeneric } from './generic.ts';
import { describeNamespace } from './namespace.ts';
import { describeNode } from './node.ts';
import { describePod } from './pod.ts';
import { describeReplicaSet } from './replicaSet.ts';
import { describeSecret } from './secret.ts';
import { describeService } from './service.ts';
import { describeServiceAccount } from './serviceAccount.ts';
import { describeStatefulSet, describeDaemonSet } from './workloads.ts';
import { describeJob, describeCronJob } from './jobs.ts';
import { describeIngress } from './ingress.ts';
import { describePersistentVolume, describePersistentVolumeClaim } from './storage.ts';
import { describeHorizontalPodAutoscaler } from './hpa.ts';
import {
  describeIngressClass,
  describeLimitRange,
  describePodDisruptionBudget,
  describePriorityClass,
  describeResourceQuota,
  describeStorageClass,
} from './clusterKinds.ts';
import { describeRole, describeRoleBinding } from './rbac.ts';
import { describeNetworkPolicy } from './networkPolicy.ts';
import { describeReplicationController } from './replicaSet.ts';
import type { DescribeContext, Describer, RelatedData } from './types.ts';

export type { DescribeContext, Describer, RelatedData } from './types.ts';

/** DescriberEntry is one registered kind: how to describe it and what to fetch for it. */
export interface DescriberEntry {
  describe: Describer;
  /**
   * related lists what the caller should put in the DescribeContext:
   * - events: Events whose involvedObject is the object (Node: uid or name)
   * - replicaSets: ReplicaSets in the object's namespace
   * - pods: Pods in the namespace matching the object's spec.selector (PVC: all pods of the namespace)
   * - nodePods: Pods with spec.nodeName = node, phase not Succeeded/Failed (goes in `pods`)
   * - endpointSlices: EndpointSlices labelled kubernetes.io/service-name=<name> (Ingress: per backend service)
   * - services: Services the object references (Ingress backends)
   * - lease: Lease <node name> in kube-node-lease (goes in `lease`, null if missing)
   * - resourceQuotas / limitRanges / secrets: all of that kind in the namespace (or the namespace itself)
   */
  related: RelatedData[];
}

/** DESCRIBERS maps "group/Kind" (core group is "") to its describer entry. */
export const DESCRIBERS: Readonly<Record<string, DescriberEntry>> = {
  '/Pod': { describe: describePod, related: ['events'] },
  '/Service': { describe: describeService, related: ['events', 'endpointSlices'] },
  '/Endpoints': { describe: describeEndpoints, related: ['events'] },
  '/Node': { describe: describeNode, related: ['events', 'nodePods', 'lease'] },
  '/Namespace': { describe: describeNamespace, related: ['resourceQuotas', 'limitRanges'] },
  '/ConfigMap': { describe: describeConfigMap, related: ['events'] },
  '/Secret': { describe: describeSecret, related: [] },
  '/ServiceAccount': { describe: describeServiceAccount, related: ['events', 'secrets'] },
  '/PersistentVolume': { describe: describePersistentVolume, related: ['events'] },
  '/PersistentVolumeClaim': { describe: describePersistentVolumeClaim, related: ['events', 'pods'] },
  'discovery.k8s.io/EndpointSlice': { describe: describeEndpointSlice, related: ['events'] },
  'apps/Deployment': { describe: describeDeployment, related: ['events', 'replicaSets'] },
  'apps/ReplicaSet': { describe: describeReplicaSet, related: ['events', 'pods'] },
  'apps/StatefulSet': { describe: describeStatefulSet, related: ['events', 'pods'] },
  'apps/DaemonSet': { describe: describeDaemonSet, related: ['events', 'pods'] },
  'batch/Job': { describe: describeJob, related: ['events'] },
  'batch/CronJob': { describe: describeCronJob, related: ['events'] },
  'networking.k8s.io/Ingress': { describe: describeIngress, related: ['events', 'services', 'endpointSlices'] },
  'autoscaling/HorizontalPodAutoscaler': { describe: describeHorizontalPodAutoscaler, related: ['events'] },
  '/ReplicationController': { describe: describeReplicationController, related: ['events', 'pods'] },
  '/ResourceQuota': { describe: describeResourceQuota, related: [] },
  '/LimitRange': { describe: describeLimitRange, related: [] },
  'storage.k8s.io/StorageClass': { describe: describeStorageClass, related: ['events'] },
  'scheduling.k8s.io/PriorityClass': { describe: describePriorityClass, related: ['events'] },
  'networking.k8s.io/IngressClass': { describe: describeIngressClass, related: ['events'] },
  'networking.k8s.io/NetworkPolicy': { describe: describeNetworkPolicy, related: [] },
  'policy/PodDisruptionBudget': { describe: describePodDisruptionBudget, related: ['events'] },
  'rbac.authorization.k8s.io/Role': { describe: describeRole, related: [] },
  'rbac.authorization.k8s.io/ClusterRole': { describe: describeRole, related: [] },
  'rbac.authorization.k8s.io/RoleBinding': { describe: describeRoleBinding, related: [] },
  'rbac.authorization.k8s.io/ClusterRoleBinding': { describe: describeRoleBinding, related: [] },
};

/** GENERIC_DESCRIBER describes any other kind from its fields (describe.go: genericDescriber). */
export const GENERIC_DESCRIBER: DescriberEntry = { describe: describeGeneric, related: ['events'] };

/** describerFor returns the entry for a group and kind, falling back to the generic describer. */
export function describerFor(group: string, kind: string): DescriberEntry {
  return DESCRIBERS[`${group}/${kind}`] ?? GENERIC_DESCRIBER;
}

/** describeObject describes `obj` with the describer its apiVersion/kind selects. */
export function describeObject(obj: KubeObject, ctx: DescribeContext): string {
  const apiVersion = obj.apiVersion ?? 'v1';
  const slash = apiVersion.indexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  return describerFor(group, obj.kind ?? '').describe(obj, ctx);
}
