/**
 * ownerReferences: reading an object's owners (k8s.io/apimachinery/pkg/apis/meta/v1
 * controller_ref.go), shared by the controllers, describe and drain.
 */
import type { OwnerReference } from './types.ts';

/** controllerOf is metav1.GetControllerOf: the ownerReference with controller=true, if any. */
export function controllerOf(obj: { metadata?: { ownerReferences?: OwnerReference[] } }): OwnerReference | undefined {
  return obj.metadata?.ownerReferences?.find((r) => r.controller === true);
}
