/**
 * kubectl config (staging/src/k8s.io/kubectl/pkg/cmd/config/config.go): view and edit the
 * terminal's kubeconfig (`ctx.kubeconfig`). Without a subcommand it prints its help, as cobra does.
 */
import type { KubectlCommand } from '../../command.ts';
import { notInPlayground } from '../notInPlayground.ts';
import { currentContextCmd } from './currentContext.ts';
import { deleteContext } from './deleteContext.ts';
import { deleteUser } from './deleteUser.ts';
import { getClusters } from './getClusters.ts';
import { getContexts } from './getContexts.ts';
import { getUsers } from './getUsers.ts';
import { renameContext } from './renameContext.ts';
import { set } from './set.ts';
import { setContext } from './setContext.ts';
import { setCredentials } from './setCredentials.ts';
import { unset } from './unset.ts';
import { useContext } from './useContext.ts';
import { view } from './view.ts';

/** config is `kubectl config SUBCOMMAND`. */
export const config: KubectlCommand = {
  name: 'config',
  short: 'Modify kubeconfig files',
  subcommands: [
    currentContextCmd,
    notInPlayground('delete-cluster', 'Delete the specified cluster from the kubeconfig'),
    deleteContext,
    deleteUser,
    getClusters,
    getContexts,
    getUsers,
    renameContext,
    set,
    notInPlayground('set-cluster', 'Set a cluster entry in kubeconfig'),
    setContext,
    setCredentials,
    unset,
    useContext,
    view,
  ],
};
