/**
 * podSpecUpdate: the common body of `kubectl set image|env|resources`
 * (set/helper.go CalculatePatches, polymorphichelpers/updatepodspec.go).
 *
 * Each object's pod spec is changed on a copy; the difference becomes a strategic merge
 * patch sent under field manager kubectl-set. An empty patch means nothing to do (no
 * output). With --local or --dry-run=client the changed object is printed instead.
 */
import type { PodSpec } from 'kubernetes-types/core/v1';
import { isStatusError } from '../../../core/api/status.ts';
import { createTwoWayMergePatch } from '../../../core/api/patch/index.ts';
import type { JSONObject } from '../../../core/api/patch/index.ts';
import type { KubeObject } from '../../../core/api/types.ts';
import type { Invocation } from '../../command.ts';
import { CommandError } from '../../errors.ts';
import { qualifiedName } from '../../mapper.ts';
import { checkOutput, dryRunStrategy, printWritten, reportErrors } from '../objectWrites.ts';
import { NO_RESOURCES, visitObjects, type Found } from '../visit.ts';
import { inTypedOrder } from '../../typedOrder.ts';
import { withTypedZeroValues } from './typedZeroValues.ts';

/** podSpecOf finds the pod spec inside a workload (UpdatePodSpecForObject); undefined if it has none. */
export function podSpecOf(obj: KubeObject): PodSpec | undefined {
  const o = obj as { kind?: string; spec?: Record<string, unknown> };
  switch (o.kind) {
    case 'Pod':
      return o.spec as PodSpec | undefined;
    case 'CronJob':
      return ((o.spec?.jobTemplate as { spec?: { template?: { spec?: PodSpec } } } | undefined)?.spec?.template?.spec);
    case 'Deployment':
    case 'ReplicaSet':
    case 'DaemonSet':
    case 'StatefulSet':
    case 'Job':
    case 'ReplicationController':
      return (o.spec?.template as { spec?: PodSpec } | undefined)?.spec;
    default:
      return undefined;
  }
}

/** PodSpecUpdate says how a set subcommand changes one object's pod spec. */
export interface PodSpecUpdate {
  /** message is what follows the name: "image updated". */
  message: string;
  /** change edits the spec in place; it may push errors (and still change other containers). */
  change(spec: PodSpec, found: Found, errors: unknown[]): void;
  /** args are the resource words (after removing the command's own pairs). */
  args: string[];
  /** validate is the command's Validate, which kubectl runs after reading the objects. */
  validate?(): void;
  /**
   * patchUnchanged sends (and prints) even an empty patch: `set serviceaccount` has no
   * "no changes" check, unlike `set image|env|resources`.
   */
  patchUnchanged?: boolean;
  /** localIgnoresArgs: with --local, resource words are dropped instead of refused (`set serviceaccount`'s own builder). */
  localIgnoresArgs?: boolean;
  /** patchErrorPrefix words a failed patch (`failed to patch ServiceAccountName `); unset, the server's error prints as is. */
  patchErrorPrefix?: string;
}

/** runPodSpecUpdate visits the objects, patches each changed one, and reports. */
export function runPodSpecUpdate(inv: Invocation, update: PodSpecUpdate): number {
  const { ctx, flags } = inv;
  checkOutput(inv);
  const local = flags.bool('local');
  const dryRun = dryRunStrategy(flags);
  if (local && dryRun === 'server') throw new CommandError('error: cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
  if (local && update.localIgnoresArgs && flags.strings('filename').length === 0) throw new CommandError(NO_RESOURCES);
  if (local && update.args.length > 0 && !update.localIgnoresArgs) {
    throw new CommandError("error: you must specify resources by --filename when --local is set.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'");
  }
  const { found, errors } = visitObjects(inv, { args: local ? [] : update.args, local, requireNames: true });
  // set's Complete reads every object first (Builder.Infos): one lookup error stops them all.
  if (errors.length > 0) return reportErrors(inv, errors);
  update.validate?.();
  for (const f of found) {
    const original = withKind(f);
    const changed = structuredClone(original);
    const spec = podSpecOf(changed);
    if (!spec) {
      // set's helper wraps it as "error: NAME ERR\n"; several are printed with a blank line after each.
      errors.push(new CommandError(`error: ${qualifiedName(f.def, f.object.metadata.name ?? '')} the object is not a pod or does not have a pod template: *v1.${f.def.kind}\n`));
      continue;
    }
    update.change(spec, f, errors);
    const patch = createTwoWayMergePatch(original as unknown as JSONObject, changed as unknown as JSONObject, f.def.kind);
    if (Object.keys(patch).length === 0 && !update.patchUnchanged) continue;
    if (local || dryRun === 'client') {
      printWritten(inv, f.def, withTypedZeroValues(changed), update.message, local ? 'none' : dryRun);
      continue;
    }
    try {
      const result = ctx.client.patch(f.def, f.object.metadata.namespace ?? '', f.object.metadata.name ?? '', 'strategic', patch, {
        fieldManager: flags.string('field-manager') || 'kubectl-set',
        dryRun: dryRun === 'server',
      });
      printWritten(inv, f.def, inTypedOrder(result), update.message, dryRun);
    } catch (err) {
      errors.push(update.patchErrorPrefix !== undefined && isStatusError(err) ? new CommandError(`error: ${update.patchErrorPrefix}${err.status.message}`) : err);
    }
  }
  if (errors.length > 1 && errors.every((e) => e instanceof CommandError)) {
    for (const e of errors as CommandError[]) ctx.stderr(`${e.message.replace(/\n?$/, '\n')}\n`);
    return 1;
  }
  return reportErrors(inv, errors);
}

function withKind(f: Found): KubeObject {
  const o = f.object;
  if (o.kind) return o;
  return { ...o, apiVersion: f.def.group ? `${f.def.group}/${f.def.version}` : f.def.version, kind: f.def.kind };
}
