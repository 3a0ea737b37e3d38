/**
 * kubectl auth whoami (staging/src/k8s.io/kubectl/pkg/cmd/auth/whoami.go): POSTs a
 * SelfSubjectReview and prints the user the API server sees (after authentication and
 * impersonation) as an ATTRIBUTE VALUE table, or the review with -o json|yaml.
 */
import type { KubectlCommand } from '../../command.ts';
import { printObjects } from '../../output.ts';
import { TabWriter } from '../../printers/tabwriter.ts';

const SSR = { group: 'authentication.k8s.io', resource: 'selfsubjectreviews' };

/** whoami is `kubectl auth whoami`. */
export const whoami: KubectlCommand = {
  name: 'whoami',
  short: 'Experimental: Check self subject attributes',
  run(inv) {
    const review = inv.ctx.client.create(SSR, '', { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview', metadata: {} });
    const output = inv.flags.string('output');
    if (output !== '') {
      inv.ctx.stdout(printObjects(output, [review], false, false, { objectFormats: true }));
      return 0;
    }
    const user = ((review.status ?? {}) as { userInfo?: { username?: string; uid?: string; groups?: string[]; extra?: Record<string, string[]> } }).userInfo ?? {};
    // printTableSelfSubjectAccessReview: each attribute only when set; extra keys sorted.
    const w = new TabWriter();
    w.write('ATTRIBUTE\tVALUE\n');
    if (user.username) w.write(`Username\t${user.username}\n`);
    if (user.uid) w.write(`UID\t${user.uid}\n`);
    if (user.groups && user.groups.length > 0) w.write(`Groups\t[${user.groups.join(' ')}]\n`);
    for (const k of Object.keys(user.extra ?? {}).sort()) w.write(`Extra: ${k}\t[${(user.extra ?? {})[k].join(' ')}]\n`);
    inv.ctx.stdout(w.flush());
    return 0;
  },
};
