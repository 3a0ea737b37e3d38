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
 * A rejected save reopens the file with the server's reasons on top, as kubectl does.
 * NOTE: kubectl edits several objects in one List document; here each is edited in turn.
 */
import { parse as parseYAML } from 'yaml';
import { createMergePatch, createTwoWayMergePatch, patchMetaFor, type JSONObject } from '../../core/api/patch/index.ts';
import { deepEqual } from '../../core/api/equality.ts';
import { isStatusError } from '../../core/api/status.ts';
import type { KubeObject } from '../../core/api/types.ts';
import type { ResourceDefinition } from '../../core/client/client.ts';
import type { Invocation, KubectlCommand } from '../command.ts';
import { CommandError } from '../errors.ts';
import { printObjects, stripForOutput } from '../output.ts';
import { groupResource, qualifiedName } from '../mapper.ts';
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
    const err = await editOne(inv, def, object, output === 'json' ? 'json' : 'yaml');
    if (err) errors.push(err);
  }
  return reportErrors(inv, errors);
}

/**
 * editOne opens one object, and reopens it with the server's complaint on top while the
 * saved version is rejected (editoptions.go's loop), until it is saved, unchanged or cancelled.
 */
async function editOne(inv: Invocation, def: ResourceDefinition, object: KubeObject, format: 'yaml' | 'json'): Promise<unknown> {
  const { ctx, flags } = inv;
  const original = stripForOutput(withTypeMeta(def, object));
  const path = `/tmp/kubectl-edit-${def.resource}-${object.metadata.name}.${format}`;
  let text = EDIT_HEADER + printObjects(format, [original], false);
  let failed = false;
  for (;;) {
    const edited = await ctx.edit!(text, path);
    if (edited === undefined || edited === text) return cancelled(ctx, failed, 'Edit cancelled, no changes made.');
    const body = edited
      .split('\n')
      .filter((l) => !l.trimStart().startsWith('#'))
      .join('\n');
    if (body.trim() === '') return cancelled(ctx, failed, 'Edit cancelled, saved file was empty.');
    let changed: KubeObject;
    try {
      changed = parseYAML(body) as KubeObject;
    } catch (err) {
      text = withReasons(EDIT_HEADER, [`The edited file had a syntax error: ${(err as Error).message}`]) + body;
      failed = true;
      continue;
    }
    if (deepEqual(changed, original)) return cancelled(ctx, failed, 'Edit cancelled, no changes made.');
    if (changed.kind !== original.kind || changed.metadata?.name !== original.metadata.name) {
      return new CommandError('error: At least one of apiVersion, kind and name was changed');
    }
    try {
      const strategic = patchMetaFor(def.kind) !== undefined;
      const patch = strategic
        ? createTwoWayMergePatch(original as unknown as JSONObject, changed as unknown as JSONObject, def.kind)
        : createMergePatch(original, changed);
      const result = ctx.client.patch(def, object.metadata.namespace ?? '', object.metadata.name ?? '', strategic ? 'strategic' : 'merge', patch, {
        fieldManager: flags.string('field-manager') || 'kubectl-edit',
      });
      ctx.stdout(`${qualifiedName(def, result.metadata?.name ?? '')} edited\n`);
      return undefined;
    } catch (err) {
      if (!isStatusError(err) || err.status.reason !== 'Invalid') return err;
      const causes = (err.status.details?.causes ?? []).map((c) => (c.field ? `${c.field}: ${c.message}` : (c.message ?? '')));
      text = withReasons(EDIT_HEADER, [`${groupResource(def)} "${object.metadata.name}" was not valid:`, ...causes.map((c) => `* ${c}`)]) + body;
      failed = true;
    }
  }
}

/** withReasons puts kubectl's error block under the header of a reopened file. */
function withReasons(header: string, lines: string[]): string {
  return `${header}${lines.map((l) => `# ${l}\n`).join('')}#\n`;
}

/** cancelled reports a cancelled edit; after a rejected save it is an error, as in kubectl. */
function cancelled(ctx: Invocation['ctx'], failed: boolean, message: string): unknown {
  if (!failed) {
    ctx.stderr(`${message}\n`);
    return undefined;
  }
  return new CommandError('error: Edit cancelled, no valid changes were saved.');
}
