/** builtinTables lists every built-in table definition under its "group/resource" key. */
import { hpaTable } from './autoscaling.ts';
import { nodeMetricsTable, podMetricsTable } from './metrics.ts';
import { controllerRevisionTable } from './controllerrevisions.ts';
import { cronJobTable } from './cronjobs.ts';
import { csiDriverTable, csiNodeTable, csiStorageCapacityTable, volumeAttachmentTable } from './csi.ts';
import { daemonSetTable } from './daemonsets.ts';
import { deploymentTable } from './deployments.ts';
import { endpointSliceTable, endpointsTable } from './endpoints.ts';
import { eventTable, eventsV1Table } from './events.ts';
import {
  apiServiceTable,
  csrTable,
  flowSchemaTable,
  priorityLevelTable,
  runtimeClassTable,
  validatingAdmissionPolicyBindingTable,
  validatingAdmissionPolicyTable,
  webhookConfigurationTable,
} from './extensionApis.ts';
import { defaultTable } from './fallback.ts';
import { componentStatusTable, podTemplateTable, replicationControllerTable } from './legacyCore.ts';
import { jobTable } from './jobs.ts';
import { ingressClassTable, ingressTable, networkPolicyTable } from './networking.ts';
import { nodeTable } from './nodes.ts';
import { podTable } from './pods.ts';
import { limitRangeTable, pdbTable, priorityClassTable, resourceQuotaTable } from './policy.ts';
import { roleBindingTable, roleTable } from './rbac.ts';
import { replicaSetTable } from './replicasets.ts';
import { serviceTable } from './services.ts';
import { configMapTable, leaseTable, namespaceTable, secretTable, serviceAccountTable } from './simple.ts';
import { statefulSetTable } from './statefulsets.ts';
import { pvcTable, pvTable, storageClassTable } from './storage.ts';
import type { TableDefinition } from './tableDefinition.ts';

/** builtinTables maps every built-in resource to its table definition. */
export const builtinTables: ReadonlyMap<string, TableDefinition> = new Map<string, TableDefinition>([
  ['/pods', podTable],
  ['/services', serviceTable],
  ['/nodes', nodeTable],
  ['/namespaces', namespaceTable],
  ['/events', eventTable],
  ['events.k8s.io/events', eventsV1Table],
  ['/configmaps', configMapTable],
  ['/secrets', secretTable],
  ['/serviceaccounts', serviceAccountTable],
  ['/endpoints', endpointsTable],
  ['/persistentvolumeclaims', pvcTable],
  ['/persistentvolumes', pvTable],
  ['/resourcequotas', resourceQuotaTable],
  ['/limitranges', limitRangeTable],
  ['/replicationcontrollers', replicationControllerTable],
  ['/podtemplates', podTemplateTable],
  ['/componentstatuses', componentStatusTable],
  ['apiregistration.k8s.io/apiservices', apiServiceTable],
  ['apiextensions.k8s.io/customresourcedefinitions', defaultTable],
  ['admissionregistration.k8s.io/mutatingwebhookconfigurations', webhookConfigurationTable],
  ['admissionregistration.k8s.io/validatingwebhookconfigurations', webhookConfigurationTable],
  ['admissionregistration.k8s.io/validatingadmissionpolicies', validatingAdmissionPolicyTable],
  ['admissionregistration.k8s.io/validatingadmissionpolicybindings', validatingAdmissionPolicyBindingTable],
  ['certificates.k8s.io/certificatesigningrequests', csrTable],
  ['node.k8s.io/runtimeclasses', runtimeClassTable],
  ['storage.k8s.io/csidrivers', csiDriverTable],
  ['storage.k8s.io/csinodes', csiNodeTable],
  ['storage.k8s.io/volumeattachments', volumeAttachmentTable],
  ['storage.k8s.io/csistoragecapacities', csiStorageCapacityTable],
  ['flowcontrol.apiserver.k8s.io/flowschemas', flowSchemaTable],
  ['flowcontrol.apiserver.k8s.io/prioritylevelconfigurations', priorityLevelTable],
  ['apps/deployments', deploymentTable],
  ['apps/replicasets', replicaSetTable],
  ['apps/statefulsets', statefulSetTable],
  ['apps/daemonsets', daemonSetTable],
  ['apps/controllerrevisions', controllerRevisionTable],
  ['batch/jobs', jobTable],
  ['batch/cronjobs', cronJobTable],
  ['discovery.k8s.io/endpointslices', endpointSliceTable],
  ['coordination.k8s.io/leases', leaseTable],
  ['networking.k8s.io/ingresses', ingressTable],
  ['networking.k8s.io/ingressclasses', ingressClassTable],
  ['networking.k8s.io/networkpolicies', networkPolicyTable],
  ['storage.k8s.io/storageclasses', storageClassTable],
  ['autoscaling/horizontalpodautoscalers', hpaTable],
  ['metrics.k8s.io/nodes', nodeMetricsTable],
  ['metrics.k8s.io/pods', podMetricsTable],
  ['policy/poddisruptionbudgets', pdbTable],
  ['scheduling.k8s.io/priorityclasses', priorityClassTable],
  ['rbac.authorization.k8s.io/roles', roleTable],
  ['rbac.authorization.k8s.io/clusterroles', roleTable],
  ['rbac.authorization.k8s.io/rolebindings', roleBindingTable],
  ['rbac.authorization.k8s.io/clusterrolebindings', roleBindingTable],
]);
