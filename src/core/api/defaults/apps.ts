/**
 * apps/v1 defaulting, modelled on SetDefaults_Deployment and SetDefaults_ReplicaSet in
 * pkg/apis/apps/v1/defaults.go (v1.32), plus the pod template defaults upstream applies
 * recursively to the embedded PodTemplateSpec.
 */
import type { DaemonSet, Deployment, ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1';
import type { PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import { defaultPodTemplateSpec } from './podSpec.ts';

/** defaultDeployment: replicas 1, RollingUpdate 25%/25%, revisionHistoryLimit 10, progressDeadlineSeconds 600. */
export function defaultDeployment(d: Deployment): void {
  const spec = (d.spec ??= { selector: {}, template: {} });
  spec.replicas ??= 1;
  const strategy = (spec.strategy ??= {});
  strategy.type ||= 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const rollingUpdate = (strategy.rollingUpdate ??= {});
    rollingUpdate.maxUnavailable ??= '25%';
    rollingUpdate.maxSurge ??= '25%';
  }
  spec.revisionHistoryLimit ??= 10;
  spec.progressDeadlineSeconds ??= 600;
  defaultPodTemplateSpec(spec.template);
}

/** defaultReplicaSet: replicas 1 and the pod template defaults. */
export function defaultReplicaSet(rs: ReplicaSet): void {
  const spec = (rs.spec ??= { selector: {} });
  spec.replicas ??= 1;
  defaultPodTemplateSpec(spec.template);
}

/** defaultDaemonSet: RollingUpdate with maxUnavailable 1 and maxSurge 0, revisionHistoryLimit 10 (SetDefaults_DaemonSet). */
export function defaultDaemonSet(ds: DaemonSet): void {
  const spec = (ds.spec ??= { selector: {}, template: {} });
  const strategy = (spec.updateStrategy ??= {});
  strategy.type ||= 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const rollingUpdate = (strategy.rollingUpdate ??= {});
    rollingUpdate.maxUnavailable ??= 1;
    rollingUpdate.maxSurge ??= 0;
  }
  spec.revisionHistoryLimit ??= 10;
  defaultPodTemplateSpec(spec.template);
}

/**
 * defaultStatefulSet is SetDefaults_StatefulSet (v1.32): OrderedReady, RollingUpdate with
 * partition 0 (maxUnavailable stays unset: MaxUnavailableStatefulSet is alpha),
 * PVC retention Retain/Retain, replicas 1, revisionHistoryLimit 10, plus the recursive
 * defaults of the pod template and of each volumeClaimTemplate.
 */
export function defaultStatefulSet(ss: StatefulSet): void {
  const spec = (ss.spec ??= { selector: {}, template: {}, serviceName: '' });
  spec.podManagementPolicy ||= 'OrderedReady';
  const strategy = (spec.updateStrategy ??= {});
  if (!strategy.type) {
    strategy.type = 'RollingUpdate';
    strategy.rollingUpdate ??= {};
  }
  if (strategy.type === 'RollingUpdate' && strategy.rollingUpdate) strategy.rollingUpdate.partition ??= 0;
  const retention = (spec.persistentVolumeClaimRetentionPolicy ??= {});
  retention.whenDeleted ||= 'Retain';
  retention.whenScaled ||= 'Retain';
  spec.replicas ??= 1;
  spec.revisionHistoryLimit ??= 10;
  defaultPodTemplateSpec(spec.template);
  for (const claim of spec.volumeClaimTemplates ?? []) defaultClaimTemplate(claim);
}

/**
 * defaultClaimTemplate: an embedded PersistentVolumeClaim is a full object in apps/v1, so
 * it is stored with its apiVersion/kind and SetDefaults_PersistentVolumeClaim's
 * `volumeMode: Filesystem` and `status.phase: Pending` (what `get sts -o yaml` shows).
 */
function defaultClaimTemplate(claim: PersistentVolumeClaim): void {
  claim.apiVersion ||= 'v1';
  claim.kind ||= 'PersistentVolumeClaim';
  const spec = (claim.spec ??= {});
  spec.volumeMode ||= 'Filesystem';
  // NOTE: kubernetes-types marks PVC status read-only; the defaulter owns this copy.
  const mutable = claim as { status?: { phase?: string } };
  const status = (mutable.status ??= {});
  status.phase ||= 'Pending';
}
