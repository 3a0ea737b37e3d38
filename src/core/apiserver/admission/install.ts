/**
 * installAdmission registers the admission chain in upstream's default order
 * (pkg/kubeapiserver/options/plugins.go AllOrderedPlugins: NamespaceLifecycle,
 * LimitRanger, ServiceAccount, ..., Priority, DefaultTolerationSeconds, ...).
 */
import type { Cluster } from '../../sim/cluster.ts';
import { defaultIngressClassAdmission } from './defaultIngressClass.ts';
import { defaultStorageClassAdmission } from './defaultStorageClass.ts';
import { defaultTolerationSecondsAdmission } from './defaultTolerationSeconds.ts';
import { limitRangerAdmission } from './limitRanger.ts';
import { namespaceLifecycle } from './namespaceLifecycle.ts';
import { persistentVolumeClaimResize } from './persistentVolumeClaimResize.ts';
import { priorityAdmission, SYSTEM_PRIORITY_CLASSES } from './priority.ts';
import { resourceQuotaAdmission } from './resourceQuota.ts';
import { serviceAccountAdmission } from './serviceAccount.ts';
import { storageObjectInUseProtection } from './storageObjectInUseProtection.ts';

export function installAdmission(cluster: Cluster): void {
  cluster.server.addAdmission(namespaceLifecycle(cluster.server));
  cluster.server.addAdmission(limitRangerAdmission(cluster.server));
  cluster.server.addAdmission(serviceAccountAdmission(cluster.server));
  cluster.server.addAdmission(defaultStorageClassAdmission(cluster.server));
  cluster.server.addAdmission(storageObjectInUseProtection());
  cluster.server.addAdmission(priorityAdmission(cluster.server));
  cluster.server.addAdmission(defaultTolerationSecondsAdmission());
  cluster.server.addAdmission(persistentVolumeClaimResize(cluster.server));
  cluster.server.addAdmission(defaultIngressClassAdmission(cluster.server));
  // ResourceQuota comes last upstream: it must see the object every other plugin produced.
  cluster.server.addAdmission(resourceQuotaAdmission(cluster.server));
  cluster.onBootstrap(bootstrapSystemPriorityClasses);
}

/** SYSTEM_CLASS_DESCRIPTIONS are the descriptions the API server gives the system PriorityClasses. */
const SYSTEM_CLASS_DESCRIPTIONS: Record<string, string> = {
  'system-node-critical': 'Used for system critical pods that must not be moved from their current node.',
  'system-cluster-critical': 'Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.',
};

/**
 * bootstrapSystemPriorityClasses creates system-node-critical and system-cluster-critical,
 * as the scheduling storage's post-start hook does (pkg/registry/scheduling/rest).
 */
export function bootstrapSystemPriorityClasses(cluster: Cluster): void {
  const ref = { group: 'scheduling.k8s.io', resource: 'priorityclasses' };
  if (!cluster.server.resources().some((d) => d.group === ref.group && d.resource === ref.resource)) return;
  const client = cluster.client('kube-apiserver');
  for (const pc of SYSTEM_PRIORITY_CLASSES) {
    if (client.tryGet(ref, '', pc.name)) continue;
    client.create(ref, '', {
      apiVersion: 'scheduling.k8s.io/v1',
      kind: 'PriorityClass',
      metadata: { name: pc.name },
      value: pc.value,
      description: SYSTEM_CLASS_DESCRIPTIONS[pc.name],
      preemptionPolicy: 'PreemptLowerPriority',
    });
  }
}
