/**
 * The local-path provisioner (rancher/local-path-provisioner v0.0.30 on
 * sigs.k8s.io/sig-storage-lib-external-provisioner), simulated in the control plane.
 *
 * It acts only while its pod in local-path-storage is Running, as the real external
 * provisioner would. For a claim the PV controller handed to `rancher.io/local-path` (the
 * volume.kubernetes.io/storage-provisioner annotation) and placed by the scheduler
 * (volume.kubernetes.io/selected-node), it creates `pvc-<claim uid>`: a hostPath volume at
 * /opt/local-path-provisioner/pvc-<uid>_<namespace>_<name> (DirectoryOrCreate) pinned to that
 * node, pre-bound to the claim; the PV controller completes the binding. Events come from the
 * identity `rancher.io/local-path_<pod name>_<uuid>`. Released volumes with reclaim policy
 * Delete are deleted, and their directory removed from the node (the helper pod's `rm -rf`).
 */
import {
  ANN_DYNAMICALLY_PROVISIONED,
  ANN_SELECTED_NODE,
  ANN_STORAGE_PROVISIONER,
  claimClass,
  claimRefFor,
  storageRequest,
} from '../../../api/persistentVolumes.ts';
import { isStatusError } from '../../../api/status.ts';
import type { KubeObject } from '../../../api/types.ts';
import { PERSISTENTVOLUMECLAIMS, PERSISTENTVOLUMES, PODS, STORAGECLASSES, type Client } from '../../../client/client.ts';
import type { EventRecorder } from '../../../client/events.ts';
import { keyOf, type Informer } from '../../../client/informer.ts';
import { WorkQueue } from '../../../client/workqueue.ts';
import type { Cluster } from '../../../sim/cluster.ts';
import type { Result } from '../../../sim/loop.ts';

type Dict = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** LOCAL_PATH_PROVISIONER is the provisioner name StorageClasses use. */
export const LOCAL_PATH_PROVISIONER = 'rancher.io/local-path';
/** LOCAL_PATH_NAMESPACE is where the provisioner runs. */
export const LOCAL_PATH_NAMESPACE = 'local-path-storage';
/** LOCAL_PATH_ROOT is the default nodePathMap path. */
export const LOCAL_PATH_ROOT = '/opt/local-path-provisioner';
const ANN_LOCAL_PATH_SELECTED_NODE = 'local.path.provisioner/selected-node';
/** RETRY_MS: how soon a claim is looked at again while the provisioner pod is not running. */
const RETRY_MS = 5_000;
/**
 * PROVISION_MS is how long creating the directory takes: upstream runs a helper pod
 * (busybox `mkdir -m 0777 -p`) on the node and waits for it to succeed, a couple of seconds.
 */
export const PROVISION_MS = 2_000;

/**
 * unsupportedClaim says why local-path cannot provision a claim: the provisioner library
 * refuses selectors, and node paths (without sharedFileSystemPath) only serve one node.
 */
export function unsupportedClaim(spec: { selector?: unknown; accessModes?: string[] }): string | undefined {
  if (spec.selector) return 'claim Selector is not supported';
  if ((spec.accessModes ?? []).some((m) => m !== 'ReadWriteOnce' && m !== 'ReadWriteOncePod')) {
    return 'NodePath only supports ReadWriteOnce and ReadWriteOncePod (1.22+) access modes';
  }
  return undefined;
}

/** localPathFor is the directory of a claim's volume on its node. */
export function localPathFor(claim: KubeObject): string {
  return `${LOCAL_PATH_ROOT}/pvc-${claim.metadata.uid}_${claim.metadata.namespace}_${claim.metadata.name}`;
}

/** LocalPathProvisioner provisions and deletes `rancher.io/local-path` volumes. */
export class LocalPathProvisioner {
  readonly name = 'local-path-provisioner';
  readonly queue: WorkQueue;
  private readonly client: Client;
  private readonly claims: Informer;
  private readonly volumes: Informer;
  private readonly classes: Informer;
  private readonly pods: Informer;
  private recorder?: { pod: string; recorder: EventRecorder };
  /** started remembers when provisioning of a claim began (its helper pod runs meanwhile); saved with snapshots. */
  private readonly started = new Map<string, number>();

  constructor(private readonly cluster: Cluster) {
    this.queue = new WorkQueue('local-path-provisioner', cluster.clock);
    this.client = cluster.client('local-path-provisioner');
    this.claims = cluster.informers.forResource(PERSISTENTVOLUMECLAIMS);
    this.volumes = cluster.informers.forResource(PERSISTENTVOLUMES);
    this.classes = cluster.informers.forResource(STORAGECLASSES);
    this.pods = cluster.informers.forResource(PODS);
    const claimKey = (o: KubeObject) => this.queue.add(`claim/${keyOf(o)}`);
    this.claims.addHandler({ add: claimKey, update: (_a, b) => claimKey(b) });
    const volumeKey = (o: KubeObject) => this.queue.add(`volume/${o.metadata.name}`);
    this.volumes.addHandler({ add: volumeKey, update: (_a, b) => volumeKey(b) });
  }

  /** runningPod is the provisioner's Running pod, if any: without one nothing is provisioned. */
  private runningPod(): KubeObject | undefined {
    return this.pods
      .list(LOCAL_PATH_NAMESPACE)
      .find((p) => p.metadata.labels?.app === 'local-path-provisioner' && (p.status as Dict | undefined)?.phase === 'Running' && !p.metadata.deletionTimestamp);
  }

  /**
   * eventsFor is the recorder of the identity `rancher.io/local-path_<pod>_<uuid>`. The process's
   * uuid is derived from the pod's UID (reversed) rather than drawn from the cluster's random
   * sequence, so running the provisioner changes no other generated name.
   */
  private eventsFor(pod: KubeObject): EventRecorder {
    const name = pod.metadata.name ?? '';
    if (this.recorder?.pod !== name) {
      const uid = pod.metadata.uid ?? '';
      const hex = uid.replace(/-/g, '').split('').reverse().join('');
      const uuid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
      this.recorder = { pod: name, recorder: this.cluster.recorder(`${LOCAL_PATH_PROVISIONER}_${name}_${uuid}`) };
    }
    return this.recorder.recorder;
  }

  /** save and load make in-flight provisioning part of cluster snapshots. */
  save(): unknown {
    return [...this.started];
  }

  load(data: unknown): void {
    this.started.clear();
    for (const [key, at] of (data as [string, number][] | undefined) ?? []) this.started.set(key, at);
  }

  /** reconcile handles `claim/<ns>/<name>` (provision) and `volume/<name>` (delete). */
  reconcile(key: string): Result | void {
    try {
      if (key.startsWith('claim/')) return this.provision(key.slice('claim/'.length));
      if (key.startsWith('volume/')) return this.deleteReleased(key.slice('volume/'.length));
    } catch (err) {
      if (isStatusError(err) && (err.code === 409 || err.code === 404)) return { requeueAfter: 100 };
      throw err;
    }
  }

  private provision(key: string): Result | void {
    const claim = this.claims.getByKey(key);
    if (!claim || claim.metadata.deletionTimestamp) return;
    if (claim.metadata.annotations?.[ANN_STORAGE_PROVISIONER] !== LOCAL_PATH_PROVISIONER) return;
    if ((claim.spec as Dict | undefined)?.volumeName) return;
    const className = claimClass(claim);
    const sc = this.classes.get('', className) as Dict | undefined;
    if (sc?.provisioner !== LOCAL_PATH_PROVISIONER) return;
    const name = `pvc-${claim.metadata.uid}`;
    if (this.volumes.get('', name)) return;
    const pod = this.runningPod();
    if (!pod) return { requeueAfter: RETRY_MS };
    const events = this.eventsFor(pod);
    const node = claim.metadata.annotations?.[ANN_SELECTED_NODE];
    const now = this.cluster.clock.now();
    const since = this.started.get(key);
    if (since === undefined || !node) {
      events.normal(claim, 'Provisioning', `External provisioner is provisioning volume for claim "${key}"`);
      if (!node) {
        events.warning(claim, 'ProvisioningFailed', `failed to provision volume with StorageClass "${className}": configuration error, no node was specified`);
        return { requeueAfter: RETRY_MS };
      }
      this.started.set(key, now);
      return { requeueAfter: PROVISION_MS };
    }
    if (now < since + PROVISION_MS) return { requeueAfter: since + PROVISION_MS - now };
    this.started.delete(key);
    const spec = (claim.spec ?? {}) as Dict;
    const refusal = unsupportedClaim(spec);
    if (refusal) {
      // The library retries a failed provisioning with back-off; the event count grows.
      events.warning(claim, 'ProvisioningFailed', `failed to provision volume with StorageClass "${className}": ${refusal}`);
      return { requeueAfter: RETRY_MS };
    }
    this.client.create(PERSISTENTVOLUMES, '', {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name, annotations: { [ANN_LOCAL_PATH_SELECTED_NODE]: node, [ANN_DYNAMICALLY_PROVISIONED]: LOCAL_PATH_PROVISIONER } },
      spec: {
        accessModes: spec.accessModes,
        capacity: { storage: storageRequest(claim).toString() },
        claimRef: claimRefFor(claim),
        hostPath: { path: localPathFor(claim), type: 'DirectoryOrCreate' },
        nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [node] }] }] } },
        persistentVolumeReclaimPolicy: sc.reclaimPolicy ?? 'Delete',
        storageClassName: className,
        volumeMode: spec.volumeMode ?? 'Filesystem',
      },
    } as KubeObject);
    events.normal(claim, 'ProvisioningSucceeded', `Successfully provisioned volume ${name}`);
  }

  /** deleteReleased deletes a Released volume we provisioned whose policy is Delete. */
  private deleteReleased(name: string): Result | void {
    const pv = this.volumes.get('', name);
    if (!pv || pv.metadata.deletionTimestamp) return;
    if (pv.metadata.annotations?.[ANN_DYNAMICALLY_PROVISIONED] !== LOCAL_PATH_PROVISIONER) return;
    const spec = (pv.spec ?? {}) as Dict;
    if ((pv.status as Dict | undefined)?.phase !== 'Released' || spec.persistentVolumeReclaimPolicy !== 'Delete') return;
    if (!this.runningPod()) return { requeueAfter: RETRY_MS };
    const node = pv.metadata.annotations?.[ANN_LOCAL_PATH_SELECTED_NODE] ?? '';
    const kubelet = this.cluster.services.get(`kubelet/${node}`) as { nodeFS?: { rm(path: string, opts?: { recursive?: boolean; force?: boolean }): void } } | undefined;
    if (spec.hostPath?.path) kubelet?.nodeFS?.rm(spec.hostPath.path, { recursive: true, force: true });
    this.client.delete(PERSISTENTVOLUMES, '', name);
  }
}

/** installLocalPathProvisioner registers the provisioner. */
export function installLocalPathProvisioner(cluster: Cluster): LocalPathProvisioner {
  const p = new LocalPathProvisioner(cluster);
  cluster.addReconciler(p);
  cluster.registerState('local-path-provisioner', p);
  return p;
}
