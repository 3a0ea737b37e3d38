/**
 * The scheduler's volume binder (pkg/scheduler/framework/plugins/volumebinding/binder.go:
 * BindPodVolumes, checkBindings): the PreBind half of VolumeBinding, the part that writes.
 *
 * For the chosen node it pre-binds matching static volumes to their WaitForFirstConsumer
 * claims (PV spec.claimRef, annotated bound-by-controller) and asks for provisioning by
 * setting volume.kubernetes.io/selected-node on the others. The pod is bound only once
 * every claim is bound (the PV controller and the provisioner finish the job); the
 * scheduler polls `allBound` meanwhile, giving up after BIND_TIMEOUT_MS as upstream's
 * bindTimeout does. Claim, volume and class changes wake pods VolumeBinding rejected.
 */
import { ANN_BIND_COMPLETED, ANN_BOUND_BY_CONTROLLER, ANN_SELECTED_NODE, claimRefFor } from '../api/persistentVolumes.ts';
import type { KubeObject, Node, Pod } from '../api/types.ts';
import { NODES, PERSISTENTVOLUMECLAIMS, PERSISTENTVOLUMES, STORAGECLASSES, type Client } from '../client/client.ts';
import type { InformerFactory } from '../client/informer.ts';
import { thaw } from '../storage/freeze.ts';
import type { Profile } from './filters.ts';
import { nodeResourcesFitFilter } from './plugins/nodeResourcesFit.ts';
import { findPodVolumes, podClaimNames, podVolumeClaims, volumeBinding, type VolumeListers } from './plugins/volumeBinding.ts';
import { volumeRestrictions } from './plugins/volumeRestrictions.ts';
import type { FilterPlugin } from './types.ts';

type Dict = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** BIND_TIMEOUT_MS is the default bindTimeoutSeconds (600). */
export const BIND_TIMEOUT_MS = 600_000;

/**
 * withVolumePlugins inserts VolumeRestrictions and VolumeBinding where the default profile has
 * them: right after NodeResourcesFit.
 */
export function withVolumePlugins(profile: Profile, plugins: FilterPlugin[]): Profile {
  const filters = [...profile.filters];
  const at = filters.indexOf(nodeResourcesFitFilter);
  filters.splice(at < 0 ? filters.length : at + 1, 0, ...plugins);
  return { ...profile, filters };
}

/** VolumeBinder writes the volume decisions of a scheduled pod. */
export class VolumeBinder {
  readonly listers: VolumeListers;
  /** plugins are VolumeRestrictions and VolumeBinding, in profile order. */
  readonly plugins: FilterPlugin[];

  constructor(
    private readonly client: Client,
    private readonly informers: InformerFactory,
    onChange: () => void,
  ) {
    const claims = informers.forResource(PERSISTENTVOLUMECLAIMS);
    const volumes = informers.forResource(PERSISTENTVOLUMES);
    const classes = informers.forResource(STORAGECLASSES);
    this.listers = {
      claim: (ns, name) => claims.get(ns, name),
      volume: (name) => volumes.get('', name),
      volumes: () => volumes.list(),
      storageClass: (name) => classes.get('', name),
    };
    this.plugins = [volumeRestrictions(this.listers), volumeBinding(this.listers)];
    const handler = { add: onChange, update: onChange };
    claims.addHandler(handler);
    volumes.addHandler(handler);
    classes.addHandler(handler);
  }

  /** hasClaims: only pods with PersistentVolumeClaim volumes need PreBind. */
  hasClaims(pod: Pod): boolean {
    return podClaimNames(pod).length > 0;
  }

  /**
   * preBind is BindPodVolumes' API half for the chosen node; it returns whether every claim
   * is already bound (then the pod may be bound at once).
   */
  preBind(pod: Pod, nodeName: string): boolean {
    const claims = podVolumeClaims(pod, this.listers);
    const node = this.informers.forResource(NODES).get('', nodeName) as Node | undefined;
    if ('code' in claims || !node) return false;
    const { choice } = findPodVolumes(claims, node, this.listers);
    for (const { pv, claim } of choice.bindings) {
      const updated = thaw(pv);
      (updated.spec as Dict).claimRef = claimRefFor(claim);
      updated.metadata.annotations = { ...(updated.metadata.annotations ?? {}), [ANN_BOUND_BY_CONTROLLER]: 'yes' };
      this.client.update(PERSISTENTVOLUMES, updated);
    }
    for (const claim of choice.provisions) {
      if (claim.metadata.annotations?.[ANN_SELECTED_NODE] === nodeName) continue;
      const updated = thaw(claim);
      updated.metadata.annotations = { ...(updated.metadata.annotations ?? {}), [ANN_SELECTED_NODE]: nodeName };
      this.client.update(PERSISTENTVOLUMECLAIMS, updated);
    }
    return this.allBound(pod);
  }

  /** allBound is checkBindings: every claim bound by the PV controller to a volume that points back. */
  allBound(pod: Pod): boolean {
    const ns = pod.metadata?.namespace ?? '';
    return podClaimNames(pod).every((name) => {
      const claim = this.listers.claim(ns, name);
      const volumeName = (claim?.spec as Dict | undefined)?.volumeName;
      if (!claim || !volumeName || claim.metadata.annotations?.[ANN_BIND_COMPLETED] === undefined) return false;
      const pv = this.listers.volume(volumeName) as KubeObject | undefined;
      return (pv?.spec as Dict | undefined)?.claimRef?.uid === claim.metadata.uid;
    });
  }
}
