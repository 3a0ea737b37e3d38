/**
 * StatefulPodControl (pkg/controller/statefulset/stateful_pod_control.go): the writes of
 * the StatefulSet controller, each recorded as an event on the set in upstream's words:
 * `create Claim www-web-0 Pod web-0 in StatefulSet web success`,
 * `create Pod web-0 in StatefulSet web successful`,
 * `delete Pod web-2 in StatefulSet web successful`,
 * `update Pod web-0 in StatefulSet web successful`, or `... failed error: <reason>`.
 */
import { deepEqual } from '../../api/equality.ts';
import { isStatusError } from '../../api/status.ts';
import type { KubeObject, OwnerReference } from '../../api/types.ts';
import { PODS, type Client, type ResourceRef } from '../../client/client.ts';
import type { EventRecorder } from '../../client/events.ts';
import { parentAndOrdinal, persistentVolumeClaims, type STS } from './statefulSetPod.ts';
import type { StatefulPodControl } from './updateStatefulSet.ts';

/** PERSISTENT_VOLUME_CLAIMS is the core/v1 persistentvolumeclaims resource. */
export const PERSISTENT_VOLUME_CLAIMS: ResourceRef = { group: '', resource: 'persistentvolumeclaims' };

/** StatefulPodControlImpl creates claims and pods and deletes pods through the client. */
export class StatefulPodControlImpl implements StatefulPodControl {
  constructor(
    private readonly client: Client,
    private readonly recorder: EventRecorder,
  ) {}

  /** createPod is CreateStatefulPod: the missing claims first, then the pod (AlreadyExists counts as done). */
  createPod(set: STS, pod: KubeObject): void {
    this.createMissingClaims(set, pod);
    try {
      this.client.create(PODS, set.metadata.namespace ?? '', pod);
    } catch (err) {
      if (isStatusError(err) && err.reason === 'AlreadyExists') return;
      this.recorder.warning(set, 'FailedCreate', `create Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} failed error: ${(err as Error).message}`);
      throw err;
    }
    this.recorder.normal(set, 'SuccessfulCreate', `create Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} successful`);
  }

  /** updatePod is UpdateStatefulPod's write: `update Pod web-0 in StatefulSet web successful`. */
  updatePod(set: STS, pod: KubeObject): void {
    try {
      this.client.update(PODS, pod);
    } catch (err) {
      this.recorder.warning(set, 'FailedUpdate', `update Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} failed error: ${(err as Error).message}`);
      throw err;
    }
    this.recorder.normal(set, 'SuccessfulUpdate', `update Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} successful`);
  }

  /** deletePod is DeleteStatefulPod. */
  deletePod(set: STS, pod: KubeObject): void {
    try {
      this.client.delete(PODS, pod.metadata.namespace ?? '', pod.metadata.name ?? '');
    } catch (err) {
      if (isStatusError(err) && err.code === 404) return;
      this.recorder.warning(set, 'FailedDelete', `delete Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} failed error: ${(err as Error).message}`);
      throw err;
    }
    this.recorder.normal(set, 'SuccessfulDelete', `delete Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} successful`);
  }

  /**
   * syncClaimRetention is UpdatePodClaimForRetentionPolicy: give the pod's existing claims
   * the owners persistentVolumeClaimRetentionPolicy asks for, so the garbage collector
   * deletes them with the StatefulSet (whenDeleted: Delete) or with their scaled-down pod
   * (whenScaled: Delete).
   */
  syncClaimRetention(set: STS, pod: KubeObject, inRange: boolean): void {
    if ((set.spec?.volumeClaimTemplates ?? []).length === 0 || !this.claimsServed()) return;
    const [, ordinal] = parentAndOrdinal(pod);
    for (const want of persistentVolumeClaims(set, ordinal)) {
      const claim = this.client.tryGet(PERSISTENT_VOLUME_CLAIMS, set.metadata.namespace ?? '', want.metadata.name ?? '');
      if (!claim) continue;
      const refs = retentionOwnerRefs(set, pod, inRange, claim.metadata.ownerReferences ?? []);
      if (deepEqual(refs, claim.metadata.ownerReferences ?? [])) continue;
      this.client.patch(PERSISTENT_VOLUME_CLAIMS, claim.metadata.namespace ?? '', claim.metadata.name ?? '', 'merge', {
        metadata: { ownerReferences: refs.length > 0 ? refs : null, resourceVersion: claim.metadata.resourceVersion },
      });
    }
  }

  /** claimsServed: PersistentVolumeClaims are optional in the playground; without them pods still run (their volumes are node-local). */
  private claimsServed(): boolean {
    return this.client.discovery().some((d) => d.group === '' && d.resource === 'persistentvolumeclaims');
  }

  /** createMissingClaims is createPersistentVolumeClaims: one claim per volumeClaimTemplate, unless it exists. */
  private createMissingClaims(set: STS, pod: KubeObject): void {
    const templates = set.spec?.volumeClaimTemplates ?? [];
    if (templates.length === 0 || !this.claimsServed()) return;
    const [, ordinal] = parentAndOrdinal(pod);
    for (const claim of persistentVolumeClaims(set, ordinal)) {
      const ns = set.metadata.namespace ?? '';
      if (this.client.tryGet(PERSISTENT_VOLUME_CLAIMS, ns, claim.metadata.name ?? '')) continue;
      // A new claim's pod does not exist yet, so only the StatefulSet can own it here.
      const refs = retentionOwnerRefs(set, undefined, true, []);
      if (refs.length > 0) claim.metadata.ownerReferences = refs;
      try {
        this.client.create(PERSISTENT_VOLUME_CLAIMS, ns, claim);
      } catch (err) {
        if (isStatusError(err) && err.reason === 'AlreadyExists') continue;
        this.recorder.warning(
          set,
          'FailedCreate',
          `create Claim ${claim.metadata.name} for Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} failed error: ${(err as Error).message}`,
        );
        throw err;
      }
      this.recorder.normal(set, 'SuccessfulCreate', `create Claim ${claim.metadata.name} Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} success`);
    }
  }
}

/** ownerRef is setOwnerRef's reference: a plain (non-controller) owner. */
function ownerRef(owner: KubeObject, apiVersion: string, kind: string): OwnerReference {
  return { apiVersion, kind, name: owner.metadata.name ?? '', uid: owner.metadata.uid ?? '' };
}

/**
 * retentionOwnerRefs is updateClaimOwnerRefForSetAndPod: the claim's owner references with
 * the set's and the pod's set or removed as the retention policy says (Retain/Retain: neither;
 * whenDeleted Delete: the set while the pod is in range; whenScaled Delete: the pod once it is
 * scaled down). Other owners are kept.
 */
export function retentionOwnerRefs(set: STS, pod: KubeObject | undefined, inRange: boolean, current: readonly OwnerReference[]): OwnerReference[] {
  const policy = set.spec?.persistentVolumeClaimRetentionPolicy;
  const deleteWithSet = policy?.whenDeleted === 'Delete';
  const deleteWhenScaled = policy?.whenScaled === 'Delete';
  const wantSet = deleteWithSet && (inRange || !deleteWhenScaled);
  const wantPod = !!pod && deleteWhenScaled && !inRange;
  const others = current.filter((r) => r.uid !== set.metadata.uid && r.uid !== pod?.metadata.uid);
  const refs = [...others];
  const had = (uid: string | undefined) => current.find((r) => r.uid === uid);
  if (wantSet) refs.push(had(set.metadata.uid) ?? ownerRef(set, 'apps/v1', 'StatefulSet'));
  if (wantPod && pod) refs.push(had(pod.metadata.uid) ?? ownerRef(pod, 'v1', 'Pod'));
  return refs;
}
