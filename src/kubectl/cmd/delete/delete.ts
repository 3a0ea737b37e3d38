/**
 * kubectl delete (staging/src/k8s.io/kubectl/pkg/cmd/delete/delete.go).
 *
 * Objects come from names (TYPE NAME..., TYPE/NAME), files (-f), or selections
 * (-l, --field-selector, --all, -A). Each gets one DELETE with the propagation policy
 * from --cascade and the grace period from --grace-period/--now/--force; kubectl prints
 * `pod "x" deleted` right after each request and then, with --wait (the default), waits
 * until every deleted object is really gone — for pods, until the kubelet has stopped
 * them within their grace period.
 */
import { isStatusError } from '../../../core/api/status.ts';
import type { ResourceDefinition } from '../../../core/client/client.ts';
import type { Invocation, KubectlCommand } from '../../command.ts';
import { CommandError } from '../../errors.ts';
import { parseGoDuration } from '../../flags.ts';
import { readManifests } from '../../manifests.ts';
import { qualifiedKind } from '../../mapper.ts';
import { parseResourceArgs } from '../../resourceArgs.ts';
import { dryRunOf, dryRunSuffix, reportErrors, resolveAll, withSource, type DryRun } from '../objectWrites.ts';

/** MISSING_RESOURCE is resource.Builder's error when nothing at all was named. */
export const MISSING_RESOURCE = `You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`;

const IMMEDIATE_WARNING =
  'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n';

/** Victim is one object to delete (resource.Info). */
export interface Victim {
  def: ResourceDefinition;
  namespace: string;
  name: string;
  source: string;
}

/** delete is `kubectl delete`. */
export const del: KubectlCommand = {
  name: 'delete',
  short: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  run: runDelete,
};

/** DeletePlan is the parsed deletion options (DeleteOptions after Complete and Validate). */
export interface DeletePlan {
  propagationPolicy: 'Background' | 'Foreground' | 'Orphan';
  /** gracePeriod is -1 for "the object's default". */
  gracePeriod: number;
  dryRun: DryRun;
  wait: boolean;
  timeoutMs: number;
}

/** deletePlan reads --cascade, --grace-period, --now, --force, --dry-run, --wait and --timeout. */
export function deletePlan(inv: Invocation): DeletePlan {
  const { flags, ctx } = inv;
  const force = flags.bool('force');
  let gracePeriod = flags.changed('grace-period') ? flags.int('grace-period') : -1;
  if (flags.bool('now')) {
    if (gracePeriod !== -1) throw new CommandError('error: --now and --grace-period cannot be specified together');
    gracePeriod = 1;
  }
  // --grace-period=0 alone used to mean "now"; kubectl keeps it safe by turning it into 1.
  if (gracePeriod === 0 && !force) gracePeriod = 1;
  if (force && gracePeriod < 0) gracePeriod = 0;
  if (force && gracePeriod > 0) throw new CommandError('error: --force and --grace-period greater than 0 cannot be specified together');
  if (force && gracePeriod === 0) ctx.stderr(IMMEDIATE_WARNING);
  const timeout = parseGoDuration(flags.string('timeout') || '0') ?? 0;
  return {
    propagationPolicy: cascadePolicy(inv),
    gracePeriod,
    dryRun: dryRunOf(inv),
    wait: flags.changed('wait') ? flags.bool('wait') : true,
    timeoutMs: timeout > 0 ? timeout : 168 * 3600 * 1000,
  };
}

/** cascadePolicy is GetCascadingStrategy: background, foreground, orphan, or the old booleans. */
export function cascadePolicy(inv: Invocation): DeletePlan['propagationPolicy'] {
  const value = (inv.flags.string('cascade') || 'background').toLowerCase();
  switch (value) {
    case 'background':
      return 'Background';
    case 'foreground':
      return 'Foreground';
    case 'orphan':
      return 'Orphan';
    case 'true':
    case 'false': {
      const replacement = value === 'true' ? 'background' : 'orphan';
      inv.ctx.stderr(`warning: --cascade=${value} is deprecated (boolean value) and can be replaced with --cascade=${replacement}.\n`);
      return value === 'true' ? 'Background' : 'Orphan';
    }
    default:
      throw new CommandError(`error: invalid cascade value (${inv.flags.string('cascade')}). Must be "background", "foreground", or "orphan"`);
  }
}

async function runDelete(inv: Invocation): Promise<number> {
  const { ctx, flags } = inv;
  const output = flags.string('output');
  if (output !== '' && output !== 'name') throw new CommandError(`error: unexpected -o output mode: ${output}. We only support '-o name'`);
  const all = flags.bool('all');
  // resource.Builder's SelectAllParam refuses first (its message ends in a space).
  if (all && (flags.string('selector') || flags.string('field-selector'))) throw new CommandError("error: setting 'all' parameter but found a non empty selector. ");
  if (flags.bool('interactive') || flags.string('raw') || flags.string('kustomize')) {
    throw new CommandError(`error: "kubectl delete ${flags.bool('interactive') ? '-i' : flags.string('raw') ? '--raw' : '-k'}" is not available in this playground yet`);
  }
  const plan = deletePlan(inv);

  const mappingErrors: unknown[] = [];
  const victims = collectVictims(inv, mappingErrors);
  const errors: unknown[] = [];
  let found = 0;
  const deleted: Array<Victim & { uid: string }> = [];
  for (const v of victims) {
    found++;
    if (plan.dryRun === 'client') {
      printDeletion(inv, v, plan);
      continue;
    }
    try {
      const opts = { propagationPolicy: plan.propagationPolicy, dryRun: plan.dryRun === 'server', ...(plan.gracePeriod >= 0 ? { gracePeriodSeconds: plan.gracePeriod } : {}) };
      const last = ctx.client.delete(v.def, v.namespace, v.name, opts);
      deleted.push({ ...v, uid: last.metadata?.uid ?? '' });
      printDeletion(inv, v, plan);
    } catch (err) {
      if (flags.bool('ignore-not-found') && isStatusError(err) && err.code === 404) continue;
      errors.push(withSource(err, 'deleting', v.source));
    }
  }
  if (errors.length + mappingErrors.length > 0) return reportErrors(inv, [...errors, ...mappingErrors]);
  if (found === 0) {
    ctx.stdout('No resources found\n');
    return 0;
  }
  if (!plan.wait || plan.dryRun !== 'none' || deleted.length === 0) return 0;
  return waitForDeletion(inv, deleted, plan.timeoutMs);
}

/** collectVictims resolves -f, names and selections into objects, setting aside objects it cannot map. */
function collectVictims(inv: Invocation, mapping: unknown[]): Victim[] {
  const { ctx, flags } = inv;
  const filenames = flags.strings('filename');
  const selector = flags.string('selector');
  const fieldSelector = flags.string('field-selector');
  const all = flags.bool('all');
  const allNamespaces = flags.bool('all-namespaces');
  const victims: Victim[] = [];
  if (filenames.length > 0) {
    const { targets, mappingErrors } = resolveAll(inv, readManifests(ctx, filenames, flags.bool('recursive')));
    mapping.push(...mappingErrors);
    return targets.map((t) => ({ def: t.def, namespace: t.namespace, name: t.name, source: t.source }));
  }
  if (inv.args.length === 0) throw new CommandError(`error: ${MISSING_RESOURCE}`);
  const requests = parseResourceArgs(inv.args, inv.mapper);
  const named = requests.some((r) => r.names.length > 0);
  const selecting = selector !== '' || fieldSelector !== '' || all;
  if (named && selecting) throw new CommandError('error: name cannot be provided when a selector is specified');
  if (!named && !selecting) throw new CommandError('error: resource(s) were provided, but no name was specified');
  if (named && allNamespaces) throw new CommandError('error: a resource cannot be retrieved by name across all namespaces');
  for (const req of requests) {
    const namespace = req.def.namespaced ? inv.namespace : '';
    if (named) {
      for (const name of req.names) victims.push({ def: req.def, namespace, name, source: '' });
      continue;
    }
    const list = ctx.client.list(req.def, req.def.namespaced && !allNamespaces ? inv.namespace : undefined, { labelSelector: selector, fieldSelector });
    for (const o of list.items) victims.push({ def: req.def, namespace: o.metadata.namespace ?? '', name: o.metadata.name ?? '', source: '' });
  }
  return victims;
}

/** printDeletion is DeleteOptions.PrintObj: `deployment.apps "web" deleted`, "force deleted", or -o name. */
function printDeletion(inv: Invocation, v: Victim, plan: DeletePlan): void {
  const kind = qualifiedKind(v.def);
  if (inv.flags.string('output') === 'name') {
    inv.ctx.stdout(`${kind}/${v.name}\n`);
    return;
  }
  const operation = plan.gracePeriod === 0 ? 'force deleted' : 'deleted';
  inv.ctx.stdout(`${kind} "${v.name}" ${operation}${dryRunSuffix(plan.dryRun)}\n`);
}

/**
 * waitForDeletion is `kubectl wait --for=delete` on what was deleted: done when each object
 * is gone or was replaced by a new one with another UID.
 */
export async function waitForDeletion(inv: Invocation, deleted: Array<Victim & { uid: string }>, timeoutMs: number): Promise<number> {
  const { ctx } = inv;
  const gone = (v: Victim & { uid: string }): boolean => {
    try {
      const cur = ctx.client.get(v.def, v.namespace, v.name);
      return v.uid !== '' && cur.metadata.uid !== v.uid;
    } catch (err) {
      if (isStatusError(err) && err.code === 404) return true;
      throw err;
    }
  };
  const done = await ctx.waitFor(() => deleted.every(gone), timeoutMs, ctx.signal);
  if (done || ctx.signal.aborted) return done ? 0 : 130;
  const left = deleted.filter((v) => !gone(v));
  for (const v of left) ctx.stderr(`error: timed out waiting for the condition on ${v.def.resource}/${v.name}\n`);
  return 1;
}
