/**
 * kubectl set selector (set/set_selector.go): replace a Service's spec.selector with the
 * equality terms of EXPRESSIONS (the last argument) → `service/web selector updated`.
 *
 * Upstream's order: the selector is parsed in Complete (parse errors first), Validate
 * wants one, then each visited object is changed on a typed copy and the difference is
 * sent as a strategic merge patch under field manager kubectl-set. Unlike `set image`
 * there is no "nothing changed" shortcut: every object is patched and printed. With
 * --resource-version the patch carries metadata.resourceVersion, a precondition the
 * server answers with 409 Conflict when the object has moved on. Errors are collected
 * across objects (ContinueOnError) and printed together at the end.
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { createTwoWayMergePatch, type JSONObject } from '../../../core/api/patch/index.ts';
import type { KubeObject } from '../../../core/api/types.ts';
import type { Invocation, KubectlCommand } from '../../command.ts';
import { CommandError } from '../../errors.ts';
import { goRequirements, parseToLabelSelector } from '../../labelSelectorArg.ts';
import { checkOutput, dryRunStrategy, printWritten, reportErrors, withTypeMeta } from '../objectWrites.ts';
import { NO_RESOURCES, visitObjects } from '../visit.ts';
import { inTypedOrder } from '../../typedOrder.ts';
import { withTypedZeroValues } from './typedZeroValues.ts';

/** LOCAL_RESOURCE_ERROR is resource.LocalResourceError: TYPE NAME arguments with --local. */
export const LOCAL_RESOURCE_ERROR =
  "error: you must specify resources by --filename when --local is set.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'";

export const selector: KubectlCommand = {
  name: 'selector',
  short: 'Set the selector on a resource',
  run: runSetSelector,
};

function runSetSelector(inv: Invocation): number {
  const { ctx, flags } = inv;
  const dryRun = dryRunStrategy(flags);
  const resources = inv.args.slice(0, -1);
  const wanted = inv.args.length > 0 ? parseToLabelSelector(inv.args[inv.args.length - 1]) : undefined;
  checkOutput(inv);
  if (!wanted) throw new CommandError('error: one selector is required');

  const local = flags.bool('local');
  const writeToServer = !local && dryRun !== 'client';
  const resourceVersion = flags.string('resource-version');
  // ResourceBuilderFlags.ToBuilder: names are a server-side notion; without -f there is nothing to read.
  if (local && resources.length > 0) throw new CommandError(LOCAL_RESOURCE_ERROR);
  if (local && flags.strings('filename').length === 0) throw new CommandError(NO_RESOURCES);
  const { found, errors } = visitObjects(inv, { args: resources, local, requireNames: true });
  for (const f of found) {
    const original = structuredClone(withTypeMeta(f.def, f.object)) as KubeObject;
    // An explicit --resource-version must reach the patch even when it equals the current one.
    if (resourceVersion !== '') original.metadata = { ...original.metadata, resourceVersion: '' };
    const changed = structuredClone(original);
    if (resourceVersion !== '') changed.metadata.resourceVersion = resourceVersion;
    try {
      updateSelectorForObject(changed, wanted);
    } catch (err) {
      errors.push(err);
      continue;
    }
    if (!writeToServer) {
      printWritten(inv, f.def, withTypedZeroValues(changed), 'selector updated', dryRun);
      continue;
    }
    const patch = createTwoWayMergePatch(original as unknown as JSONObject, changed as unknown as JSONObject, f.def.kind);
    try {
      const result = ctx.client.patch(f.def, f.object.metadata.namespace ?? '', f.object.metadata.name ?? '', 'strategic', patch, {
        fieldManager: flags.string('field-manager') || 'kubectl-set',
        dryRun: dryRun === 'server',
      });
      printWritten(inv, f.def, inTypedOrder(result), 'selector updated', dryRun);
    } catch (err) {
      errors.push(err);
    }
  }
  return reportErrors(inv, errors);
}

/** updateSelectorForObject replaces a Service's selector; other kinds have none kubectl may set. */
function updateSelectorForObject(obj: KubeObject, wanted: Required<Pick<LabelSelector, 'matchLabels' | 'matchExpressions'>>): void {
  if (obj.kind !== 'Service') throw new CommandError('error: setting a selector is only supported for Services');
  if (wanted.matchExpressions.length > 0) {
    throw new CommandError(`error: match expression ${goRequirements(wanted.matchExpressions)} not supported on this object`);
  }
  const spec = ((obj as { spec?: Record<string, unknown> }).spec ??= {});
  // An empty map is omitted by the typed encoder: the selector goes away.
  if (Object.keys(wanted.matchLabels).length > 0) spec.selector = { ...wanted.matchLabels };
  else delete spec.selector;
}
