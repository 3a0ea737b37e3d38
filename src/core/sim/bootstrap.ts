/**
 * bootstrapCluster creates what kubeadm leaves behind on a fresh cluster: the four
 * namespaces first, then whatever each layer registered with `cluster.onBootstrap`
 * (the kubernetes and kube-dns Services, CoreDNS, kube-proxy, static pods...).
 */
import { bootstrapNamespaces, type Cluster } from './cluster.ts';

export function bootstrapCluster(cluster: Cluster): void {
  bootstrapNamespaces(cluster);
  for (const step of cluster.bootstrapSteps) step(cluster);
}
