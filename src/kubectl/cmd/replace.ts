/**
 * kubectl replace (staging/src/k8s.io/kubectl/pkg/cmd/replace/replace.go).
 *
 * PUTs each object of the files over the live one with the kubectl-replace field manager:
 * the file becomes the whole object (fields it leaves out are gone), which is the
 * difference from apply. With --force the objects are deleted, kubectl waits until they
 * are gone, and creates them again.
 */
import { isStatusError } from '../../core/api/status.ts';
import type { Invocation, KubectlCommand } from '../command.ts';
import { CommandError } from '../errors.ts';
import { parseGoDuration } from '../flags.ts';
import { readManifests } from '../manifests.ts';
import { qualifiedKind } from '../mapper.ts';
import { cascadePolicy, waitForDeletion, type Victim } from './delete/delete.ts';
import {
  LAST_APPLIED,
  checkOutput,
  dryRunOf,
  fieldValidation,
  printWritten,
  reportErrors,
  resolveAll,
  withLastApplied,
  withSource,
  type Target,
} from './objectWrites.ts';

/** replace is `kubectl replace`. */
export const replace: KubectlCommand = {
  name: 'replace',
  short: 'Replace a resource by file name or stdin',
  run: runReplace,
};

async function runReplace(inv: Invocation): Promise<number> {
  const { ctx, flags } = inv;
  const filenames = flags.strings('filename');
  if (flags.string('raw') || flags.string('kustomize')) throw new CommandError(`error: "kubectl replace ${flags.string('raw') ? '--raw' : '-k'}" is not available in this playground yet`);
  if (filenames.length === 0) throw new CommandError('error: must specify one of -f and -k');
  checkOutput(inv);
  const dryRun = dryRunOf(inv);
  const validation = fieldValidation(flags);
  const writeOpts = { fieldManager: flags.string('field-manager') || 'kubectl-replace', fieldValidation: validation, dryRun: dryRun === 'server' };
  const manifests = readManifests(ctx, filenames, flags.bool('recursive'), { validate: validation !== 'Ignore' });
  const { targets, mappingErrors } = resolveAll(inv, manifests);
  const errors: unknown[] = [];
  for (const t of targets) {
    // CreateOrUpdateAnnotation: --save-config writes the annotation, an existing one is refreshed.
    if (flags.bool('save-config') || t.object.metadata.annotations?.[LAST_APPLIED] !== undefined) t.object = withLastApplied(t.object);
  }
  if (flags.bool('force')) {
    if (mappingErrors.length > 0) return reportErrors(inv, mappingErrors);
    return forceReplace(inv, targets, writeOpts);
  }
  let printed = 0;
  for (const t of targets) {
    try {
      const replaced = dryRun === 'client' ? t.object : ctx.client.update(t.def, t.object, writeOpts);
      printWritten(inv, t.def, replaced, 'replaced', dryRun, printed++ > 0 ? '---\n' : '', true);
    } catch (err) {
      errors.push(withSource(err, 'replacing', t.source));
    }
  }
  return reportErrors(inv, [...errors, ...mappingErrors]);
}

/** forceReplace deletes every object, waits until they are gone, then creates them again. */
async function forceReplace(inv: Invocation, targets: Target[], writeOpts: { fieldManager: string; fieldValidation: 'Strict' | 'Warn' | 'Ignore'; dryRun: boolean }): Promise<number> {
  const { ctx, flags } = inv;
  const propagationPolicy = cascadePolicy(inv);
  const gracePeriod = flags.changed('grace-period') ? flags.int('grace-period') : -1;
  const deleted: Array<Victim & { uid: string }> = [];
  const errors: unknown[] = [];
  for (const t of targets) {
    try {
      const last = ctx.client.delete(t.def, t.namespace, t.name, { propagationPolicy, ...(gracePeriod >= 0 ? { gracePeriodSeconds: gracePeriod } : {}) });
      deleted.push({ def: t.def, namespace: t.namespace, name: t.name, source: t.source, uid: last.metadata.uid ?? '' });
      ctx.stdout(`${qualifiedKind(t.def)} "${t.name}" deleted\n`);
    } catch (err) {
      if (!(isStatusError(err) && err.code === 404)) errors.push(withSource(err, 'deleting', t.source));
    }
  }
  if (errors.length > 0) return reportErrors(inv, errors);
  const timeout = parseGoDuration(flags.string('timeout') || '0') ?? 0;
  const waited = await waitForDeletion(inv, deleted, timeout > 0 ? timeout : 168 * 3600 * 1000);
  if (waited !== 0) return waited;
  for (const t of targets) {
    try {
      const obj = { ...t.object, metadata: { ...t.object.metadata } };
      delete obj.metadata.resourceVersion;
      delete obj.metadata.uid;
      printWritten(inv, t.def, ctx.client.create(t.def, t.namespace, obj, writeOpts), 'replaced', 'none', '', true);
    } catch (err) {
      errors.push(withSource(err, 'creating', t.source));
    }
  }
  return reportErrors(inv, errors);
}
