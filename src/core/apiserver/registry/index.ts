/**
 * The registry: every resource the API server serves, one file each. Order here is the
 * order discovery lists them.
 */
import type { ResourceDefinition } from '../resource.ts';
import { daemonsets } from './daemonsets.ts';
import { deployments } from './deployments.ts';
import { limitranges } from './limitranges.ts';
import { namespaces } from './namespaces.ts';
import { nodes } from './nodes.ts';
import { pods } from './pods.ts';
import { priorityclasses } from './priorityclasses.ts';
import { replicasets } from './replicasets.ts';
import { resourcequotas } from './resourcequotas.ts';
import { services } from './services.ts';
import { configmaps, endpoints, endpointslices, events, eventsV1, leases, secrets, serviceaccounts } from './simple.ts';

/** builtinResources lists every served resource. */
export const builtinResources: ResourceDefinition[] = [
  // core/v1
  configmaps,
  endpoints,
  events,
  limitranges,
  namespaces,
  nodes,
  pods,
  resourcequotas,
  secrets,
  serviceaccounts,
  services,
  // apps/v1
  daemonsets,
  deployments,
  replicasets,
  // coordination.k8s.io/v1
  leases,
  // discovery.k8s.io/v1
  endpointslices,
  // events.k8s.io/v1
  eventsV1,
  // scheduling.k8s.io/v1
  priorityclasses,
];
