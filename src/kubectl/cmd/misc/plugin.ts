/**
 * kubectl plugin (staging/src/k8s.io/kubectl/pkg/cmd/plugin/plugin.go): a browser terminal
 * has no kubectl-* executables on its PATH, so `plugin list` answers exactly as the real
 * kubectl does on a machine without plugins.
 */
import type { KubectlCommand } from '../../command.ts';
import { CommandError } from '../../errors.ts';

/** plugin is `kubectl plugin`; with no subcommand it prints its help to stderr and fails (DefaultSubCommandRun). */
export const plugin: KubectlCommand = {
  name: 'plugin',
  short: 'Provides utilities for interacting with plugins',
  subcommands: [
    {
      name: 'list',
      short: 'List all visible plugin executables on a user\'s PATH',
      run() {
        throw new CommandError('error: unable to find any kubectl plugins in your PATH');
      },
    },
  ],
};
