/**
 * StatefulPodControl (pkg/controller/statefulset/stateful_pod_control.go): the writes of
 * the StatefulSet controller, each recorded as an event on the set in upstream's words:
 * `create Claim www-web-0 Pod web-0 in StatefulSet web success`,
 * `create Pod web-0 in StatefulSet web successful`,
 * `delete Pod web-2 in StatefulSet web successful`, or `... failed error: <reason>`.
 */
import { isStatusError } from '../../api/status.ts';
import type { KubeObject } from '../../api/types.ts';
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
