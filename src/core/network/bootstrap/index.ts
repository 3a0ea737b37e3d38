/** bootstrapNetwork creates the network layer's initial objects (see the files of this folder). */
import type { Cluster } from '../../sim/cluster.ts';
import { bootstrapApiserverService } from './apiserverService.ts';
import { bootstrapCoreDNS } from './coredns.ts';
import { bootstrapKubeProxy } from './kubeProxy.ts';

/** bootstrapNetwork is registered with cluster.onBootstrap by installNetwork. */
export function bootstrapNetwork(cluster: Cluster): void {
  bootstrapApiserverService(cluster);
  bootstrapCoreDNS(cluster);
  bootstrapKubeProxy(cluster);
}
