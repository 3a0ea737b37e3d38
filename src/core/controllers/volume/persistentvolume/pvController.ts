/**
 * The PersistentVolume controller ("persistentvolume-binder" in kube-controller-manager):
 * binds claims to volumes and follows each volume through its phases.
 *
 * Modelled on pkg/controller/volume/persistentvolume/pv_controller.go (syncClaim,
 * syncUnboundClaim, syncBoundClaim, syncVolume, bind, reclaimVolume) at v1.32:
 *
 * - An Immediate claim is bound to the smallest matching Available volume at once; without
 *   one it waits for an external provisioner (event ExternalProvisioning, annotations
 *   volume.kubernetes.io/storage-provisioner) or, with no class, reports FailedBinding.
 * - A WaitForFirstConsumer claim waits (event WaitForFirstConsumer) until the scheduler
 *   picks a node: it pre-binds a volume (claimRef) or sets volume.kubernetes.io/selected-node
 *   so the provisioner creates one there.
 * - A volume without claimRef is Available, bound while its claim exists, Released once the
 *   claim is gone; then Retain keeps it, Delete removes it (external provisioners delete their
 *   own volumes; for the rest only the in-tree hostPath deleter exists, for /tmp paths).
 *
 * Keys are `claim/<namespace>/<name>` and `volume/<name>` (upstream has two queues).
 */
import {
  ANN_BETA_STORAGE_PROVISIONER,
  ANN_BIND_COMPLETED,
  ANN_BOUND_BY_CONTROLLER,
  ANN_DYNAMICALLY_PROVISIONED,
  ANN_SELECTED_NODE,
  ANN_STORAGE_PROVISIONER,
  claimClass,
  claimRefFor,
  findMatchingVolume,
  isVolumeBoundToClaim,
  podClaimNames,
} from '../../../api/persistentVolumes.ts';
import { isStatusError } from '../../../api/status.ts';
import { rfc3339 } from '../../../api/time.ts';
import type { KubeObject } from '../../../api/types.ts';
import type { Pod } from '../../../api/types.ts';
import { PERSISTENTVOLUMECLAIMS, PERSISTENTVOLUMES, PODS, STORAGECLASSES, type Client } from '../../../client/client.ts';
import type { EventRecorder } from '../../../client/events.ts';
import { keyOf, type Informer } from '../../../client/informer.ts';
import { WorkQueue } from '../../../client/workqueue.ts';
import { thaw } from '../../../storage/freeze.ts';
import type { Clock } from '../../../sim/clock.ts';
import type { Cluster } from '../../../sim/cluster.ts';
import type { Result } from '../../../sim/loop.ts';

type Dict = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** RESYNC_MS is kube-controller-manager's --pvclaimbinder-sync-period (15 s). */
export const RESYNC_MS = 15_000;

/** isDelayBinding: the claim's class says WaitForFirstConsumer. */
export function isDelayBinding(claim: KubeObject, classes: Informer): boolean {
  const name = claimClass(claim);
  if (!name) return false;
  return (classes.get('', name) as Dict | undefined)?.volumeBindingMode === 'WaitForFirstConsumer';
}

/** externalProvisioningMessage is the ExternalProvisioning event text. */
export function externalProvisioningMessage(provisioner: string): string {
  return `Waiting for a volume to be created either by the external provisioner '${provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`;
}

/** PersistentVolumeController binds claims and volumes. */
export class PersistentVolumeController {
  readonly name = 'persistentvolume-binder-controller';
  readonly queue: WorkQueue;
  private readonly client: Client;
  private readonly recorder: EventRecorder;
  private readonly clock: Clock;
  private readonly claims: Informer;
  private readonly volumes: Informer;
  private readonly classes: Informer;
  private readonly pods: Informer;

  constructor(cluster: Cluster) {
    this.queue = new WorkQueue('persistentvolume', cluster.clock);
    this.client = cluster.client('kube-controller-manager');
    this.recorder = cluster.recorder('persistentvolume-controller');
    this.clock = cluster.clock;
    this.claims = cluster.informers.forResource(PERSISTENTVOLUMECLAIMS);
    this.volumes = cluster.informers.forResource(PERSISTENTVOLUMES);
    this.classes = cluster.informers.forResource(STORAGECLASSES);
    this.pods = cluster.informers.forResource(PODS);
    const claimKey = (o: KubeObject) => this.queue.add(`claim/${keyOf(o)}`);
    const volumeKey = (o: KubeObject) => this.queue.add(`volume/${o.metadata.name}`);
    this.claims.addHandler({
      add: claimKey,
      update: (_a, b) => claimKey(b),
      // A claim gone releases its volume.
      delete: (o) => {
        const name = (o.spec as Dict | undefined)?.volumeName;
        if (name) this.queue.add(`volume/${name}`);
        for (const pv of this.volumes.list()) if (isVolumeBoundToClaim(pv, o)) volumeKey(pv);
      },
    });
    this.volumes.addHandler({
      add: (o) => {
        volumeKey(o);
        this.enqueueClaimOf(o);
      },
      update: (_a, b) => {
        volumeKey(b);
        this.enqueueClaimOf(b);
      },
      delete: (o) => this.enqueueClaimOf(o),
    });
    // A new class may let waiting claims provision.
    this.classes.addHandler({ add: () => this.claims.list().forEach(claimKey) });
  }

  private enqueueClaimOf(pv: KubeObject): void {
    const ref = (pv.spec as Dict | undefined)?.claimRef;
    if (ref?.name) {
      this.queue.add(`claim/${ref.namespace ?? ''}/${ref.name}`);
      return;
    }
    // A free volume may suit any unbound claim, or be the one a claim names.
    for (const c of this.claims.list()) {
      const volumeName = (c.spec as Dict | undefined)?.volumeName;
      if (!volumeName || volumeName === pv.metadata.name) this.queue.add(`claim/${keyOf(c)}`);
    }
  }

  /** reconcile dispatches on the key's kind. */
  reconcile(key: string): Result | void {
    try {
      if (key.startsWith('claim/')) return this.syncClaim(key.slice('claim/'.length));
      if (key.startsWith('volume/')) return this.syncVolume(key.slice('volume/'.length));
    } catch (err) {
      // Our cache was behind (409) or the object went away (404): the next event retries.
      if (isStatusError(err) && (err.code === 409 || err.code === 404)) return { requeueAfter: 100 };
      throw err;
    }
  }

  private syncClaim(key: string): Result | void {
    const claim = this.claims.getByKey(key);
    if (!claim) return;
    if (claim.metadata.annotations?.[ANN_BIND_COMPLETED] === undefined) return this.syncUnboundClaim(claim);
    this.syncBoundClaim(claim);
  }

  /**
   * syncUnboundClaim: find a volume, provision one, or explain why the claim waits. A waiting
   * claim is synced again every RESYNC_MS, as upstream's periodic resync does, so its event
   * count grows ("x5 over 60s").
   */
  private syncUnboundClaim(claim: KubeObject): Result | void {
    const spec = (claim.spec ?? {}) as Dict;
    if (spec.volumeName) {
      // Pre-bound by the user: bind to exactly that volume once it is there and free.
      const pv = this.volumes.get('', spec.volumeName);
      if (!pv) {
        this.setClaimPhase(claim, 'Pending');
        return;
      }
      const ref = (pv.spec as Dict | undefined)?.claimRef;
      if (!ref || isVolumeBoundToClaim(pv, claim)) this.bind(pv, claim);
      else this.setClaimPhase(claim, 'Pending');
      return;
    }
    const delay = isDelayBinding(claim, this.classes);
    const pv = findMatchingVolume(claim, this.volumes.list(), undefined, delay);
    if (pv) {
      this.bind(pv, claim);
      return;
    }
    const className = claimClass(claim);
    if (delay && !claim.metadata.annotations?.[ANN_SELECTED_NODE]) {
      this.emitEventForUnboundDelayBindingClaim(claim);
    } else if (className === '') {
      this.recorder.normal(claim, 'FailedBinding', 'no persistent volumes available for this claim and no storage class is set');
    } else {
      this.provisionClaim(claim, className);
    }
    this.setClaimPhase(claim, 'Pending');
    return { requeueAfter: RESYNC_MS };
  }

  /**
   * emitEventForUnboundDelayBindingClaim: WaitForFirstConsumer while no pod uses the claim,
   * WaitForPodScheduled naming the pods that use it but are not scheduled yet.
   */
  private emitEventForUnboundDelayBindingClaim(claim: KubeObject): void {
    const name = claim.metadata.name;
    const waiting = this.pods
      .list(claim.metadata.namespace ?? '')
      .filter((p) => !(p as Pod).spec?.nodeName && podClaimNames(p as Pod).includes(name ?? ''))
      .map((p) => p.metadata.name ?? '');
    if (waiting.length === 0) {
      this.recorder.normal(claim, 'WaitForFirstConsumer', 'waiting for first consumer to be created before binding');
      return;
    }
    const message = waiting.length > 1 ? `waiting for pods ${waiting.join(',')} to be scheduled` : `waiting for pod ${waiting[0]} to be scheduled`;
    this.recorder.normal(claim, 'WaitForPodScheduled', message);
  }

  /** provisionClaim is provisionClaimOperationExternal: hand the claim to the class's provisioner. */
  private provisionClaim(claim: KubeObject, className: string): void {
    const sc = this.classes.get('', className) as Dict | undefined;
    if (!sc) {
      this.recorder.warning(claim, 'ProvisioningFailed', `storageclass.storage.k8s.io "${className}" not found`);
      return;
    }
    const provisioner = String(sc.provisioner ?? '');
    // `kubernetes.io/...` names in-tree plugins; none provisions here (kubernetes.io/no-provisioner
    // by design), so findProvisionablePlugin fails. Other names belong to external provisioners.
    if (provisioner.startsWith('kubernetes.io/')) {
      this.recorder.warning(claim, 'ProvisioningFailed', `no volume plugin matched name: ${provisioner}`);
      return;
    }
    const ann = claim.metadata.annotations ?? {};
    if (ann[ANN_STORAGE_PROVISIONER] !== provisioner || ann[ANN_BETA_STORAGE_PROVISIONER] !== provisioner) {
      const updated = thaw(claim);
      updated.metadata.annotations = { ...ann, [ANN_BETA_STORAGE_PROVISIONER]: provisioner, [ANN_STORAGE_PROVISIONER]: provisioner };
      this.client.update(PERSISTENTVOLUMECLAIMS, updated);
    }
    this.recorder.normal(claim, 'ExternalProvisioning', externalProvisioningMessage(provisioner));
  }

  /** syncBoundClaim keeps a bound claim's status right, or marks it Lost. */
  private syncBoundClaim(claim: KubeObject): void {
    const volumeName = (claim.spec as Dict | undefined)?.volumeName as string | undefined;
    const pv = volumeName ? this.volumes.get('', volumeName) : undefined;
    if (!pv) {
      if ((claim.status as Dict | undefined)?.phase !== 'Lost') {
        this.recorder.warning(claim, 'ClaimLost', 'Bound claim has lost reference to PersistentVolume. Data on the volume is lost!');
        this.setClaimPhase(claim, 'Lost');
      }
      return;
    }
    if (!(pv.spec as Dict | undefined)?.claimRef || isVolumeBoundToClaim(pv, claim)) {
      this.bind(pv, claim);
      return;
    }
    this.recorder.warning(claim, 'ClaimMisbound', 'Two claims are bound to the same volume, this one is bound incorrectly');
    this.setClaimPhase(claim, 'Lost');
  }

  /**
   * bind is the controller's bind(): volume.spec.claimRef, volume phase Bound, then
   * claim.spec.volumeName with the bind-completed annotation, then claim phase Bound with the
   * volume's capacity and access modes. Each step writes only when something changes.
   */
  private bind(pv: KubeObject, claim: KubeObject): void {
    let volume = pv;
    const pvSpec = (pv.spec ?? {}) as Dict;
    const ref = pvSpec.claimRef as Dict | undefined;
    if (!ref || ref.uid !== claim.metadata.uid) {
      const updated = thaw(pv);
      (updated.spec as Dict).claimRef = claimRefFor(claim);
      // A claimRef the controller chose (not one the user pre-set) is marked as such.
      if (!ref) updated.metadata.annotations = { ...(updated.metadata.annotations ?? {}), [ANN_BOUND_BY_CONTROLLER]: 'yes' };
      volume = this.client.update(PERSISTENTVOLUMES, updated);
    }
    volume = this.setVolumePhase(volume, 'Bound');
    let bound = claim;
    const spec = (claim.spec ?? {}) as Dict;
    const ann = claim.metadata.annotations ?? {};
    if (spec.volumeName !== pv.metadata.name || ann[ANN_BIND_COMPLETED] !== 'yes') {
      const updated = thaw(claim);
      const next: Record<string, string> = { ...ann, [ANN_BIND_COMPLETED]: 'yes' };
      if (!spec.volumeName) next[ANN_BOUND_BY_CONTROLLER] = 'yes';
      updated.metadata.annotations = next;
      (updated.spec as Dict).volumeName = pv.metadata.name;
      bound = this.client.update(PERSISTENTVOLUMECLAIMS, updated);
    }
    const vs = (volume.spec ?? {}) as Dict;
    const status = (bound.status ?? {}) as Dict;
    const wantModes = vs.accessModes ?? [];
    const wantCapacity = vs.capacity ?? {};
    if (status.phase === 'Bound' && JSON.stringify(status.accessModes) === JSON.stringify(wantModes) && JSON.stringify(status.capacity) === JSON.stringify(wantCapacity)) return;
    const updated = thaw(bound);
    updated.status = { ...(updated.status as Dict), phase: 'Bound', accessModes: wantModes, capacity: wantCapacity };
    this.client.updateStatus(PERSISTENTVOLUMECLAIMS, updated);
  }

  /** syncVolume is syncVolume: Available without a claim, Bound with one, Released after it. */
  private syncVolume(name: string): void {
    const pv = this.volumes.get('', name);
    if (!pv) return;
    const ref = (pv.spec as Dict | undefined)?.claimRef as Dict | undefined;
    if (!ref) {
      this.setVolumePhase(pv, 'Available');
      return;
    }
    if (!ref.uid) {
      // Pre-bound by the user to a claim that may not exist yet.
      this.setVolumePhase(pv, 'Available');
      this.queue.add(`claim/${ref.namespace}/${ref.name}`);
      return;
    }
    const claim = this.claims.get(ref.namespace ?? '', ref.name ?? '');
    if (claim && claim.metadata.uid === ref.uid) {
      const volumeName = (claim.spec as Dict | undefined)?.volumeName;
      if (!volumeName || volumeName === name) {
        this.setVolumePhase(pv, 'Bound');
        if (!volumeName) this.queue.add(`claim/${keyOf(claim)}`);
        return;
      }
      // The claim went to another volume: a binding we made is undone, a user's is kept.
      if (pv.metadata.annotations?.[ANN_BOUND_BY_CONTROLLER] === 'yes') this.unbind(pv);
      return;
    }
    // The claim is gone: the volume is Released and reclaimed.
    const phase = (pv.status as Dict | undefined)?.phase;
    if (phase === 'Failed') return;
    const released = phase === 'Released' ? pv : this.setVolumePhase(pv, 'Released');
    this.reclaimVolume(released);
  }

  private unbind(pv: KubeObject): void {
    const updated = thaw(pv);
    delete (updated.spec as Dict).claimRef;
    if (updated.metadata.annotations) delete updated.metadata.annotations[ANN_BOUND_BY_CONTROLLER];
    this.setVolumePhase(this.client.update(PERSISTENTVOLUMES, updated), 'Available');
  }

  /** reclaimVolume applies persistentVolumeReclaimPolicy to a Released volume. */
  private reclaimVolume(pv: KubeObject): void {
    const spec = (pv.spec ?? {}) as Dict;
    if (spec.persistentVolumeReclaimPolicy !== 'Delete') return;
    // An external provisioner deletes the volumes it made.
    if (pv.metadata.annotations?.[ANN_DYNAMICALLY_PROVISIONED]) return;
    if (pv.metadata.deletionTimestamp) return;
    let message = `error getting deleter volume plugin for volume "${pv.metadata.name}": no deletable volume plugin matched`;
    if (spec.hostPath) {
      if (/\/tmp\/.+/.test(spec.hostPath.path ?? '')) {
        this.client.delete(PERSISTENTVOLUMES, '', pv.metadata.name ?? '');
        return;
      }
      message = `host_path deleter only supports /tmp/.+ but received provided ${spec.hostPath.path}`;
    }
    this.recorder.warning(pv, 'VolumeFailedDelete', message);
    this.setVolumePhase(pv, 'Failed', message);
  }

  private setClaimPhase(claim: KubeObject, phase: string): KubeObject {
    if ((claim.status as Dict | undefined)?.phase === phase) return claim;
    const updated = thaw(claim);
    updated.status = { ...(updated.status as Dict), phase };
    return this.client.updateStatus(PERSISTENTVOLUMECLAIMS, updated);
  }

  /** setVolumePhase is updateVolumePhase, stamping lastPhaseTransitionTime on a change. */
  private setVolumePhase(pv: KubeObject, phase: string, message?: string): KubeObject {
    const status = (pv.status ?? {}) as Dict;
    if (status.phase === phase && status.message === message) return pv;
    const updated = thaw(pv);
    const next: Dict = { ...status, phase };
    if (status.phase !== phase) next.lastPhaseTransitionTime = rfc3339(this.clock.now());
    if (message) next.message = message;
    else delete next.message;
    updated.status = next;
    return this.client.updateStatus(PERSISTENTVOLUMES, updated);
  }
}

/** installPersistentVolumeController registers the controller. */
export function installPersistentVolumeController(cluster: Cluster): PersistentVolumeController {
  const c = new PersistentVolumeController(cluster);
  cluster.addReconciler(c);
  return c;
}
