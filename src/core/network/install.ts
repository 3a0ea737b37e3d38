/**
 * installNetwork adds the network layer to a cluster:
 * - the Service allocators as API server storage hooks (plus the admission step that keeps
 *   allocated values on update), saved with the cluster as component `network`;
 * - `cluster.services.set('network', ClusterNetwork)` and `cluster.services.set('node-tools', ...)`
 *   (curl, wget, nslookup, dig for shells; see README.md);
 * - the bootstrap objects kubeadm and the CNI leave behind (see bootstrap/).
 */
import type { Cluster } from '../sim/cluster.ts';
import { bootstrapNetwork } from './bootstrap/index.ts';
import { networkTools } from './commands/index.ts';
import { ClusterNetwork, type NetworkState } from './network.ts';
import { ClusterIPAllocator, NodePortAllocator } from './serviceAllocators.ts';
import { ServiceStorage } from './serviceStorage.ts';

/** installNetwork wires the network layer into the cluster; it returns the network for tests. */
export function installNetwork(cluster: Cluster): ClusterNetwork {
  const ips = new ClusterIPAllocator(cluster.options.serviceCIDR);
  const ports = new NodePortAllocator();
  const storage = new ServiceStorage(ips, ports, cluster.random);
  cluster.server.addStorageHook('', 'services', storage.storageHook());
  cluster.server.addAdmission(storage.admission());
  const network = new ClusterNetwork(cluster, ips, ports);
  cluster.services.set('network', network);
  cluster.services.set('node-tools', networkTools(network));
  cluster.registerState('network', { save: () => network.save(), load: (d) => network.load(d as NetworkState) });
  cluster.onBootstrap(bootstrapNetwork);
  return network;
}
