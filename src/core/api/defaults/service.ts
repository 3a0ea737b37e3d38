/**
 * Service defaulting: SetDefaults_Service (pkg/apis/core/v1/defaults.go, v1.32) plus the
 * IP family fields the service REST storage fills on create
 * (pkg/registry/core/service/storage/alloc.go initIPFamilyFields) for a single-stack IPv4 cluster.
 */
import type { Service } from 'kubernetes-types/core/v1';

/** DEFAULT_CLIENT_IP_AFFINITY_SECONDS is 3 hours, the ClientIP session affinity default. */
export const DEFAULT_CLIENT_IP_AFFINITY_SECONDS = 10800;

/** defaultService applies SetDefaults_Service. */
export function defaultService(svc: Service): void {
  const spec = (svc.spec ??= {});
  spec.sessionAffinity ||= 'None';
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === 'ClientIP' && spec.sessionAffinityConfig?.clientIP?.timeoutSeconds === undefined) {
    spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: DEFAULT_CLIENT_IP_AFFINITY_SECONDS } };
  }
  spec.type ||= 'ClusterIP';
  for (const port of spec.ports ?? []) {
    port.protocol ||= 'TCP';
    if (port.targetPort === undefined || port.targetPort === 0 || port.targetPort === '') port.targetPort = port.port;
  }
  const externallyAccessible =
    spec.type === 'LoadBalancer' || spec.type === 'NodePort' || (spec.type === 'ClusterIP' && (spec.externalIPs?.length ?? 0) > 0);
  if (externallyAccessible) spec.externalTrafficPolicy ||= 'Cluster';
  if (spec.internalTrafficPolicy === undefined && ['ClusterIP', 'NodePort', 'LoadBalancer'].includes(spec.type)) {
    spec.internalTrafficPolicy = 'Cluster';
  }
  if (spec.type === 'LoadBalancer') spec.allocateLoadBalancerNodePorts ??= true;
}

/**
 * defaultServiceIPFamilies fills ipFamilyPolicy and ipFamilies as the service REST storage
 * does in a single-stack IPv4 cluster: SingleStack/[IPv4] for ordinary services, and
 * RequireDualStack/[IPv4, IPv6] for headless services without a selector. ExternalName
 * services get neither.
 */
export function defaultServiceIPFamilies(svc: Service): void {
  const spec = svc.spec;
  if (!spec || spec.type === 'ExternalName') return;
  const headlessWithoutSelector = spec.clusterIP === 'None' && Object.keys(spec.selector ?? {}).length === 0;
  if (headlessWithoutSelector) {
    spec.ipFamilyPolicy ??= 'RequireDualStack';
    if (!spec.ipFamilies?.length) spec.ipFamilies = ['IPv4'];
    if (spec.ipFamilies.length < 2 && spec.ipFamilyPolicy !== 'SingleStack') {
      spec.ipFamilies = [...spec.ipFamilies, spec.ipFamilies[0] === 'IPv4' ? 'IPv6' : 'IPv4'];
    }
    return;
  }
  spec.ipFamilyPolicy ??= 'SingleStack';
  if (!spec.ipFamilies?.length) spec.ipFamilies = ['IPv4'];
}
