/**
 * Object types shared by every layer of the simulated cluster.
 *
 * We keep upstream JSON field names. Typed views of individual kinds come from the
 * `kubernetes-types` package (type-only, no runtime cost); the generic `KubeObject`
 * is what storage, the API server and generic tooling (patches, printers) work with.
 */
import type { ObjectMeta as UpstreamObjectMeta, OwnerReference } from 'kubernetes-types/meta/v1';

export type { OwnerReference };

/** Mutable strips `readonly` (kubernetes-types marks server-set fields readonly). */
export type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** ObjectMeta is metav1.ObjectMeta; the API server writes its server-owned fields. */
export type ObjectMeta = Mutable<UpstreamObjectMeta>;
export type {
  Pod,
  PodSpec,
  PodStatus,
  PodTemplateSpec,
  Container,
  ContainerStatus,
  Node,
  Namespace,
  Service,
  Endpoints,
  ConfigMap,
  Secret,
  ServiceAccount,
  Event,
  Binding,
} from 'kubernetes-types/core/v1';
export type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
export type { EndpointSlice } from 'kubernetes-types/discovery/v1';
export type { Lease } from 'kubernetes-types/coordination/v1';

/** KubeObject is any Kubernetes object in its JSON form. */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  [field: string]: unknown;
}

/** JSONValue is anything that survives JSON.stringify/parse unchanged. */
export type JSONValue = null | boolean | number | string | JSONValue[] | { [key: string]: JSONValue };

/** GroupVersionResource names a REST resource, e.g. {group:'apps', version:'v1', resource:'deployments'}. */
export interface GroupVersionResource {
  group: string;
  version: string;
  resource: string;
}

/** GroupVersionKind names a kind, e.g. {group:'apps', version:'v1', kind:'Deployment'}. */
export interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}

/** apiVersionOf renders a group/version the way `apiVersion` fields spell it ("v1", "apps/v1"). */
export function apiVersionOf(gv: { group: string; version: string }): string {
  return gv.group === '' ? gv.version : `${gv.group}/${gv.version}`;
}

/** parseApiVersion splits "apps/v1" into group and version ("v1" is the core group). */
export function parseApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  return slash < 0
    ? { group: '', version: apiVersion }
    : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

/** groupResource renders "deployments.apps" or "pods", the spelling used in error messages. */
export function groupResource(gvr: { group: string; resource: string }): string {
  return gvr.group === '' ? gvr.resource : `${gvr.resource}.${gvr.group}`;
}
