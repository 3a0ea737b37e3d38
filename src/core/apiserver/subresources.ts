/**
 * Subresources that are not plain object writes: pods/binding, pods/eviction and
 * {deployments,replicasets}/scale.
 *
 * binding follows pkg/registry/core/pod/storage (BindingREST.setPodHostAndAnnotations);
 * scale follows the apps registry's ScaleREST (autoscaling/v1 Scale in and out);
 * eviction (./eviction.ts) follows pkg/registry/core/pod/storage/eviction.go.
 */
import { badRequest, conflict, notFound } from '../api/status.ts';
import type { KubeObject } from '../api/types.ts';
import { thaw } from '../storage/freeze.ts';
import type { ApiServer, WriteOptions } from './apiserver.ts';
import { resourceKey, type ResourceDefinition } from './resource.ts';

/** bindPod assigns a pod to a node, as the scheduler's binding POST does. */
export function bindPod(server: ApiServer, namespace: string, name: string, binding: KubeObject, opts: WriteOptions = {}): KubeObject {
  const pods = server.resource('', 'pods');
  const pod = server.get(pods, namespace, name);
  const target = (binding as { target?: { name?: string; kind?: string } }).target;
  if (!target?.name) throw badRequest('Binding target.name is required');
  const spec = pod.spec as { nodeName?: string };
  if (pod.metadata.deletionTimestamp) throw conflict('', 'pods', name, 'pod is being deleted, cannot be assigned to a host');
  if (spec.nodeName) throw conflict('', 'pods', name, `pod ${name} is already assigned to node "${spec.nodeName}"`);
  // Copies only the path to what changes (spec.nodeName, status.conditions); the rest of the
  // stored pod is shared, frozen, with the new version instead of deep-copied per binding.
  const oldStatus = (pod.status ?? {}) as { conditions?: Array<Record<string, unknown>> };
  const conditions = (oldStatus.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
  conditions.push({ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: server.strategyContext.isoNow() });
  const updated: KubeObject = { ...pod, spec: { ...(pod.spec as object), nodeName: target.name }, status: { ...oldStatus, conditions } };
  if (opts.dryRun) return updated;
  return server.store.update(resourceKey(pods), updated, pod.metadata.resourceVersion);
}

/** evictPod is pods/eviction, honouring PodDisruptionBudgets (see ./eviction.ts). */
export { evictPod } from './eviction.ts';

/** getScale renders the autoscaling/v1 Scale of a scalable object. */
export function getScale(server: ApiServer, def: ResourceDefinition, namespace: string, name: string): KubeObject {
  if (!def.scale) throw notFound(def.group, `${def.resource}/scale`, name);
  return scaleOf(def, server.get(def, namespace, name));
}

/** updateScale writes spec.replicas through a Scale object (PUT .../scale). */
export function updateScale(
  server: ApiServer,
  def: ResourceDefinition,
  namespace: string,
  name: string,
  scale: KubeObject,
  opts: WriteOptions = {},
): KubeObject {
  if (!def.scale) throw notFound(def.group, `${def.resource}/scale`, name);
  const old = server.get(def, namespace, name);
  const wantRV = scale.metadata?.resourceVersion;
  if (wantRV && wantRV !== old.metadata.resourceVersion) throw server.modifiedConflict(def, name);
  const replicas = (scale.spec as { replicas?: number } | undefined)?.replicas ?? 0;
  const obj = thaw(old);
  def.scale.setSpecReplicas(obj, replicas);
  const stored = server.commitUpdate(def, old, obj, opts, 'scale');
  return scaleOf(def, stored);
}

function scaleOf(def: ResourceDefinition, obj: KubeObject): KubeObject {
  const s = def.scale!;
  const m = obj.metadata;
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: {
      name: m.name,
      namespace: m.namespace,
      uid: m.uid,
      resourceVersion: m.resourceVersion,
      creationTimestamp: m.creationTimestamp,
    },
    spec: { replicas: s.specReplicas(obj) },
    status: { replicas: s.statusReplicas(obj), selector: s.selector(obj) },
  };
}
