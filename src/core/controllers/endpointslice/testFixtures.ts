/**
 * Fixtures for the Endpoints and EndpointSlice controller tests: a cluster with both
 * controllers and the garbage collector, a `web` Service, and a stand-in kubelet.
 */
import { rfc3339 } from '../../api/time.ts';
import type { KubeObject } from '../../api/types.ts';
import { ENDPOINTSLICES, PODS, SERVICES } from '../../client/client.ts';
import type { Cluster } from '../../sim/cluster.ts';
import { thaw } from '../../storage/freeze.ts';
import { installEndpointsController } from '../endpoints/endpointsController.ts';
import { installGarbageCollector } from '../garbagecollector/garbageCollector.ts';
import { newControllerTestCluster } from '../testCluster.ts';
import { installEndpointSliceController } from './endpointSliceController.ts';

/** setup builds the cluster with Service `web` (selector app=web, port http → targetPort http). */
export function setup(serviceSpec: Record<string, unknown> = {}) {
  const c = newControllerTestCluster([installEndpointSliceController, installEndpointsController, installGarbageCollector]);
  c.client().create(SERVICES, 'default', {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web', labels: { app: 'web' } },
    spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }], ...serviceSpec },
  });
  c.settle();
  return c;
}

/** runPod plays scheduler and kubelet: a bound pod with an IP, Ready as asked. */
export function runPod(c: Cluster, name: string, ip: string, ready: boolean, containerPort = 8080): KubeObject {
  const client = c.client();
  client.create(PODS, 'default', {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels: { app: 'web' } },
    spec: { nodeName: 'node01', containers: [{ name: 'c', image: 'nginx', ports: [{ name: 'http', containerPort }] }] },
  });
  const pod = thaw(client.get(PODS, 'default', name));
  const now = rfc3339(c.now());
  pod.status = { phase: 'Running', podIP: ip, podIPs: [{ ip }], conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: now }] };
  const out = client.updateStatus(PODS, pod);
  c.settle();
  return out;
}

/** slices lists the EndpointSlices of the default namespace. */
export const slices = (c: Cluster) => c.client().list(ENDPOINTSLICES, 'default').items;
