/**
 * kubectl certificate (staging/src/k8s.io/kubectl/pkg/cmd/certificates): the playground
 * has no CSR signer, so approve/deny are not emulated; the parent itself behaves as
 * upstream, whose Run prints its help to stdout and succeeds, whatever words follow.
 */
import type { KubectlCommand } from '../../command.ts';
import { helpText } from '../../help/index.ts';
import { notInPlayground } from '../notInPlayground.ts';

/** certificate is `kubectl certificate`. */
export const certificate: KubectlCommand = {
  name: 'certificate',
  short: 'Modify certificate resources',
  subcommands: [notInPlayground('approve', 'Approve a certificate signing request'), notInPlayground('deny', 'Deny a certificate signing request')],
  run(inv) {
    inv.ctx.stdout(helpText('certificate') ?? '');
    return 0;
  },
};
