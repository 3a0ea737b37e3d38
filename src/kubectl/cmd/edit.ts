/**
 * kubectl edit (staging/src/k8s.io/kubectl/pkg/cmd/edit/edit.go, cmd/util/editor/editoptions.go).
 *
 * Opens the live object as YAML (with kubectl's header comment) in the playground's
 * editor (`ctx.edit`), then sends the difference as a strategic merge patch (JSON merge
 * patch for kinds without strategic metadata) under field manager kubectl-edit:
 * `deployment.apps/web edited`. Saving it unchanged prints `Edit cancelled, no changes
 * made.`; an empty file `Edit cancelled, saved file was empty.`. Without an editor (the
 * headless CLI) the command fails plainly instead of pretending.
 *
 * NOTE: kubectl edits several objects in one List document and reopens the file with the
 * errors on a failed save; here each object is edited in turn and errors are printed.
 */
import { parse as parseYAML } from 'yaml';
import { createMergePatch, createTwoWayMergePatch, patchMetaFor, type JSONObject } from '../../core/api/patch/index.ts';
import { deepEqual } from '../../core/api/equality.ts';
import type { KubeObject } from '../../core/api/types.ts';
import type { Invocation, KubectlCommand } from '../command.ts';
import { CommandError } from '../errors.ts';
import { printObjects, stripForOutput } from '../output.ts';
import { qualifiedName } from '../mapper.ts';
import { reportErrors, withTypeMeta } from './objectWrites.ts';
import { NO_RESOURCES, visitObjects } from './visit.ts';

export const edit: KubectlCommand = {
  name: 'edit',
  short: 'Edit a resource on the server',
  run: runEdit,
};

/** EDIT_HEADER is the comment kubectl puts above the object. */
export const EDIT_HEADER =
  "# Please edit the object below. Lines beginning with a '#' will be ignored,\n" +
  '# and an empty file will abort the edit. If an error occurs while saving this file will be\n' +
  '# reopened with the relevant failures.\n#\n';

async function runEdit(inv: Invocation): Promise<number> {
  const { ctx, flags } = inv;
  if (inv.args.length === 0 && flags.strings('filename').length === 0) throw new CommandError(NO_RESOURCES);
  if (!ctx.edit) {
    throw new CommandError("error: kubectl edit needs the playground's editor; use kubectl patch or apply here");
  }
  const output = flags.string('output') || 'yaml';
  const { found, errors } = visitObjects(inv, { args: inv.args });
  if (found.length === 0 && errors.length === 0) throw new CommandError('error: no objects passed to edit');
  for (const { def, object } of found) {
    const original = stripForOutput(withTypeMeta(def, object));
    const text = EDIT_HEADER + printObjects(output === 'json' ? 'json' : 'yaml', [original], false);
    const path = `/tmp/kubectl-edit-${def.resource}-${object.metadata.name}.${output === 'json' ? 'json' : 'yaml'}`;
    const edited = await ctx.edit(text, path);
    if (edited === undefined || edited === text) {
      ctx.stderr('Edit cancelled, no changes made.\n');
      continue;
    }
    const body = edited
      .split('\n')
      .filter((l) => !l.trimStart().startsWith('#'))
      .join('\n');
    if (body.trim() === '') {
      ctx.stderr('Edit cancelled, saved file was empty.\n');
      continue;
    }
    let changed: KubeObject;
    try {
      changed = parseYAML(body) as KubeObject;
    } catch (err) {
      errors.push(new CommandError(`error: ${(err as Error).message}`));
      continue;
    }
    if (deepEqual(changed, original)) {
      ctx.stderr('Edit cancelled, no changes made.\n');
      continue;
    }
    try {
      if (changed.kind !== original.kind || changed.metadata?.name !== original.metadata.name) {
        throw new CommandError('error: At least one of apiVersion, kind and name was changed');
      }
      const strategic = patchMetaFor(def.kind) !== undefined;
      const patch = strategic
        ? createTwoWayMergePatch(original as unknown as JSONObject, changed as unknown as JSONObject, def.kind)
        : createMergePatch(original, changed);
      const result = ctx.client.patch(def, object.metadata.namespace ?? '', object.metadata.name ?? '', strategic ? 'strategic' : 'merge', patch, {
        fieldManager: flags.string('field-manager') || 'kubectl-edit',
      });
      ctx.stdout(`${qualifiedName(def, result.metadata?.name ?? '')} edited\n`);
    } catch (err) {
      errors.push(err);
    }
  }
  return reportErrors(inv, errors);
}
