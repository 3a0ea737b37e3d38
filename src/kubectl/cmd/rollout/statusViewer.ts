/**
 * The rollout status viewers (kubectl/pkg/polymorphichelpers/rollout_status.go): one
 * pure function per kind that turns an object into kubectl's progress line and whether
 * the rollout is done. Errors (a passed progress deadline) are thrown.
 */
import type { DaemonSet, Deployment, StatefulSet } from 'kubernetes-types/apps/v1';
import type { KubeObject } from '../../../core/api/types.ts';
import { CommandError } from '../../errors.ts';

/** RolloutStatus is one observation: the line to print and whether to stop. */
export interface RolloutStatus {
  message: string;
  done: boolean;
}

/** rolloutStatus dispatches on kind, like StatusViewerFor. */
export function rolloutStatus(kind: string, obj: KubeObject): RolloutStatus {
  switch (kind) {
    case 'Deployment':
      return deploymentStatus(obj as unknown as Deployment);
    case 'DaemonSet':
      return daemonSetStatus(obj as unknown as DaemonSet);
    case 'StatefulSet':
      return statefulSetStatus(obj as unknown as StatefulSet);
    default:
      throw new CommandError(`error: no status viewer has been implemented for ${kind}`);
  }
}

/** deploymentStatus is DeploymentStatusViewer.Status. */
export function deploymentStatus(d: Deployment): RolloutStatus {
  const name = d.metadata?.name;
  const st = d.status ?? {};
  if ((d.metadata?.generation ?? 0) <= (st.observedGeneration ?? 0)) {
    const progressing = st.conditions?.find((c) => c.type === 'Progressing');
    if (progressing?.reason === 'ProgressDeadlineExceeded') {
      throw new CommandError(`error: deployment "${name}" exceeded its progress deadline`);
    }
    const want = d.spec?.replicas;
    const updated = st.updatedReplicas ?? 0;
    if (want !== undefined && updated < want) {
      return wait(`Waiting for deployment "${name}" rollout to finish: ${updated} out of ${want} new replicas have been updated...\n`);
    }
    if ((st.replicas ?? 0) > updated) {
      return wait(`Waiting for deployment "${name}" rollout to finish: ${(st.replicas ?? 0) - updated} old replicas are pending termination...\n`);
    }
    if ((st.availableReplicas ?? 0) < updated) {
      return wait(`Waiting for deployment "${name}" rollout to finish: ${st.availableReplicas ?? 0} of ${updated} updated replicas are available...\n`);
    }
    return { message: `deployment "${name}" successfully rolled out\n`, done: true };
  }
  return wait('Waiting for deployment spec update to be observed...\n');
}

/** daemonSetStatus is DaemonSetStatusViewer.Status. */
export function daemonSetStatus(ds: DaemonSet): RolloutStatus {
  if (ds.spec?.updateStrategy?.type && ds.spec.updateStrategy.type !== 'RollingUpdate') {
    throw new CommandError('error: rollout status is only available for RollingUpdate strategy type');
  }
  const name = ds.metadata?.name;
  const st = ds.status;
  if ((ds.metadata?.generation ?? 0) <= (st?.observedGeneration ?? 0)) {
    const desired = st?.desiredNumberScheduled ?? 0;
    if ((st?.updatedNumberScheduled ?? 0) < desired) {
      return wait(`Waiting for daemon set "${name}" rollout to finish: ${st?.updatedNumberScheduled ?? 0} out of ${desired} new pods have been updated...\n`);
    }
    if ((st?.numberAvailable ?? 0) < desired) {
      return wait(`Waiting for daemon set "${name}" rollout to finish: ${st?.numberAvailable ?? 0} of ${desired} updated pods are available...\n`);
    }
    return { message: `daemon set "${name}" successfully rolled out\n`, done: true };
  }
  return wait('Waiting for daemon set spec update to be observed...\n');
}

/** statefulSetStatus is StatefulSetStatusViewer.Status. */
export function statefulSetStatus(sts: StatefulSet): RolloutStatus {
  const strategy = sts.spec?.updateStrategy;
  if (strategy?.type && strategy.type !== 'RollingUpdate') {
    throw new CommandError('error: rollout status is only available for RollingUpdate strategy type');
  }
  const st = sts.status;
  if (!st?.observedGeneration || (sts.metadata?.generation ?? 0) > st.observedGeneration) {
    return wait('Waiting for statefulset spec update to be observed...\n');
  }
  const want = sts.spec?.replicas;
  if (want !== undefined && (st.readyReplicas ?? 0) < want) return wait(`Waiting for ${want - (st.readyReplicas ?? 0)} pods to be ready...\n`);
  const partition = strategy?.rollingUpdate?.partition;
  if (strategy?.rollingUpdate) {
    if (want !== undefined && partition !== undefined && (st.updatedReplicas ?? 0) < want - partition) {
      return wait(`Waiting for partitioned roll out to finish: ${st.updatedReplicas ?? 0} out of ${want - partition} new pods have been updated...\n`);
    }
    return { message: `partitioned roll out complete: ${st.updatedReplicas ?? 0} new pods have been updated...\n`, done: true };
  }
  if (st.updateRevision !== st.currentRevision) {
    return wait(`waiting for statefulset rolling update to complete ${st.updatedReplicas ?? 0} pods at revision ${st.updateRevision}...\n`);
  }
  return { message: `statefulset rolling update complete ${st.currentReplicas ?? 0} pods at revision ${st.currentRevision}...\n`, done: true };
}

function wait(message: string): RolloutStatus {
  return { message, done: false };
}
