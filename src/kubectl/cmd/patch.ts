/**
 * kubectl patch (staging/src/k8s.io/kubectl/pkg/cmd/patch/patch.go).
 *
 * `-p`/`--patch-file` in JSON or YAML, `--type=strategic|merge|json`, `--subresource`,
 * `--local -f` (patched offline and printed), `--dry-run`. Prints `deployment.apps/web
 * patched`, or `patched (no change)` when the server kept the object as it was.
 */
import { parse as parseYAML } from 'yaml';
import { applyJsonPatch, applyMergePatch, applyStrategicMergePatch } from '../../core/api/patch/index.ts';
import type { KubeObject } from '../../core/api/types.ts';
import type { PatchType } from '../../core/client/client.ts';
import type { Invocation, KubectlCommand } from '../command.ts';
import { CommandError } from '../errors.ts';
import { checkOutput, dryRunStrategy, printWritten, reportErrors } from './objectWrites.ts';
import { visitObjects } from './visit.ts';

export const patch: KubectlCommand = {
  name: 'patch',
  short: 'Update fields of a resource',
  run: runPatch,
};

const PATCH_TYPES = ['json', 'merge', 'strategic'];

function runPatch(inv: Invocation): number {
  const { ctx, flags } = inv;
  let text = flags.string('patch');
  const file = flags.string('patch-file');
  if (text !== '' && file !== '') throw new CommandError('error: cannot specify --patch and --patch-file together');
  if (file !== '') text = ctx.fs.read(file, ctx.cwd);
  if (text === '') throw new CommandError('error: must specify --patch or --patch-file containing the contents of the patch');
  const type = (flags.string('type') || 'strategic').toLowerCase();
  if (!PATCH_TYPES.includes(type)) throw new CommandError(`error: --type must be one of [json merge strategic], not "${flags.string('type')}"`);
  checkOutput(inv);
  const body = parsePatch(text);
  const local = flags.bool('local');
  const dryRun = dryRunStrategy(flags);
  const subresource = flags.string('subresource');
  if (subresource !== '' && !['status', 'scale'].includes(subresource)) {
    throw new CommandError(`error: invalid subresource value: "${subresource}". Must be one of [status scale]`);
  }
  if (local && dryRun !== 'none') throw new CommandError('error: cannot specify --local and --dry-run - local updates are always dry run');
  const { found, errors } = visitObjects(inv, { args: inv.args, local, requireNames: true });
  if (found.length === 0 && errors.length === 0 && !local) throw new CommandError('error: no objects passed to patch');

  for (const { def, object } of found) {
    try {
      if (local || dryRun === 'client') {
        const patched = patchLocally(object, type as PatchType, body, def.kind);
        if (flags.string('output') !== '' || !local) printWritten(inv, def, patched, 'patched', dryRun);
        else printWritten(inv, def, patched, 'patched', 'none');
        continue;
      }
      const ns = object.metadata.namespace ?? '';
      const name = object.metadata.name ?? '';
      const before = subresource === 'scale' ? ctx.client.getScale(def, ns, name) : object;
      const result = ctx.client.patch(def, ns, name, type as PatchType, body, { fieldManager: flags.string('field-manager') || 'kubectl-patch', dryRun: dryRun === 'server' }, subresource);
      const changed = result.metadata?.resourceVersion !== before.metadata.resourceVersion || dryRun === 'server';
      if (flags.string('output') !== '') printWritten(inv, def, result, 'patched', dryRun);
      else printWritten(inv, def, result, changed ? 'patched' : 'patched (no change)', dryRun);
    } catch (err) {
      errors.push(err);
    }
  }
  return reportErrors(inv, errors);
}

/** parsePatch reads the patch as JSON, or YAML as kubectl's yaml.ToJSON allows. */
function parsePatch(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    try {
      return parseYAML(text);
    } catch (err) {
      throw new CommandError(`error: unable to parse "${text}": ${(err as Error).message}`);
    }
  }
}

/** patchLocally applies the patch without the server (--local, --dry-run=client). */
function patchLocally(object: KubeObject, type: PatchType, body: unknown, kind: string): KubeObject {
  switch (type) {
    case 'json':
      return applyJsonPatch(object, body) as KubeObject;
    case 'merge':
      return applyMergePatch(object, body) as KubeObject;
    default:
      return applyStrategicMergePatch(object, body, kind) as unknown as KubeObject;
  }
}
