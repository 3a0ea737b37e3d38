/**
 * kubectl config set-credentials (staging/src/k8s.io/kubectl/pkg/cmd/config/create_authinfo.go):
 * create or merge a user entry. The playground models bearer tokens (`--token`, e.g. one
 * from `kubectl create token`) and basic-auth fields; a context that names this user then
 * authenticates with them (see ../../identity.ts).
 */
import type { KubectlCommand } from '../../command.ts';
import { helpError } from './helpError.ts';

/** setCredentials is `kubectl config set-credentials NAME [--token] [--username] [--password]`. */
export const setCredentials: KubectlCommand = {
  name: 'set-credentials',
  short: 'Set a user entry in kubeconfig',
  run(inv) {
    const { ctx, flags } = inv;
    // create_authinfo.go answers a missing name with helpErrorf(cmd, "unexpected args: %v", args).
    if (inv.args.length !== 1) throw helpError(inv, `unexpected args: [${inv.args.join(' ')}]`);
    const name = inv.args[0];
    let user = ctx.kubeconfig.users.find((u) => u.name === name);
    if (!user) {
      user = { name };
      ctx.kubeconfig.users.push(user);
    }
    if (flags.changed('token')) user.token = flags.string('token') || undefined;
    if (flags.changed('username')) user.username = flags.string('username') || undefined;
    if (flags.changed('password')) user.password = flags.string('password') || undefined;
    ctx.stdout(`User "${name}" set.\n`);
    return 0;
  },
};
