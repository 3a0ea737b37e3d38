/**
 * ControllerRef handling shared by the workload controllers: building a controller
 * ownerReference and the adopt/release rules of upstream's ControllerRefManager
 * (pkg/controller/controller_ref_manager.go, ClaimObject).
 *
 * An object has at most one controller. A controller claims the orphans its selector
 * matches (adoption) and lets go of objects it owns that stopped matching (release), so
 * `kubectl label pod x app-` takes a pod out of its ReplicaSet and the ReplicaSet makes
 * a replacement.
 */
import { isStatusError } from '../../api/status.ts';
import { matches, type Selector } from '../../api/labels.ts';
import { controllerOf } from '../../api/ownerReferences.ts';
import type { KubeObject, OwnerReference } from '../../api/types.ts';
import type { Client, ResourceRef } from '../../client/client.ts';
import { thaw } from '../../storage/freeze.ts';

/** newControllerRef is metav1.NewControllerRef: controller and blockOwnerDeletion set. */
export function newControllerRef(owner: KubeObject, apiVersion: string, kind: string): OwnerReference {
  return {
    apiVersion,
    kind,
    name: owner.metadata.name ?? '',
    uid: owner.metadata.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** controllerOf is metav1.GetControllerOf (core/api/ownerReferences.ts), re-exported for the controllers. */
export { controllerOf };

/** ClaimContext says who claims which kind of dependents. */
export interface ClaimContext {
  client: Client;
  /** dependents is the resource of the claimed objects (pods, replicasets). */
  dependents: ResourceRef;
  /** ownerResource is the controller's own resource, for the fresh adoption check. */
  ownerResource: ResourceRef;
  owner: KubeObject;
  ownerApiVersion: string;
  ownerKind: string;
  selector: Selector;
}

/**
 * claimObjects is ClaimPods/ClaimReplicaSets: returns the objects this owner controls
 * after adopting matching orphans and releasing owned objects that no longer match.
 * Errors other than NotFound are rethrown after the pass so the key is retried.
 */
export function claimObjects(ctx: ClaimContext, objects: KubeObject[]): KubeObject[] {
  const claimed: KubeObject[] = [];
  let firstError: unknown;
  for (const obj of objects) {
    try {
      const claimedObj = claimObject(ctx, obj);
      if (claimedObj) claimed.push(claimedObj);
    } catch (err) {
      firstError ??= err;
    }
  }
  if (firstError !== undefined) throw firstError;
  return claimed;
}

/** claimObject is claimObjects for one object: it, when this owner controls it after the claim. */
export function claimObject(ctx: ClaimContext, obj: KubeObject): KubeObject | undefined {
  const owner = ctx.owner;
  const match = matches(ctx.selector, obj.metadata.labels);
  const ref = controllerOf(obj);
  if (ref) {
    if (ref.uid !== owner.metadata.uid) return undefined;
    if (match) return obj;
    if (owner.metadata.deletionTimestamp) return undefined;
    ignoreNotFound(() => release(ctx, obj));
    return undefined;
  }
  // An orphan: adopt it when the selector matches and nobody is being deleted.
  if (owner.metadata.deletionTimestamp || !match) return undefined;
  if (obj.metadata.deletionTimestamp) return undefined;
  if (owner.metadata.namespace && owner.metadata.namespace !== obj.metadata.namespace) return undefined;
  return ignoreNotFound(() => adopt(ctx, obj));
}

/**
 * canAdopt is RecheckDeletionTimestamp: read the owner fresh from the API server, since a
 * cached copy may miss a deletion that just started.
 */
function canAdopt(ctx: ClaimContext): void {
  const fresh = ctx.client.get(ctx.ownerResource, ctx.owner.metadata.namespace ?? '', ctx.owner.metadata.name ?? '');
  if (fresh.metadata.uid !== ctx.owner.metadata.uid) {
    throw new Error(`original ${ctx.owner.metadata.namespace}/${ctx.owner.metadata.name} is gone: got uid ${fresh.metadata.uid}, wanted ${ctx.owner.metadata.uid}`);
  }
  if (fresh.metadata.deletionTimestamp) {
    throw new Error(`${ctx.owner.metadata.namespace}/${ctx.owner.metadata.name} has just been deleted at ${fresh.metadata.deletionTimestamp}`);
  }
}

/** adopt adds our controller reference (upstream sends a strategic merge patch with a uid precondition). */
function adopt(ctx: ClaimContext, obj: KubeObject): KubeObject | undefined {
  canAdopt(ctx);
  const fresh = thaw(ctx.client.get(ctx.dependents, obj.metadata.namespace ?? '', obj.metadata.name ?? ''));
  if (fresh.metadata.uid !== obj.metadata.uid || controllerOf(fresh)) return undefined;
  fresh.metadata.ownerReferences = [
    ...(fresh.metadata.ownerReferences ?? []),
    newControllerRef(ctx.owner, ctx.ownerApiVersion, ctx.ownerKind),
  ];
  return ctx.client.update(ctx.dependents, fresh);
}

/** release removes our ownerReference (upstream: `$patch: delete` by uid). */
function release(ctx: ClaimContext, obj: KubeObject): void {
  const fresh = thaw(ctx.client.get(ctx.dependents, obj.metadata.namespace ?? '', obj.metadata.name ?? ''));
  if (fresh.metadata.uid !== obj.metadata.uid) return;
  const kept = (fresh.metadata.ownerReferences ?? []).filter((r) => r.uid !== ctx.owner.metadata.uid);
  if (kept.length === (fresh.metadata.ownerReferences ?? []).length) return;
  if (kept.length > 0) fresh.metadata.ownerReferences = kept;
  else delete fresh.metadata.ownerReferences;
  ctx.client.update(ctx.dependents, fresh);
}

function ignoreNotFound<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch (err) {
    if (isStatusError(err) && err.code === 404) return undefined;
    throw err;
  }
}
