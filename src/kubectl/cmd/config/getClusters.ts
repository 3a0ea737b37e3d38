/** kubectl config get-clusters (staging/src/k8s.io/kubectl/pkg/cmd/config/get_clusters.go). */
import type { KubectlCommand } from '../../command.ts';

/** getClusters is `kubectl config get-clusters`: NAME then one cluster per line. */
export const getClusters: KubectlCommand = {
  name: 'get-clusters',
  short: 'Display clusters defined in the kubeconfig',
  run(inv) {
    const names = inv.ctx.kubeconfig.clusters.map((c) => c.name).sort();
    inv.ctx.stdout(['NAME', ...names].map((n) => `${n}\n`).join(''));
    return 0;
  },
};
