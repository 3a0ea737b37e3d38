/**
 * kubectl create (staging/src/k8s.io/kubectl/pkg/cmd/create/create.go).
 *
 * `create -f` POSTs every object of the given files with the kubectl-create field manager
 * and strict field validation, printing "deployment.apps/web created" as it goes and the
 * collected errors at the end ("error when creating ..."). The generator subcommands
 * (`create deployment`, `create secret generic`, ...) live in ./generatorCommands.ts.
 */
import type { Invocation, KubectlCommand } from '../../command.ts';
import { UsageFailure } from '../../errors.ts';
import { isManifestError, readManifestEntries } from '../../manifests.ts';
import {
  checkOutput,
  dryRunOf,
  fieldValidation,
  printWritten,
  reportErrors,
  resolveManifest,
  withLastApplied,
  withSource,
  type Target,
} from '../objectWrites.ts';
import { createSubcommands } from './generatorCommands.ts';

/** create is `kubectl create` with its generator subcommands. */
export const create: KubectlCommand = {
  name: 'create',
  short: 'Create a resource from a file or from stdin',
  subcommands: createSubcommands(),
  run: runCreate,
};

async function runCreate(inv: Invocation): Promise<number> {
  const { ctx, flags } = inv;
  const filenames = flags.strings('filename');
  // ValidateArgs runs first: `kubectl create foo` is a usage error, not a missing -f.
  if (inv.args.length > 0) throw new UsageFailure(`Unexpected args: [${inv.args.join(' ')}]`);
  if (filenames.length === 0 && !flags.string('kustomize')) {
    ctx.stderr('error: must specify one of -f and -k\n');
    return 1;
  }
  if (flags.bool('edit') || flags.string('raw')) {
    ctx.stderr(`error: "kubectl create ${flags.bool('edit') ? '--edit' : '--raw'}" is not available in this playground yet\n`);
    return 1;
  }
  if (flags.string('kustomize')) {
    ctx.stderr('error: "kubectl create -k" is not available in this playground yet\n');
    return 1;
  }
  checkOutput(inv);
  const dryRun = dryRunOf(inv);
  const validation = fieldValidation(flags);
  // Unreadable files and documents are collected in order with the mapping errors (all come
  // from the Builder's visitors) and reported after what could be created.
  const entries = readManifestEntries(ctx, filenames, flags.bool('recursive'), { validate: validation !== 'Ignore' });
  if (entries.length === 0) {
    ctx.stderr('error: no objects passed to create\n');
    return 1;
  }
  const targets: Target[] = [];
  const mappingErrors: unknown[] = [];
  for (const e of entries) {
    if (isManifestError(e)) {
      mappingErrors.push(e.error);
      continue;
    }
    try {
      targets.push(resolveManifest(inv, e));
    } catch (err) {
      mappingErrors.push(err);
    }
  }
  const errors: unknown[] = [];
  let printed = 0;
  for (const target of targets) {
    try {
      const obj = flags.bool('save-config') ? withLastApplied(target.object) : target.object;
      const written =
        dryRun === 'client'
          ? obj
          : ctx.client.create(target.def, target.namespace, obj, {
              fieldManager: flags.string('field-manager') || 'kubectl-create',
              fieldValidation: validation,
              dryRun: dryRun === 'server',
            });
      printWritten(inv, target.def, written, 'created', dryRun, printed++ > 0 ? '---\n' : '', true);
    } catch (err) {
      errors.push(withSource(err, 'creating', target.source));
    }
  }
  errors.push(...mappingErrors);
  return reportErrors(inv, errors);
}
