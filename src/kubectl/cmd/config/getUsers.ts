/** kubectl config get-users (staging/src/k8s.io/kubectl/pkg/cmd/config/get_users.go). */
import type { KubectlCommand } from '../../command.ts';

/** getUsers is `kubectl config get-users`: NAME then one user per line. */
export const getUsers: KubectlCommand = {
  name: 'get-users',
  short: 'Display users defined in the kubeconfig',
  run(inv) {
    const names = inv.ctx.kubeconfig.users.map((u) => u.name).sort();
    inv.ctx.stdout(['NAME', ...names].map((n) => `${n}\n`).join(''));
    return 0;
  },
};
