/**
 * createCluster builds the default cluster of DESIGN §5 and runs it until it has settled.
 */
import type { ApiSchema } from '../api/schema/index.ts';
import { installAdmission } from '../apiserver/admission/install.ts';
import { installControllers } from '../controllers/install.ts';
import { installNetwork } from '../network/install.ts';
import { installNodes } from '../node/install.ts';
import { installScheduler } from '../scheduler/install.ts';
import { bootstrapCluster } from './bootstrap.ts';
import { Cluster, DEFAULT_OPTIONS, type ClusterOptions } from './cluster.ts';

/** ClusterDeps are loaded resources the cluster uses but does not own (they load asynchronously). */
export interface ClusterDeps {
  /** schema: the v1.32 API schema (see loadApiSchema); without it the decoder skips strict checks. */
  schema?: ApiSchema;
}

/** createCluster returns a settled cluster: nodes Ready, kube-system pods Running. */
export function createCluster(options: Partial<ClusterOptions> = {}, deps: ClusterDeps = {}): Cluster {
  const cluster = new Cluster({ ...DEFAULT_OPTIONS, ...options });
  cluster.server.schema = deps.schema;
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
