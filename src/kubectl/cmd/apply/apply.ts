/**
 * kubectl apply (staging/src/k8s.io/kubectl/pkg/cmd/apply/apply.go, patcher.go).
 *
 * Client-side apply (the default): every object carries the manifest it was applied from
 * in the kubectl.kubernetes.io/last-applied-configuration annotation. An absent object is
 * created with it; a present one gets the three-way strategic merge patch of
 * (last applied, this manifest, live object) — fields dropped from the manifest are
 * removed, fields others set (controllers, defaults) survive — and an empty patch means
 * "unchanged". With --server-side the manifest is sent as an apply patch and the API
 * server merges it and tracks field ownership ("serverside-applied").
 */
import { matches, parseSelector } from '../../../core/api/labels.ts';
import { isStatusError } from '../../../core/api/status.ts';
import type { KubeObject } from '../../../core/api/types.ts';
import type { ResourceDefinition } from '../../../core/client/client.ts';
import { createThreeWayMergePatch, type JSONObject } from '../../../core/api/patch/index.ts';
import type { Invocation, KubectlCommand } from '../../command.ts';
import { CommandError } from '../../errors.ts';
import { isManifestError, readManifestEntries, type Manifest } from '../../manifests.ts';
import { printObjects, stripForOutput } from '../../output.ts';
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
  withTypeMeta,
  unstructuredOrder,
  type DryRun,
  type Target,
} from '../objectWrites.ts';
import { prunePlan, runPrune } from './prune.ts';
import { applyServerSide } from './serverSide.ts';

/** apply is `kubectl apply`. */
export const apply: KubectlCommand = {
  name: 'apply',
  short: 'Apply a configuration to a resource by file name or stdin',
  run: runApply,
};

/** missingAnnotationWarning is apply.go's warningNoLastAppliedConfigAnnotation. */
export function missingAnnotationWarning(resource: string, name: string): string {
  return `Warning: resource ${resource}/${name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`;
}

interface ApplySettings {
  dryRun: DryRun;
  fieldManager: string;
  fieldValidation: 'Strict' | 'Warn' | 'Ignore';
  serverSide: boolean;
  force: boolean;
  /** emit reports one applied object: a line now, or (with -o yaml/json/...) kept for the end. */
  emit(def: ResourceDefinition, obj: KubeObject, operation: string): void;
}

async function runApply(inv: Invocation): Promise<number> {
  const { ctx, flags } = inv;
  if (flags.string('kustomize')) throw new CommandError('error: "kubectl apply -k" is not available in this playground yet');
  const filenames = flags.strings('filename');
  if (filenames.length === 0) throw new CommandError('error: must specify one of -f and -k');
  checkOutput(inv);
  const serverSide = flags.bool('server-side');
  const dryRun = dryRunOf(inv);
  if (flags.bool('force-conflicts') && !serverSide) throw new CommandError('error: --force-conflicts only works with --server-side');
  if (serverSide && dryRun === 'client') {
    throw new CommandError("error: --dry-run=client doesn't work with --server-side (did you mean --dry-run=server instead?)");
  }
  const prune = prunePlan(inv, serverSide);
  // apply.go prints objects for -o (other than name) once at the end, several as a List.
  const output = flags.string('output');
  const keep = output !== '' && output !== 'name';
  const kept: KubeObject[] = [];
  const settings: ApplySettings = {
    dryRun,
    // Server-side apply owns fields under "kubectl" unless told otherwise (apply.go GetFieldManagerFlag).
    fieldManager: serverSide && !flags.changed('field-manager') ? 'kubectl' : flags.string('field-manager') || 'kubectl-client-side-apply',
    fieldValidation: fieldValidation(flags),
    serverSide,
    force: flags.bool('force-conflicts'),
    emit: (def, obj, operation) => {
      // MarkObjectVisited: what was applied is never pruned.
      if (obj.metadata?.uid) prune?.visitedUids.add(obj.metadata.uid);
      if (keep) kept.push(unstructuredOrder(withTypeMeta(def, obj)));
      else printWritten(inv, def, obj, operation, dryRun);
    },
  };
  // -l filters the manifests themselves (the Builder's LabelSelectorParam), and is the prune selector.
  const selector = flags.string('selector') === '' ? undefined : parseSelector(flags.string('selector'));
  // Unreadable files and documents are reported with the mapping errors, in file order.
  const entries = readManifestEntries(ctx, filenames, flags.bool('recursive'), { validate: settings.fieldValidation !== 'Ignore' });
  const readErrors = entries.filter(isManifestError).map((e) => e.error);
  const manifests = entries.filter((e): e is Manifest => !isManifestError(e)).filter((m) => !selector || matches(selector, m.object.metadata?.labels));
  if (manifests.length === 0 && readErrors.length === 0) throw new CommandError('error: no objects passed to apply');
  const { targets, mappingErrors } = resolveAll(inv, manifests);
  const errors: unknown[] = [...readErrors, ...mappingErrors];
  for (const target of targets) {
    // MarkNamespaceVisited happens before the apply, whether or not it succeeds.
    if (target.def.namespaced) prune?.visitedNamespaces.add(target.namespace);
    try {
      if (serverSide) applyServerSideTarget(inv, target, settings);
      else applyClientSide(inv, target, settings);
    } catch (err) {
      errors.push(err);
    }
  }
  if (kept.length > 0) {
    const shown = kept.length === 1 ? kept[0] : ({ apiVersion: 'v1', items: kept.map((o) => stripForOutput(o, flags.bool('show-managed-fields'))), kind: 'List', metadata: {} } as unknown as KubeObject);
    ctx.stdout(printObjects(output, [shown], false, flags.bool('show-managed-fields')));
  }
  if (errors.length > 0 || !prune) return reportErrors(inv, errors);
  runPrune(inv, prune, dryRun);
  return 0;
}

/** applyClientSide creates the object or patches it with the three-way merge of its configurations. */
function applyClientSide(inv: Invocation, t: Target, s: ApplySettings): void {
  const { ctx } = inv;
  const modified = withLastApplied(t.object);
  let current: KubeObject | undefined;
  try {
    current = ctx.client.get(t.def, t.namespace, t.name);
  } catch (err) {
    if (!(isStatusError(err) && err.code === 404)) throw withSource(err, 'retrieving current configuration of', t.source);
  }
  const writeOpts = { fieldManager: s.fieldManager, fieldValidation: s.fieldValidation, dryRun: s.dryRun === 'server' };
  if (!current) {
    let created = modified;
    if (s.dryRun !== 'client') {
      try {
        created = ctx.client.create(t.def, t.namespace, modified, writeOpts);
      } catch (err) {
        throw withSource(err, 'creating', t.source);
      }
    }
    s.emit(t.def, created, 'created');
    return;
  }
  if (s.dryRun === 'client') {
    // apply.go skips the patch entirely under client dry-run.
    s.emit(t.def, current, 'configured');
    return;
  }
  const original = current.metadata.annotations?.[LAST_APPLIED];
  if (original === undefined) ctx.stderr(missingAnnotationWarning(t.def.resource, t.name));
  const patch = createThreeWayMergePatch(parseLastApplied(original), modified as unknown as JSONObject, current as unknown as JSONObject, t.def.kind);
  if (Object.keys(patch).length === 0) {
    s.emit(t.def, current, 'unchanged');
    return;
  }
  let patched: KubeObject;
  try {
    patched = ctx.client.patch(t.def, t.namespace, t.name, 'strategic', patch, writeOpts);
  } catch (err) {
    throw withSource(err, 'patching', t.source);
  }
  s.emit(t.def, patched, 'configured');
}

/** parseLastApplied reads the annotation; a broken one counts as absent, as kubectl treats "". */
function parseLastApplied(text: string | undefined): JSONObject | undefined {
  if (!text) return undefined;
  try {
    const parsed = JSON.parse(text) as unknown;
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as JSONObject) : undefined;
  } catch {
    return undefined;
  }
}

/** applyServerSideTarget applies one object server-side and reports it. */
function applyServerSideTarget(inv: Invocation, t: Target, s: ApplySettings): void {
  const applied = applyServerSide(inv, t, { fieldManager: s.fieldManager, fieldValidation: s.fieldValidation, force: s.force, dryRun: s.dryRun === 'server' });
  s.emit(t.def, applied, 'serverside-applied');
}
