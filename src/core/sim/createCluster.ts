/**
 * createCluster builds the default cluster of DESIGN §5 and runs it until it has settled.
 */
import { installAdmission } from '../apiserver/admission/install.ts';
import { installControllers } from '../controllers/install.ts';
import { installNetwork } from '../network/install.ts';
import { installNodes } from '../node/install.ts';
import { installScheduler } from '../scheduler/install.ts';
import { bootstrapCluster } from './bootstrap.ts';
import { Cluster, DEFAULT_OPTIONS, type ClusterOptions } from './cluster.ts';

/** createCluster returns a settled cluster: nodes Ready, kube-system pods Running. */
export function createCluster(options: Partial<ClusterOptions> = {}): Cluster {
  const cluster = new Cluster({ ...DEFAULT_OPTIONS, ...options });
  installAdmission(cluster);
  installNetwork(cluster);
  installControllers(cluster);
  installScheduler(cluster);
  installNodes(cluster);
  bootstrapCluster(cluster);
  cluster.informers.start();
  cluster.loop.advance(cluster.options.settleMs);
  return cluster;
}
