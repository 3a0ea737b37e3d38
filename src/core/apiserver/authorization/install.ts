/**
 * installAuthorization gives the API server kube-apiserver's `--authorization-mode=Node,RBAC`
 * (RBAC part; system:masters is always allowed), the bootstrap policy of a kubeadm v1.32
 * cluster, the clusterrole-aggregation controller, and a saved token signing key so service
 * account tokens survive snapshots.
 */
import { installClusterRoleAggregationController } from '../../controllers/clusterroleaggregation/clusterRoleAggregationController.ts';
import type { Cluster } from '../../sim/cluster.ts';
import { TokenAuthenticator } from '../authentication/tokens.ts';
import { createBootstrapPolicy } from './bootstrapPolicy.ts';
import { RBACAuthorizer } from './rbacAuthorizer.ts';

export function installAuthorization(cluster: Cluster): void {
  const server = cluster.server;
  server.authorizer = new RBACAuthorizer(cluster.store);
  cluster.registerState('service-account-token-key', {
    // The key is drawn lazily at the first TokenRequest, so clusters without tokens keep their random sequence.
    save: () => server.tokenAuthenticator?.key ?? null,
    load: (key) => {
      if (typeof key === 'string') server.tokenAuthenticator = new TokenAuthenticator(key);
    },
  });
  installClusterRoleAggregationController(cluster);
  cluster.onBootstrap((c) => onSideSequence(c, () => createBootstrapPolicy(c.client('kube-apiserver'))));
}

/**
 * onSideSequence runs `fn` with the seeded random source moved half a period away, then puts
 * it back. The ~130 policy objects draw their UIDs there, so adding RBAC does not shift the
 * names, IPs and node choices every other component draws afterwards (scenario goldens).
 */
function onSideSequence(cluster: Cluster, fn: () => void): void {
  const state = cluster.random.getState();
  cluster.random.setState(state + 0x80000000);
  try {
    fn();
  } finally {
    cluster.random.setState(state);
  }
}
