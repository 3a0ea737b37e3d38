/**
 * kubectl auth whoami (staging/src/k8s.io/kubectl/pkg/cmd/auth/whoami.go): the
 * SelfSubjectReview of the terminal's user, as an ATTRIBUTE VALUE table or -o json|yaml.
 */
import type { KubeObject } from '../../../core/api/types.ts';
import type { KubectlCommand } from '../../command.ts';
import { printObjects } from '../../output.ts';
import { TabWriter } from '../../printers/tabwriter.ts';

/** TERMINAL_USER is kubeadm's admin identity, the user of ~/.kube/config. */
const TERMINAL_USER = { username: 'kubernetes-admin', groups: ['kubeadm:cluster-admins', 'system:authenticated'] };

/** whoami is `kubectl auth whoami`. */
export const whoami: KubectlCommand = {
  name: 'whoami',
  short: 'Experimental: Check self subject attributes',
  run(inv) {
    const output = inv.flags.string('output');
    if (output !== '') {
      const review = {
        kind: 'SelfSubjectReview',
        apiVersion: 'authentication.k8s.io/v1',
        metadata: { creationTimestamp: null },
        status: { userInfo: TERMINAL_USER },
      } as unknown as KubeObject;
      inv.ctx.stdout(printObjects(output, [review], false, false, { objectFormats: true }));
      return 0;
    }
    const w = new TabWriter();
    w.write('ATTRIBUTE\tVALUE\n');
    w.write(`Username\t${TERMINAL_USER.username}\n`);
    w.write(`Groups\t[${TERMINAL_USER.groups.join(' ')}]\n`);
    inv.ctx.stdout(w.flush());
    return 0;
  },
};
