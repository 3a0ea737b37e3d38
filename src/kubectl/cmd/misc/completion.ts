/**
 * kubectl completion (staging/src/k8s.io/kubectl/pkg/cmd/completion/completion.go). The
 * playground's terminal completes kubectl with Tab on its own, so instead of the real
 * multi-thousand-line script this prints a short shell comment saying so (harmless to
 * `source <(kubectl completion bash)`). Argument errors are kubectl's.
 */
import type { KubectlCommand } from '../../command.ts';
import { UsageFailure } from '../../errors.ts';

const SHELLS = ['bash', 'zsh', 'fish', 'powershell'];

/** completion is `kubectl completion SHELL`. */
export const completion: KubectlCommand = {
  name: 'completion',
  short: 'Output shell completion code for the specified shell (bash, zsh, fish, or powershell)',
  run(inv) {
    if (inv.args.length === 0) throw new UsageFailure('Shell not specified.');
    if (inv.args.length > 1) throw new UsageFailure('Too many arguments. Expected only the shell type.');
    const shell = inv.args[0];
    if (!SHELLS.includes(shell)) throw new UsageFailure(`Unsupported shell type "${shell}".`);
    const comment = '#'; // a comment line in all four shells
    inv.ctx.stdout(
      `${comment} ${shell} completion for kubectl (kubeplay)\n` +
        `${comment} This terminal already completes kubectl and k with Tab: commands, flags,\n` +
        `${comment} resource types, object names, namespaces, containers and nodes.\n` +
        `${comment} The real script (several thousand lines) is not needed here.\n`,
    );
    return 0;
  },
};
