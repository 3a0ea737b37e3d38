/**
 * The inputs every describer receives. Describers are pure: the `kubectl describe`
 * verb fetches what a kind needs (see `relatedFor` in index.ts) through the client,
 * then calls the describer with the object and this context.
 */
import type {
  Event,
  LimitRange,
  Pod,
  ResourceQuota,
  Secret,
  Service,
} from 'kubernetes-types/core/v1';
import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { Lease } from 'kubernetes-types/coordination/v1';
import type { Job } from 'kubernetes-types/batch/v1';
import type { KubeObject } from '../../core/api/types.ts';

/**
 * DescribeContext is everything a describer may look at besides the object itself.
 * Unset related lists mean "not fetched" (the section behaves as kubectl does when
 * its list call fails); an empty list means "fetched, none found".
 */
export interface DescribeContext {
  /** now is the virtual clock's current time in epoch ms; ages ("5m", "x3 over 10m") are relative to it. */
  now: number;
  /**
   * events are the core/v1 Events about the object, already selected by the caller
   * (involvedObject name/namespace/uid; for a Node also uid=name). Undefined means
   * `--show-events=false`: no Events section at all.
   */
  events?: Event[];
  /** replicaSets (Deployment): the ReplicaSets in the namespace; the describer keeps those the Deployment controls. */
  replicaSets?: ReplicaSet[];
  /**
   * pods: for ReplicaSet/StatefulSet/DaemonSet, the pods matching the selector
   * (the describer counts those it controls); for Node, the non-terminated pods
   * bound to it; for PersistentVolumeClaim, the pods of the namespace.
   */
  pods?: Pod[];
  /** endpointSlices (Service, Ingress backends): slices labelled kubernetes.io/service-name=<service>. */
  endpointSlices?: EndpointSlice[];
  /** services (Ingress): the Services its backends name, to resolve named ports. */
  services?: Service[];
  /** lease (Node): its Lease in kube-node-lease; null when it was not found. */
  lease?: Lease | null;
  /** resourceQuotas (Namespace): the quotas in the namespace. */
  resourceQuotas?: ResourceQuota[];
  /** limitRanges (Namespace): the limit ranges in the namespace. */
  limitRanges?: LimitRange[];
  /** secrets (ServiceAccount): the secrets of the namespace, to list tokens and flag missing ones. */
  secrets?: Secret[];
  /** jobs (CronJob): not needed by v1.32's describer; reserved. */
  jobs?: Job[];
}

/** Describer renders one object as `kubectl describe` text. */
export type Describer = (obj: KubeObject, ctx: DescribeContext) => string;

/** RelatedData names the related lists a describer wants the caller to fetch. */
export type RelatedData =
  | 'events'
  | 'replicaSets'
  | 'pods'
  | 'nodePods'
  | 'endpointSlices'
  | 'services'
  | 'lease'
  | 'resourceQuotas'
  | 'limitRanges'
  | 'secrets';
