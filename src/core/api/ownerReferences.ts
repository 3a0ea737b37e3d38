/**
 * ownerReferences: reading an object's owners (k8s.io/apimachinery/pkg/apis/meta/v1
 * controller_ref.go), shared by the controllers, describe and drain.
 */
import type { OwnerReference } from './types.ts';

/** controllerOf is metav1.GetControllerOf: the ownerReference with controller=true, if any. */
export function controllerOf(obj: { metadata?: { ownerReferences?: OwnerReference[] } }): OwnerReference | undefined {
  // A plain loop: claiming walks every pod of a workload on every sync.
  const refs = obj.metadata?.ownerReferences;
  if (!refs) return undefined;
  for (let i = 0; i < refs.length; i++) if (refs[i].controller === true) return refs[i];
  return undefined;
}
