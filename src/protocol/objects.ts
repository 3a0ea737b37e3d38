/**
 * Object identities and deltas as they cross the wire: the UI's picture of the cluster is a
 * map from ObjectKey to the latest object, fed by batched deltas of the worker's watches.
 */
import type { KubeObject } from '../core/api/types.ts';

/** ObjectRef names one object of a served resource (group '' is the core group). */
export interface ObjectRef {
  group: string;
  resource: string;
  namespace: string;
  name: string;
}

/** ObjectKey is `group/resource/namespace/name`, the UI store's map key. */
export type ObjectKey = string;

/** objectKey renders an ObjectRef as its ObjectKey. */
export function objectKey(ref: ObjectRef): ObjectKey {
  return `${ref.group}/${ref.resource}/${ref.namespace}/${ref.name}`;
}

/** parseObjectKey is the inverse of objectKey. */
export function parseObjectKey(key: ObjectKey): ObjectRef {
  const [group, resource, namespace, ...rest] = key.split('/');
  return { group, resource, namespace, name: rest.join('/') };
}

/** WireObject is an object with the resource it was watched under (kind alone can be ambiguous). */
export interface WireObject {
  key: ObjectKey;
  group: string;
  resource: string;
  object: KubeObject;
  /**
   * podStatus is, for a core/v1 Pod, the STATUS `kubectl get pods` shows (Running,
   * ContainerCreating, Terminating, CrashLoopBackOff, ...). The worker computes it with the
   * server's own table code, so the UI never re-implements printPod.
   */
  podStatus?: string;
}

/**
 * ObjectDelta is one batch of watch results, coalesced: `added` were unknown to the UI,
 * `modified` replace what it holds, `deleted` are keys it must drop. A key appears at most once.
 */
export interface ObjectDelta {
  added: WireObject[];
  modified: WireObject[];
  deleted: ObjectKey[];
}
