/**
 * The registry: every resource the API server serves, one file each. Order here is the
 * order discovery lists them.
 */
import type { ResourceDefinition } from '../resource.ts';
import {
  mutatingwebhookconfigurations,
  validatingadmissionpolicies,
  validatingadmissionpolicybindings,
  validatingwebhookconfigurations,
} from './admissionregistration.ts';
import { apiservices } from './apiservices.ts';
import { bindings } from './bindings.ts';
import { certificatesigningrequests } from './certificatesigningrequests.ts';
import { componentstatuses } from './componentstatuses.ts';
import { controllerrevisions } from './controllerrevisions.ts';
import { cronjobs } from './cronjobs.ts';
import { csidrivers, csinodes, csistoragecapacities, volumeattachments } from './csi.ts';
import { customresourcedefinitions } from './customresourcedefinitions.ts';
import { daemonsets } from './daemonsets.ts';
import { deployments } from './deployments.ts';
import { flowschemas, prioritylevelconfigurations } from './flowcontrol.ts';
import { horizontalpodautoscalers } from './horizontalpodautoscalers.ts';
import { jobs } from './jobs.ts';
import { ingressclasses } from './ingressclasses.ts';
import { ingresses } from './ingresses.ts';
import { limitranges } from './limitranges.ts';
import { namespaces } from './namespaces.ts';
import { networkpolicies } from './networkpolicies.ts';
import { nodes } from './nodes.ts';
import { persistentvolumeclaims } from './persistentvolumeclaims.ts';
import { persistentvolumes } from './persistentvolumes.ts';
import { pods } from './pods.ts';
import { poddisruptionbudgets } from './poddisruptionbudgets.ts';
import { podtemplates } from './podtemplates.ts';
import { priorityclasses } from './priorityclasses.ts';
import { clusterrolebindings, clusterroles, rolebindings, roles } from './rbac.ts';
import { replicasets } from './replicasets.ts';
import { replicationcontrollers } from './replicationcontrollers.ts';
import { resourcequotas } from './resourcequotas.ts';
import {
  localsubjectaccessreviews,
  selfsubjectaccessreviews,
  selfsubjectreviews,
  selfsubjectrulesreviews,
  subjectaccessreviews,
  tokenreviews,
} from './reviews.ts';
import { runtimeclasses } from './runtimeclasses.ts';
import { services } from './services.ts';
import { storageclasses } from './storageclasses.ts';
import { statefulsets } from './statefulsets.ts';
import { configmaps, endpoints, endpointslices, events, eventsV1, leases, secrets, serviceaccounts } from './simple.ts';

/** builtinResources lists every served resource. */
export const builtinResources: ResourceDefinition[] = [
  // core/v1
  bindings,
  componentstatuses,
  configmaps,
  endpoints,
  events,
  limitranges,
  namespaces,
  nodes,
  persistentvolumeclaims,
  persistentvolumes,
  pods,
  podtemplates,
  replicationcontrollers,
  resourcequotas,
  secrets,
  serviceaccounts,
  services,
  // admissionregistration.k8s.io/v1
  mutatingwebhookconfigurations,
  validatingadmissionpolicies,
  validatingadmissionpolicybindings,
  validatingwebhookconfigurations,
  // apiextensions.k8s.io/v1
  customresourcedefinitions,
  // apiregistration.k8s.io/v1
  apiservices,
  // apps/v1
  controllerrevisions,
  daemonsets,
  deployments,
  replicasets,
  statefulsets,
  // authentication.k8s.io/v1
  selfsubjectreviews,
  tokenreviews,
  // authorization.k8s.io/v1
  localsubjectaccessreviews,
  selfsubjectaccessreviews,
  selfsubjectrulesreviews,
  subjectaccessreviews,
  // autoscaling/v2
  horizontalpodautoscalers,
  // batch/v1
  cronjobs,
  jobs,
  // certificates.k8s.io/v1
  certificatesigningrequests,
  // coordination.k8s.io/v1
  leases,
  // discovery.k8s.io/v1
  endpointslices,
  // events.k8s.io/v1
  eventsV1,
  // flowcontrol.apiserver.k8s.io/v1
  flowschemas,
  prioritylevelconfigurations,
  // networking.k8s.io/v1
  ingressclasses,
  ingresses,
  networkpolicies,
  // node.k8s.io/v1
  runtimeclasses,
  // policy/v1
  poddisruptionbudgets,
  // rbac.authorization.k8s.io/v1
  clusterrolebindings,
  clusterroles,
  rolebindings,
  roles,
  // scheduling.k8s.io/v1
  priorityclasses,
  // storage.k8s.io/v1
  csidrivers,
  csinodes,
  csistoragecapacities,
  storageclasses,
  volumeattachments,
];
