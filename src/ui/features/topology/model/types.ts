/**
 * The topology's picture of the cluster, derived purely from the UI's object store: which
 * boxes exist, what they show, and how they connect. No positions here (layout/ places them)
 * and no React (the panel renders it), so every rule is tested in Node.
 */

/** TopoKind is what a box is: a Kubernetes kind, or PodGroup (aggregated pods) / Unscheduled. */
export type TopoKind = 'Node' | 'Unscheduled' | 'Pod' | 'PodGroup' | WorkloadKind | 'Service' | 'Ingress' | RelatedKind;

/** RelatedKind is a kind drawn beside the workloads it serves: a claim pods mount, an autoscaler. */
export type RelatedKind = 'PersistentVolumeClaim' | 'HorizontalPodAutoscaler';

/** WorkloadKind is a kind that owns pods (directly or through another workload). */
export type WorkloadKind = 'Deployment' | 'ReplicaSet' | 'StatefulSet' | 'DaemonSet' | 'Job' | 'CronJob';

/** WORKLOAD_KINDS lists the workload kinds in the order the filters show them. */
export const WORKLOAD_KINDS: readonly WorkloadKind[] = ['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob'];

/** TopoItem is what every box has: a stable id (the object's store key) and its identity. */
export interface TopoItem {
  id: string;
  kind: TopoKind;
  name: string;
  namespace: string;
}

/** PodItem is one pod, shown inside the box of its node. */
export interface PodItem extends TopoItem {
  kind: 'Pod';
  /** status is the STATUS `kubectl get pods` prints (the worker computes it). */
  status: string;
  ready: boolean;
  /** group is the id of the node box holding the pod. */
  group: string;
  ownerId?: string;
  /** ghost marks a pod already deleted, kept a moment to fade out (podGhosts.ts). */
  ghost?: boolean;
}

/** PodGroupItem stands for many pods of one owner on one node (past the aggregation threshold). */
export interface PodGroupItem extends TopoItem {
  kind: 'PodGroup';
  group: string;
  ownerId?: string;
  count: number;
  /** statuses counts the pods by kubectl STATUS, most frequent first. */
  statuses: Array<[string, number]>;
  /** label reads like "ReplicaSet web-5d4f… ×240". */
  label: string;
}

/** NodeGroupItem is a node (or the Unscheduled shelf) drawn as a container of its pods. */
export interface NodeGroupItem extends TopoItem {
  kind: 'Node' | 'Unscheduled';
  ready: boolean;
  /** unschedulable is a cordoned node (spec.unschedulable). */
  unschedulable: boolean;
  /** members are the ids of the pods and pod groups inside, in name order. */
  members: string[];
}

/** WorkloadItem is a Deployment, ReplicaSet, StatefulSet, DaemonSet, Job or CronJob. */
export interface WorkloadItem extends TopoItem {
  kind: WorkloadKind;
  /** summary is a short readiness figure, as the kind's kubectl table shows it (e.g. "3/3"). */
  summary: string;
  ownerId?: string;
}

/** ServiceItem is a Service; IngressItem an Ingress. */
export interface ServiceItem extends TopoItem {
  kind: 'Service';
  type: string;
}

/** IngressItem is an Ingress. */
export interface IngressItem extends TopoItem {
  kind: 'Ingress';
}

/** RelatedItem is a PersistentVolumeClaim or a HorizontalPodAutoscaler, with its kubectl figure. */
export interface RelatedItem extends TopoItem {
  kind: RelatedKind;
  /** summary is the claim's STATUS (Bound, Pending) or the autoscaler's replicas and bounds. */
  summary: string;
}

/**
 * Relation is what an edge means: ownerReference, Service selector, Ingress backend, a pod
 * mounting a claim (spec.volumes[].persistentVolumeClaim), an autoscaler's scaleTargetRef.
 */
export type Relation = 'owns' | 'selects' | 'routes' | 'mounts' | 'scales';

/**
 * flowsRight tells whether an edge is drawn from its source on the left to its target on the
 * right: control flows that way (owner → owned, autoscaler → target), while traffic and
 * storage edges are drawn from the pods' node boxes out to the Service, Ingress or claim.
 */
export function flowsRight(relation: Relation): boolean {
  return relation === 'owns' || relation === 'scales';
}

/** TopoEdge connects two boxes; `ready` is an endpoint's readiness for a Service → Pod edge. */
export interface TopoEdge {
  id: string;
  source: string;
  target: string;
  relation: Relation;
  ready?: boolean;
}

/** TopologyGraph is the whole derived picture. */
export interface TopologyGraph {
  groups: NodeGroupItem[];
  pods: Array<PodItem | PodGroupItem>;
  workloads: WorkloadItem[];
  services: ServiceItem[];
  ingresses: IngressItem[];
  /** related are the PersistentVolumeClaims and HorizontalPodAutoscalers in the namespace. */
  related: RelatedItem[];
  edges: TopoEdge[];
  /** namespaces are every namespace that exists (for the filter). */
  namespaces: string[];
  /** podCount is the number of pods that passed the filter; aggregated says if groups replaced them. */
  podCount: number;
  aggregated: boolean;
}

/** TopologyFilter chooses what to draw: one namespace ('' = all) and the kinds to hide. */
export interface TopologyFilter {
  namespace: string;
  hiddenKinds: ReadonlySet<TopoKind>;
}
