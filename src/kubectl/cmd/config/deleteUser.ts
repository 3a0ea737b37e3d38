/** kubectl config delete-user (staging/src/k8s.io/kubectl/pkg/cmd/config/delete_user.go). */
import type { KubectlCommand } from '../../command.ts';
import { CommandError, UsageFailure } from '../../errors.ts';
import { KUBECONFIG_PATH } from '../../kubeconfig.ts';

/** deleteUser is `kubectl config delete-user NAME`. */
export const deleteUser: KubectlCommand = {
  name: 'delete-user',
  short: 'Delete the specified user from the kubeconfig',
  run(inv) {
    if (inv.args.length !== 1) throw new UsageFailure('user to delete is required');
    const name = inv.args[0];
    const users = inv.ctx.kubeconfig.users;
    const i = users.findIndex((u) => u.name === name);
    if (i < 0) throw new CommandError(`error: cannot delete user ${name}, not in ${KUBECONFIG_PATH}`);
    users.splice(i, 1);
    inv.ctx.stdout(`deleted user ${name} from ${KUBECONFIG_PATH}\n`);
    return 0;
  },
};
