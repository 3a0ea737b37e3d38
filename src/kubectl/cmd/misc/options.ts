/** kubectl options (staging/src/k8s.io/kubectl/pkg/cmd/options/options.go): the global flags, as the real help text. */
import type { KubectlCommand } from '../../command.ts';
import { helpText } from '../../help/index.ts';

/** options is `kubectl options`. */
export const options: KubectlCommand = {
  name: 'options',
  short: 'Print the list of flags inherited by all commands',
  run(inv) {
    inv.ctx.stdout(helpText('options') ?? '');
    return 0;
  },
};
