/**
 * Binding rules shared by the PV controller and the scheduler's VolumeBinding plugin
 * (pkg/controller/volume/persistentvolume/util/util.go: FindMatchingVolume,
 * IsVolumeBoundToClaim, CheckNodeAffinity; storage/util GetPersistentVolumeClaimClass) and
 * the annotations both write. Pure functions over API objects.
 */
import type { Node } from 'kubernetes-types/core/v1';
import { matches, selectorFromLabelSelector } from './labels.ts';
import { nodeSelectorTermsMatch } from './nodeAffinity.ts';
import { Quantity } from './quantity.ts';
import type { KubeObject } from './types.ts';

type Dict = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** ANN_BIND_COMPLETED marks a claim whose binding the PV controller finished. */
export const ANN_BIND_COMPLETED = 'pv.kubernetes.io/bind-completed';
/** ANN_BOUND_BY_CONTROLLER marks a binding the controller (not the user) made. */
export const ANN_BOUND_BY_CONTROLLER = 'pv.kubernetes.io/bound-by-controller';
/** ANN_SELECTED_NODE is set on a WaitForFirstConsumer claim by the scheduler: provision there. */
export const ANN_SELECTED_NODE = 'volume.kubernetes.io/selected-node';
/** ANN_STORAGE_PROVISIONER (and its beta spelling) name the provisioner asked to provision a claim. */
export const ANN_STORAGE_PROVISIONER = 'volume.kubernetes.io/storage-provisioner';
export const ANN_BETA_STORAGE_PROVISIONER = 'volume.beta.kubernetes.io/storage-provisioner';
/** ANN_DYNAMICALLY_PROVISIONED names the provisioner that created a PV. */
export const ANN_DYNAMICALLY_PROVISIONED = 'pv.kubernetes.io/provisioned-by';
/** PVC_PROTECTION_FINALIZER and PV_PROTECTION_FINALIZER keep claims and volumes while in use. */
export const PVC_PROTECTION_FINALIZER = 'kubernetes.io/pvc-protection';
export const PV_PROTECTION_FINALIZER = 'kubernetes.io/pv-protection';
/** NOT_SUPPORTED_PROVISIONER is the provisioner of classes for manually created (local) volumes. */
export const NOT_SUPPORTED_PROVISIONER = 'kubernetes.io/no-provisioner';

const BETA_STORAGE_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';

/**
 * PodClaim is one claim a pod's volumes use: a persistentVolumeClaim volume names it; a
 * generic ephemeral volume's claim is `<pod>-<volume>` (ephemeral.VolumeClaimName), created
 * for the pod by the ephemeral volume controller.
 */
export interface PodClaim {
  volume: string;
  claimName: string;
  ephemeral: boolean;
}

/** podClaims lists the claims a pod's volumes use, in volume order. */
export function podClaims(pod: { metadata?: { name?: string }; spec?: { volumes?: readonly { name: string; persistentVolumeClaim?: { claimName: string }; ephemeral?: unknown }[] } }): PodClaim[] {
  const out: PodClaim[] = [];
  for (const v of pod.spec?.volumes ?? []) {
    if (v.persistentVolumeClaim?.claimName) out.push({ volume: v.name, claimName: v.persistentVolumeClaim.claimName, ephemeral: false });
    else if (v.ephemeral) out.push({ volume: v.name, claimName: `${pod.metadata?.name ?? ''}-${v.name}`, ephemeral: true });
  }
  return out;
}

/** podClaimNames lists the names of the claims a pod uses. */
export function podClaimNames(pod: Parameters<typeof podClaims>[0]): string[] {
  return podClaims(pod).map((c) => c.claimName);
}

/** claimClass is GetPersistentVolumeClaimClass: the beta annotation, else spec.storageClassName, else "". */
export function claimClass(claim: KubeObject): string {
  const ann = claim.metadata.annotations?.[BETA_STORAGE_CLASS_ANNOTATION];
  if (ann !== undefined) return ann;
  return ((claim.spec as Dict | undefined)?.storageClassName as string | undefined) ?? '';
}

/** volumeClass is GetPersistentVolumeClass. */
export function volumeClass(pv: KubeObject): string {
  const ann = pv.metadata.annotations?.[BETA_STORAGE_CLASS_ANNOTATION];
  if (ann !== undefined) return ann;
  return ((pv.spec as Dict | undefined)?.storageClassName as string | undefined) ?? '';
}

/** isVolumeBoundToClaim: claimRef names the claim (and its uid, when the ref has one). */
export function isVolumeBoundToClaim(pv: KubeObject, claim: KubeObject): boolean {
  const ref = (pv.spec as Dict | undefined)?.claimRef as Dict | undefined;
  if (!ref) return false;
  if (ref.name !== claim.metadata.name || ref.namespace !== claim.metadata.namespace) return false;
  return !ref.uid || ref.uid === claim.metadata.uid;
}

/** claimRefFor is the ObjectReference a PV's spec.claimRef holds for a claim (GetBindVolumeToClaim). */
export function claimRefFor(claim: KubeObject): Record<string, unknown> {
  return {
    kind: 'PersistentVolumeClaim',
    namespace: claim.metadata.namespace,
    name: claim.metadata.name,
    uid: claim.metadata.uid,
    apiVersion: 'v1',
    resourceVersion: claim.metadata.resourceVersion,
  };
}

/** checkVolumeNodeAffinity is CheckNodeAffinity: a volume without required terms fits every node. */
export function checkVolumeNodeAffinity(pv: KubeObject, node: Node): boolean {
  const terms = (pv.spec as Dict | undefined)?.nodeAffinity?.required?.nodeSelectorTerms;
  if (!terms) return true;
  return nodeSelectorTermsMatch(terms, node);
}

/** storageRequest is the claim's requested size (0 when unparsable). */
export function storageRequest(claim: KubeObject): Quantity {
  return quantity((claim.spec as Dict | undefined)?.resources?.requests?.storage);
}

function quantity(q: unknown): Quantity {
  try {
    return Quantity.parse((q ?? '0') as string);
  } catch {
    return Quantity.parse('0');
  }
}

/** accessModesSatisfied: the volume offers every mode the claim asks for. */
export function accessModesSatisfied(claim: KubeObject, pv: KubeObject): boolean {
  const offered = new Set(((pv.spec as Dict | undefined)?.accessModes ?? []) as string[]);
  return (((claim.spec as Dict | undefined)?.accessModes ?? []) as string[]).every((m) => offered.has(m));
}

/**
 * findMatchingVolume is FindMatchingVolume: a volume pre-bound to the claim wins (if its node
 * affinity allows `node`); otherwise the smallest Available volume big enough, of the claim's
 * class, volume mode and access modes, matching its selector and `node`. Without a node, a
 * WaitForFirstConsumer claim (delayBinding) only takes pre-bound volumes: the scheduler picks.
 */
export function findMatchingVolume(
  claim: KubeObject,
  volumes: readonly KubeObject[],
  node: Node | undefined,
  delayBinding: boolean,
  excluded: ReadonlySet<string> = new Set(),
): KubeObject | undefined {
  const spec = (claim.spec ?? {}) as Dict;
  const requested = storageRequest(claim);
  const requestedClass = claimClass(claim);
  const selector = spec.selector ? selectorFromLabelSelector(spec.selector) : undefined;
  const claimMode = spec.volumeMode ?? 'Filesystem';
  let smallest: KubeObject | undefined;
  let smallestQty: Quantity | undefined;
  for (const pv of volumes) {
    const pvSpec = (pv.spec ?? {}) as Dict;
    if (excluded.has(pv.metadata.name ?? '')) continue;
    if (pvSpec.claimRef && !isVolumeBoundToClaim(pv, claim)) continue;
    const qty = quantity(pvSpec.capacity?.storage);
    if (qty.cmp(requested) < 0) continue;
    if ((pvSpec.volumeMode ?? 'Filesystem') !== claimMode) continue;
    if (pv.metadata.deletionTimestamp) continue;
    const affinityOK = !node || checkVolumeNodeAffinity(pv, node);
    if (isVolumeBoundToClaim(pv, claim)) return affinityOK ? pv : undefined;
    if (!node && delayBinding) continue;
    if ((pv.status as Dict | undefined)?.phase !== 'Available') continue;
    if (selector && !matches(selector, pv.metadata.labels)) continue;
    if (volumeClass(pv) !== requestedClass) continue;
    if (!affinityOK || !accessModesSatisfied(claim, pv)) continue;
    if (!smallestQty || smallestQty.cmp(qty) > 0) {
      smallest = pv;
      smallestQty = qty;
    }
  }
  return smallest;
}
