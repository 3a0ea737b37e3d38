/**
 * Test fixtures: a tiny object store built the way the worker's deltas fill the real one.
 */
import type { KubeObject } from '../../../../core/api/types.ts';
import { objectKey, type ObjectKey, type WireObject } from '../../../../protocol/objects.ts';
import { SERVED } from './kinds.ts';

/** store builds a store map from objects (kind decides group and resource). */
export function store(objects: Array<KubeObject & { podStatus?: string }>): Map<ObjectKey, WireObject> {
  const m = new Map<ObjectKey, WireObject>();
  for (const { podStatus, ...o } of objects) {
    const s = SERVED[o.kind ?? ''];
    const key = objectKey({ group: s.group, resource: s.resource, namespace: o.metadata.namespace ?? '', name: o.metadata.name ?? '' });
    m.set(key, { key, group: s.group, resource: s.resource, object: o as KubeObject, ...(podStatus ? { podStatus } : {}) });
  }
  return m;
}

/** node is a Ready node. */
export function node(name: string, ready = true): KubeObject {
  return { apiVersion: 'v1', kind: 'Node', metadata: { name, uid: `uid-${name}` }, spec: {}, status: { conditions: [{ type: 'Ready', status: ready ? 'True' : 'Unknown' }] } } as KubeObject;
}

/** owned builds an object controlled by another. */
export function owned(kind: string, name: string, owner?: { kind: string; name: string }, extra: Record<string, unknown> = {}, ns = 'default'): KubeObject {
  return {
    apiVersion: 'v1',
    kind,
    metadata: { name, namespace: ns, uid: `uid-${name}`, ...(owner ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: owner.kind, name: owner.name, uid: `uid-${owner.name}`, controller: true }] } : {}) },
    ...extra,
  } as KubeObject;
}

/** pod is a pod bound to a node ('' = unscheduled) with a kubectl STATUS. */
export function pod(name: string, nodeName: string, status: string, owner?: { kind: string; name: string }, labels: Record<string, string> = { app: 'web' }): KubeObject & { podStatus: string } {
  const p = owned('Pod', name, owner, {
    spec: nodeName ? { nodeName, containers: [{ name: 'nginx', image: 'nginx' }] } : { containers: [{ name: 'nginx', image: 'nginx' }] },
    status: { phase: status === 'Running' ? 'Running' : 'Pending', conditions: [{ type: 'Ready', status: status === 'Running' ? 'True' : 'False' }] },
  });
  p.metadata.labels = labels;
  return { ...p, podStatus: status };
}
