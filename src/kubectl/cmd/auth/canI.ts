/**
 * kubectl auth can-i (staging/src/k8s.io/kubectl/pkg/cmd/auth/cani.go). It asks the API
 * server with a SelfSubjectAccessReview and prints `yes`, or `no` (plus the reason, if the
 * server gave one) and exits 1. `--list` asks for a SelfSubjectRulesReview of the namespace
 * and prints its rules broken down, compacted and sorted like `describe role`. Warnings
 * (unknown resource types and verbs, cluster-scoped resources) go to stderr as upstream's
 * WarningPrinter writes them, even with --quiet.
 */
import type { PolicyRule } from 'kubernetes-types/rbac/v1';
import type { KubeObject } from '../../../core/api/types.ts';
import type { Invocation, KubectlCommand } from '../../command.ts';
import { accessRules, combineResourceGroup } from '../../describe/rbac.ts';
import { CommandError } from '../../errors.ts';
import { TabWriter } from '../../printers/tabwriter.ts';

const RESOURCE_VERBS = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection', 'use', 'bind', 'impersonate', '*', 'approve', 'sign', 'escalate', 'attest'];
const NON_RESOURCE_VERBS = ['get', 'put', 'post', 'head', 'options', 'delete', 'patch', '*'];
/** NON_STANDARD_RESOURCE_NAMES are resources RBAC knows that discovery does not list (no warning). */
const NON_STANDARD_RESOURCE_NAMES = ['users', 'groups'];

const SSAR = { group: 'authorization.k8s.io', resource: 'selfsubjectaccessreviews' };
const SSRR = { group: 'authorization.k8s.io', resource: 'selfsubjectrulesreviews' };

/** canI is `kubectl auth can-i VERB [TYPE | TYPE/NAME | NONRESOURCEURL]`. */
export const canI: KubectlCommand = {
  name: 'can-i',
  short: 'Check whether an action is allowed',
  run: runCanI,
};

interface Target {
  group: string;
  resource: string;
  name: string;
  nonResourceURL: string;
}

function warn(inv: Invocation, message: string): void {
  inv.ctx.stderr(`Warning: ${message}\n\n`);
}

/** resourceFor is cani.go's resourceFor: map the word through discovery, warn when unknown. */
function resourceFor(inv: Invocation, word: string): { group: string; resource: string; namespaced?: boolean } {
  if (word === '*') return { group: '', resource: '*' };
  const lower = word.toLowerCase();
  const def = inv.mapper.find(lower);
  if (def) return { group: def.group, resource: def.resource, namespaced: def.namespaced };
  const dot = lower.indexOf('.');
  const resource = dot < 0 ? lower : lower.slice(0, dot);
  const group = dot < 0 ? '' : lower.slice(dot + 1);
  if (!NON_STANDARD_RESOURCE_NAMES.includes(lower)) {
    warn(inv, group ? `the server doesn't have a resource type '${resource}' in group '${group}'` : `the server doesn't have a resource type '${resource}'`);
  }
  return { group: '', resource: word };
}

function runCanI(inv: Invocation): number {
  const { flags } = inv;
  const quiet = flags.bool('quiet');
  const allNamespaces = flags.bool('all-namespaces');
  const subresource = flags.string('subresource');
  if (flags.bool('list')) {
    if (inv.args.length !== 0) throw new CommandError('error: list option must be specified with no arguments');
    if (quiet || allNamespaces || subresource !== '') {
      throw new CommandError("error: list option can't be specified with neither quiet, all-namespaces nor subresource options");
    }
    return runAccessList(inv);
  }
  if (inv.args.length !== 2) {
    throw new CommandError("error: you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'kubectl auth can-i -h' for help and examples.");
  }
  const [verb, arg] = inv.args;
  const target: Target = { group: '', resource: '', name: '', nonResourceURL: '' };
  let namespaced: boolean | undefined;
  if (arg.startsWith('/')) {
    target.nonResourceURL = arg;
  } else {
    const slash = arg.indexOf('/');
    const r = resourceFor(inv, slash < 0 ? arg : arg.slice(0, slash));
    Object.assign(target, { group: r.group, resource: r.resource, name: slash < 0 ? '' : arg.slice(slash + 1) });
    namespaced = r.namespaced;
  }
  // Validate, in cani.go's order.
  if (target.nonResourceURL) {
    if (subresource) throw new CommandError('error: --subresource can not be used with NonResourceURL');
    if (!NON_RESOURCE_VERBS.includes(verb)) warn(inv, `verb '${verb}' is not a known verb`);
  } else if (target.resource && !allNamespaces) {
    if (namespaced === false) {
      warn(inv, target.group ? `resource '${target.resource}' is not namespace scoped in group '${target.group}'` : `resource '${target.resource}' is not namespace scoped`);
    }
    if (!RESOURCE_VERBS.includes(verb)) warn(inv, `verb '${verb}' is not a known verb`);
  }
  if (flags.bool('no-headers')) throw new CommandError('error: --no-headers cannot be set without --list specified');

  const spec = target.nonResourceURL
    ? { nonResourceAttributes: { path: target.nonResourceURL, verb } }
    : {
        resourceAttributes: {
          namespace: allNamespaces ? '' : inv.namespace,
          verb,
          group: target.group,
          resource: target.resource,
          subresource,
          name: target.name,
        },
      };
  const review = inv.ctx.client.create(SSAR, '', { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', metadata: {}, spec });
  const status = (review.status ?? {}) as { allowed?: boolean; reason?: string; evaluationError?: string };
  if (status.allowed) {
    if (!quiet) inv.ctx.stdout('yes\n');
    return 0;
  }
  let line = 'no';
  if (status.reason) line += ` - ${status.reason}`;
  if (status.evaluationError) line += ` - ${status.evaluationError}`;
  if (!quiet) inv.ctx.stdout(`${line}\n`);
  return 1;
}

/** runAccessList is RunAccessList + printStatus. */
function runAccessList(inv: Invocation): number {
  const review: KubeObject = inv.ctx.client.create(SSRR, '', {
    apiVersion: 'authorization.k8s.io/v1',
    kind: 'SelfSubjectRulesReview',
    metadata: {},
    spec: { namespace: inv.namespace },
  });
  const status = (review.status ?? {}) as {
    resourceRules?: PolicyRule[];
    nonResourceRules?: PolicyRule[];
    incomplete?: boolean;
    evaluationError?: string;
  };
  if (status.incomplete) inv.ctx.stderr(`warning: the list may be incomplete: ${status.evaluationError ?? ''}\n`);
  const rules: PolicyRule[] = [
    ...(status.resourceRules ?? []).map((r) => ({ verbs: r.verbs, apiGroups: r.apiGroups, resources: r.resources, resourceNames: r.resourceNames })),
    ...(status.nonResourceRules ?? []).map((r) => ({ verbs: r.verbs, nonResourceURLs: r.nonResourceURLs })),
  ];
  const list = (l: string[] | undefined): string => `[${(l ?? []).join(' ')}]`;
  const w = new TabWriter();
  if (!inv.flags.bool('no-headers')) w.write('Resources\tNon-Resource URLs\tResource Names\tVerbs\n');
  for (const r of accessRules(rules)) {
    w.write(`${combineResourceGroup(r.resources, r.apiGroups)}\t${list(r.nonResourceURLs)}\t${list(r.resourceNames)}\t${list(r.verbs)}\n`);
  }
  inv.ctx.stdout(w.flush());
  return 0;
}
