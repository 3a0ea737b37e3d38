/**
 * createCluster builds the default cluster of DESIGN §5 and runs it until it has settled.
 */
import type { ApiSchema } from '../api/schema/index.ts';
import { installAdmission } from '../apiserver/admission/install.ts';
import { installAPIServiceRegistration } from '../apiserver/apiServiceRegistration.ts';
import { installAuthorization } from '../apiserver/authorization/install.ts';
import { installControllers } from '../controllers/install.ts';
import { installNetwork } from '../network/install.ts';
import { installNodes } from '../node/install.ts';
import { installMetricsServer } from '../node/metrics/install.ts';
import { installScheduler } from '../scheduler/install.ts';
import { bootstrapCluster } from './bootstrap.ts';
import { Cluster, DEFAULT_OPTIONS, type ClusterOptions, type ClusterSnapshot } from './cluster.ts';

/** ClusterDeps are loaded resources the cluster uses but does not own (they load asynchronously). */
export interface ClusterDeps {
  /** schema: the v1.32 API schema (see loadApiSchema); without it the decoder skips strict checks. */
  schema?: ApiSchema;
}

/** createCluster returns a settled cluster: nodes Ready, kube-system pods Running. */
export function createCluster(options: Partial<ClusterOptions> = {}, deps: ClusterDeps = {}): Cluster {
  const cluster = new Cluster({ ...DEFAULT_OPTIONS, ...options });
  cluster.server.schema = deps.schema;
  installLayers(cluster);
  bootstrapCluster(cluster);
  cluster.informers.start();
  cluster.loop.advance(cluster.options.settleMs);
  // The learner's session draws from a sequence of its own: adding a bootstrap object (a
  // new kube-system Deployment, a revision) must not rename every pod a lesson creates.
  cluster.random.setState(sessionSeed(cluster.options.seed));
  return cluster;
}

/** sessionSeed derives the random state a session starts from (FNV-1a over the seed). */
function sessionSeed(seed: number): number {
  let h = 0x811c9dc5;
  for (const c of `session:${seed}`) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
  return h;
}

/**
 * restoreCluster rebuilds a cluster from `cluster.snapshot()` (a JSON round trip is fine):
 * the same objects and resourceVersions, the same virtual time and random sequence, and
 * each component's saved state. Controllers are level-based, so they simply reconcile what
 * they find. NOTE: container processes are not saved; like a node reboot, kubelets start
 * the containers of running pods again (restart counts stay as they were).
 */
export function restoreCluster(snapshot: ClusterSnapshot, deps: ClusterDeps = {}): Cluster {
  if (snapshot?.version !== 1) throw new Error(`unsupported cluster snapshot version ${String(snapshot?.version)}`);
  const cluster = new Cluster({ ...DEFAULT_OPTIONS, ...snapshot.options });
  cluster.server.schema = deps.schema;
  cluster.clock.setTime(snapshot.time);
  cluster.store.restore(snapshot.store);
  installLayers(cluster);
  cluster.loadState(snapshot.components);
  // Installers may draw random numbers (machine IDs...); the sequence resumes where it was.
  cluster.random.setState(snapshot.random);
  cluster.informers.start();
  for (const step of cluster.resumeSteps) step(cluster);
  cluster.settle();
  return cluster;
}

/** installLayers installs every layer in dependency order (network before kubelets, ...). */
function installLayers(cluster: Cluster): void {
  installAdmission(cluster);
  installAuthorization(cluster);
  installNetwork(cluster);
  installControllers(cluster);
  installScheduler(cluster);
  installNodes(cluster);
  installMetricsServer(cluster);
  installAPIServiceRegistration(cluster);
}
