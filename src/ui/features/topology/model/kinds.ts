/**
 * Where each kind the topology draws is served (group and resource), so an ownerReference
 * (kind + name) can be turned into the store key of its object.
 */
import { objectKey } from '../../../../protocol/objects.ts';

/** UNSCHEDULED_ID is the id of the shelf for pods without a node (the topology's "Unscheduled" box). */
export const UNSCHEDULED_ID = 'unscheduled';

/** SERVED maps a kind to its API group and resource. */
export const SERVED: Readonly<Record<string, { group: string; resource: string }>> = {
  Pod: { group: '', resource: 'pods' },
  Node: { group: '', resource: 'nodes' },
  Service: { group: '', resource: 'services' },
  Namespace: { group: '', resource: 'namespaces' },
  Deployment: { group: 'apps', resource: 'deployments' },
  ReplicaSet: { group: 'apps', resource: 'replicasets' },
  StatefulSet: { group: 'apps', resource: 'statefulsets' },
  DaemonSet: { group: 'apps', resource: 'daemonsets' },
  Job: { group: 'batch', resource: 'jobs' },
  CronJob: { group: 'batch', resource: 'cronjobs' },
  Ingress: { group: 'networking.k8s.io', resource: 'ingresses' },
  EndpointSlice: { group: 'discovery.k8s.io', resource: 'endpointslices' },
  PersistentVolumeClaim: { group: '', resource: 'persistentvolumeclaims' },
  HorizontalPodAutoscaler: { group: 'autoscaling', resource: 'horizontalpodautoscalers' },
};

/** keyOfKind returns the store key of an object named by kind, or undefined for a kind not drawn. */
export function keyOfKind(kind: string, namespace: string, name: string): string | undefined {
  const s = SERVED[kind];
  return s ? objectKey({ group: s.group, resource: s.resource, namespace, name }) : undefined;
}
