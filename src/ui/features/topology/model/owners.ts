/**
 * Owner helpers: the controller ownerReference of an object, and the chain of controllers
 * above it (Pod → ReplicaSet → Deployment), as the garbage collector and
 * `kubectl describe` ("Controlled By") read them.
 */
import type { KubeObject, OwnerReference } from '../../../../core/api/types.ts';

/** controllerRef returns the ownerReference with controller: true, if any (metav1.GetControllerOf). */
export function controllerRef(obj: KubeObject): OwnerReference | undefined {
  return obj.metadata.ownerReferences?.find((r) => r.controller === true);
}

/** OwnerLookup finds an object by namespace, kind and name (owners live in their child's namespace). */
export type OwnerLookup = (namespace: string, kind: string, name: string) => KubeObject | undefined;

/**
 * ownerChain walks controller references upward and returns the owners, nearest first. An
 * owner that no longer exists ends the chain with a reference the caller can still show.
 */
export function ownerChain(obj: KubeObject, lookup: OwnerLookup): Array<{ kind: string; name: string; object?: KubeObject }> {
  const out: Array<{ kind: string; name: string; object?: KubeObject }> = [];
  const seen = new Set<string>();
  let cur: KubeObject | undefined = obj;
  while (cur) {
    const ref = controllerRef(cur);
    if (!ref || seen.has(ref.uid)) break;
    seen.add(ref.uid);
    const owner = lookup(cur.metadata.namespace ?? '', ref.kind, ref.name);
    out.push({ kind: ref.kind, name: ref.name, ...(owner ? { object: owner } : {}) });
    cur = owner;
  }
  return out;
}
