/**
 * kubectl taint (staging/src/k8s.io/kubectl/pkg/cmd/taint/taint.go): add, change or remove
 * node taints. `kubectl taint nodes node01 key=value:NoSchedule`, `key:NoSchedule-`, `key-`,
 * `--overwrite`, `--all`, `-l`. Each node is PATCHed (strategic merge, field manager
 * kubectl-taint) with its whole new taint list and reported as `node/x tainted`,
 * `untainted` or `modified`.
 */
import type { KubeObject } from '../../../core/api/types.ts';
import { NODES } from '../../../core/client/client.ts';
import type { Invocation, KubectlCommand } from '../../command.ts';
import { CommandError, UsageFailure } from '../../errors.ts';
import { dryRunStrategy, printWritten, reportErrors } from '../objectWrites.ts';
import { parseTaints, reorganizeTaints, taintsAlreadyExisting, type Taint } from './taintSpec.ts';

/** taint is `kubectl taint NODE NAME KEY_1=VAL_1:TAINT_EFFECT_1 ...`. */
export const taint: KubectlCommand = {
  name: 'taint',
  short: 'Update the taints on one or more nodes',
  run: runTaint,
};

function runTaint(inv: Invocation): number {
  const { ctx, flags } = inv;
  const resources: string[] = [];
  const taintArgs: string[] = [];
  for (const s of inv.args) {
    const isTaint = s.includes('=') || s.includes(':') || s.endsWith('-');
    if (isTaint) taintArgs.push(s);
    else if (taintArgs.length > 0) throw new CommandError(`error: all resources must be specified before taint changes: ${s}`);
    else resources.push(s);
  }
  if (resources.length < 1) throw new CommandError('error: one or more resources must be specified as <resource> <name>');
  if (taintArgs.length < 1) throw new CommandError('error: at least one taint update is required');
  let parsed: ReturnType<typeof parseTaints>;
  try {
    parsed = parseTaints(taintArgs);
  } catch (err) {
    throw new UsageFailure((err as Error).message);
  }
  const def = inv.mapper.find(resources[0]);
  if (!def) throw new CommandError(`error: the server doesn't have a resource type "${resources[0].toLowerCase()}"`);
  if (def.kind !== 'Node') throw new CommandError(`error: invalid resource type ${resources[0].toLowerCase()}, only node types are supported`);
  const conflicts: string[] = [];
  for (const a of parsed.add) {
    for (const r of parsed.remove) {
      if (a.key === r.key && (!r.effect || a.effect === r.effect)) conflicts.push(`${r.key}=${r.effect ?? ''}`);
    }
  }
  if (conflicts.length > 0) throw new CommandError(`error: can not both modify and remove the following taint(s) in the same command: ${conflicts.join(', ')}`);
  const all = flags.bool('all');
  const selector = flags.string('selector');
  if (all && selector !== '') throw new CommandError("error: setting 'all' parameter with a label selector is not allowed");
  if (!all && selector === '' && resources.length < 2) {
    throw new CommandError("error: at least one resource name must be specified since 'all' parameter is not set");
  }
  const dryRun = dryRunStrategy(flags);

  const errors: unknown[] = [];
  for (const node of targets(inv, resources.slice(1), all, selector, errors)) {
    try {
      taintOne(inv, node, parsed, dryRun);
    } catch (err) {
      errors.push(err);
    }
  }
  return reportErrors(inv, errors);

  function taintOne(inv: Invocation, node: KubeObject, p: typeof parsed, dry: typeof dryRun): void {
    const name = node.metadata.name ?? '';
    const old = ((node.spec as { taints?: Taint[] } | undefined)?.taints ?? []) as Taint[];
    const overwrite = flags.bool('overwrite');
    if (!overwrite) {
      const exists = taintsAlreadyExisting(old, p.add);
      if (exists !== '') throw new CommandError(`error: node ${name} already has ${exists} taint(s) with same effect(s) and --overwrite is false`);
    }
    const { operation, taints, errors: errs } = reorganizeTaints(old, overwrite, p.add, p.remove);
    if (errs.length > 0) throw new CommandError(`error: ${errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`}`);
    let result: KubeObject = { ...node, spec: { ...(node.spec as object), taints } };
    if (dry !== 'client') {
      result = ctx.client.patch(NODES, '', name, 'strategic', { spec: { taints: taints.length > 0 ? taints : null } }, {
        fieldManager: flags.string('field-manager') || 'kubectl-taint',
        dryRun: dry === 'server',
      });
    }
    printWritten(inv, def!, result, operation, dry);
  }
}

/** targets are the named nodes (NotFound collected like the builder's ContinueOnError), or all/selected ones. */
function targets(inv: Invocation, names: string[], all: boolean, selector: string, errors: unknown[]): KubeObject[] {
  if (all || selector !== '') return [...inv.ctx.client.list(NODES, undefined, { labelSelector: selector }).items];
  const out: KubeObject[] = [];
  for (const n of names) {
    try {
      out.push(inv.ctx.client.get(NODES, '', n));
    } catch (err) {
      errors.push(err);
    }
  }
  return out;
}
