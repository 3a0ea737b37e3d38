/**
 * The `kubernetes` Service in default, with the Endpoints and EndpointSlice that the API
 * server's own endpoint reconciler keeps pointing at the control plane
 * (pkg/controlplane/reconcilers): ClusterIP 10.96.0.1, port https 443 → 6443.
 */
import type { Cluster } from '../../sim/cluster.ts';
import { ENDPOINTS, ENDPOINTSLICES, SERVICES } from '../../client/client.ts';

/** CONTROL_PLANE_IP is the control-plane node's InternalIP (the kubelet's internalIPFor(0)). */
export const CONTROL_PLANE_IP = '172.30.1.2';

/** bootstrapApiserverService creates the kubernetes Service and its endpoints. */
export function bootstrapApiserverService(cluster: Cluster): void {
  const client = cluster.client('kube-apiserver');
  client.create(SERVICES, 'default', {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: { clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }], sessionAffinity: 'None', type: 'ClusterIP' },
  });
  client.create(ENDPOINTS, 'default', {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
    subsets: [{ addresses: [{ ip: CONTROL_PLANE_IP }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }],
  });
  client.create(ENDPOINTSLICES, 'default', {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { 'kubernetes.io/service-name': 'kubernetes' } },
    addressType: 'IPv4',
    endpoints: [{ addresses: [CONTROL_PLANE_IP], conditions: { ready: true } }],
    ports: [{ name: 'https', port: 6443, protocol: 'TCP' }],
  });
}
