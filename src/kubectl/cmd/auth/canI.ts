/**
 * kubectl auth can-i (staging/src/k8s.io/kubectl/pkg/cmd/auth/cani.go). The terminal's user
 * is kubeadm's kubernetes-admin (group kubeadm:cluster-admins, bound to cluster-admin), so
 * every SelfSubjectAccessReview is allowed: the answer is `yes`, with the warnings kubectl
 * prints on its own (cluster-scoped resources, unknown types, unknown verbs). `--list`
 * prints the SelfSubjectRulesReview of cluster-admin.
 */
import type { Invocation, KubectlCommand } from '../../command.ts';
import { CommandError } from '../../errors.ts';
import { TabWriter } from '../../printers/tabwriter.ts';

const KNOWN_VERBS = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection', 'use', 'bind', 'impersonate', '*', 'approve', 'sign', 'escalate', 'attest'];

/** ADMIN_RULES are cluster-admin's resource and non-resource rules as the API server reports them. */
const ADMIN_RULES: Array<[string, string, string, string]> = [
  ['*.*', '[]', '[]', '[*]'],
  ['', '[*]', '[]', '[*]'],
  ['selfsubjectreviews.authentication.k8s.io', '[]', '[]', '[create]'],
  ['selfsubjectaccessreviews.authorization.k8s.io', '[]', '[]', '[create]'],
  ['selfsubjectrulesreviews.authorization.k8s.io', '[]', '[]', '[create]'],
  ...['/api/*', '/api', '/apis/*', '/apis', '/healthz', '/healthz', '/livez', '/livez', '/openapi/*', '/openapi', '/readyz', '/readyz', '/version/', '/version/', '/version', '/version'].map(
    (url): [string, string, string, string] => ['', `[${url}]`, '[]', '[get]'],
  ),
];

/** canI is `kubectl auth can-i VERB [TYPE | TYPE/NAME | NONRESOURCEURL]`. */
export const canI: KubectlCommand = {
  name: 'can-i',
  short: 'Check whether an action is allowed',
  run: runCanI,
};

function runCanI(inv: Invocation): number {
  const { ctx, flags } = inv;
  const quiet = flags.bool('quiet');
  if (flags.bool('list')) {
    if (inv.args.length !== 0) throw new CommandError('error: list option must be specified with no arguments');
    if (quiet || flags.bool('all-namespaces') || flags.string('subresource') !== '') {
      throw new CommandError("error: list option can't be specified with neither quiet, all-namespaces nor subresource options");
    }
    const w = new TabWriter();
    if (!flags.bool('no-headers')) w.write('Resources\tNon-Resource URLs\tResource Names\tVerbs\n');
    for (const row of ADMIN_RULES) w.write(`${row.join('\t')}\n`);
    ctx.stdout(w.flush());
    return 0;
  }
  if (inv.args.length < 2 || inv.args.length > 3) {
    throw new CommandError("error: you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'kubectl auth can-i -h' for help and examples.");
  }
  const [verb, target] = inv.args;
  if (target.startsWith('/')) {
    if (!['get', 'put', 'post', 'head', 'options', 'delete', 'patch', '*'].includes(verb)) {
      if (!quiet) ctx.stderr(`Warning: verb '${verb}' is not a known verb\n`);
    }
  } else {
    if (!KNOWN_VERBS.includes(verb) && !quiet) ctx.stderr(`Warning: verb '${verb}' is not a known verb\n`);
    const word = target.split('/')[0];
    if (word !== '*') {
      const def = inv.mapper.find(word);
      if (!def) {
        if (!quiet) ctx.stderr(`Warning: the server doesn't have a resource type '${word}'\n\n`);
      } else if (!def.namespaced && !quiet && !flags.bool('all-namespaces')) {
        ctx.stderr(`Warning: resource '${def.group ? `${def.resource}.${def.group}` : def.resource}' is not namespace scoped\n\n`);
      }
    }
  }
  if (!quiet) ctx.stdout('yes\n');
  return 0;
}
