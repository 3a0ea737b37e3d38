/**
 * Defaulting for the small core kinds (pkg/apis/core/v1/defaults.go and
 * pkg/apis/discovery/v1/defaults.go, v1.32): Namespace, Node, Secret, Endpoints,
 * EndpointSlice. ConfigMap, ServiceAccount, Event and Lease have no defaults upstream.
 */
import type { Endpoints, Namespace, Node, Secret } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { mergeSecretStringData } from './secretData.ts';

/** defaultNamespace sets the immutable `kubernetes.io/metadata.name` label to the namespace's name (SetDefaults_Namespace). */
export function defaultNamespace(ns: Namespace): void {
  const name = ns.metadata?.name;
  if (!name) return;
  ns.metadata!.labels = { ...(ns.metadata!.labels ?? {}), 'kubernetes.io/metadata.name': name };
}

/** prepareNamespaceForCreate: a new namespace is Active and carries the `kubernetes` finalizer (namespace strategy PrepareForCreate). */
export function prepareNamespaceForCreate(ns: Namespace): void {
  (ns as { status?: Namespace['status'] }).status = { phase: 'Active' };
  const finalizers = ns.spec?.finalizers ?? [];
  if (!finalizers.includes('kubernetes')) ns.spec = { ...(ns.spec ?? {}), finalizers: [...finalizers, 'kubernetes'] };
}

/** defaultNode copies status.capacity into status.allocatable when allocatable is unset (SetDefaults_NodeStatus). */
export function defaultNode(node: Node): void {
  const status = node.status as { capacity?: Record<string, string>; allocatable?: Record<string, string> } | undefined;
  if (status?.capacity && !status.allocatable) status.allocatable = { ...status.capacity };
}

/** defaultSecret sets type Opaque (SetDefaults_Secret) and folds stringData into data, as decoding does upstream. */
export function defaultSecret(secret: Secret): void {
  mergeSecretStringData(secret);
  secret.type ||= 'Opaque';
}

/** defaultEndpoints sets every port's protocol to TCP when unset (SetDefaults_EndpointPort). */
export function defaultEndpoints(ep: Endpoints): void {
  for (const subset of ep.subsets ?? []) {
    for (const port of subset.ports ?? []) port.protocol ||= 'TCP';
  }
}

/** defaultEndpointSlice sets each port's name to "" and protocol to TCP when unset (discovery/v1 SetDefaults_EndpointPort). */
export function defaultEndpointSlice(slice: EndpointSlice): void {
  for (const port of slice.ports ?? []) {
    port.name ??= '';
    port.protocol ??= 'TCP';
  }
}
