/**
 * Shared steps of the verbs that write objects (create, apply, replace, run, expose,
 * delete): the --dry-run and --validate flags, mapping a manifest to its resource and
 * namespace, the last-applied annotation, "created (dry run)" lines and -o output, and
 * printing the errors collected while visiting objects (cmdutil.CheckErr on an aggregate).
 *
 * Follows staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go (GetDryRunStrategy,
 * GetValidationDirective, AddSourceToErr, MultipleErrors) and pkg/util/apply.go.
 */
import { StatusError, isStatusError } from '../../core/api/status.ts';
import type { KubeObject } from '../../core/api/types.ts';
import type { ResourceDefinition } from '../../core/client/client.ts';
import { thaw } from '../../core/api/clone.ts';
import type { Invocation } from '../command.ts';
import { CommandError, formatError, serverErrorPrefix } from '../errors.ts';
import type { Flags } from '../flags.ts';
import type { Manifest } from '../manifests.ts';
import { qualifiedName } from '../mapper.ts';
import { klogPrefix } from './create/generatorFlags.ts';
import { checkOutputFormat, printObjects } from '../output.ts';
import { sortKeys } from '../printers/goSyntax.ts';

/** LAST_APPLIED is the annotation client-side apply keeps the applied manifest in. */
export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** DryRun is cmdutil.DryRunStrategy. */
export type DryRun = 'none' | 'client' | 'server';

/**
 * dryRunStrategy reads --dry-run as GetDryRunStrategy does: bare --dry-run and "true" mean
 * client, "false" none, each with klog's deprecation warning (`warn` gets the klog body).
 */
export function dryRunStrategy(flags: Flags, warn: (klogBody: string) => void = () => {}): DryRun {
  const value = flags.string('dry-run') || 'none';
  switch (value) {
    case 'unchanged':
      warn('helpers.go:702] --dry-run is deprecated and can be replaced with --dry-run=client.');
      return 'client';
    case 'true':
    case 'false':
      warn(`helpers.go:716] --dry-run=${value} is deprecated (boolean value) and can be replaced with --dry-run=${value === 'true' ? 'client' : 'none'}.`);
      return value === 'true' ? 'client' : 'none';
    case 'client':
      return 'client';
    case 'server':
      return 'server';
    case 'none':
      return 'none';
    default:
      throw new CommandError(`error: Invalid dry-run value (${value}). Must be "none", "server", or "client".`);
  }
}

/** dryRunOf is dryRunStrategy for a command line, printing the warnings as klog lines on stderr. */
export function dryRunOf(inv: Invocation): DryRun {
  return dryRunStrategy(inv.flags, (body) => inv.ctx.stderr(`${klogPrefix(inv.ctx.now(), 'W')}${body}\n`));
}

/** dryRunSuffix is what kubectl appends to "created": " (dry run)" or " (server dry run)". */
export function dryRunSuffix(dryRun: DryRun): string {
  if (dryRun === 'client') return ' (dry run)';
  if (dryRun === 'server') return ' (server dry run)';
  return '';
}

/** fieldValidation maps --validate onto the fieldValidation query parameter (GetValidationDirective). */
export function fieldValidation(flags: Flags): 'Strict' | 'Warn' | 'Ignore' {
  const value = (flags.string('validate') || 'strict').toLowerCase();
  if (value === 'strict' || value === 'true') return 'Strict';
  if (value === 'warn') return 'Warn';
  if (value === 'ignore' || value === 'false') return 'Ignore';
  throw new CommandError(`error: invalid - validate option "${flags.string('validate')}"; must be one of: strict (or true), warn, ignore (or false)`);
}

/** Target is a manifest resolved against discovery: where it goes, and the object to send. */
export interface Target {
  def: ResourceDefinition;
  namespace: string;
  name: string;
  object: KubeObject;
  source: string;
}

/** noKindMatch is the builder's RESTMapper failure for a kind the server does not serve. */
export function noKindMatch(m: Manifest, namespace = ''): CommandError {
  const o = m.object;
  return new CommandError(
    `error: resource mapping not found for name: "${o.metadata?.name ?? ''}" namespace: "${namespace}" from "${m.source}": no matches for kind "${o.kind}" in version "${o.apiVersion}"\nensure CRDs are installed first`,
  );
}

/**
 * resolveManifest maps a manifest to its resource and fills in the namespace the way
 * resource.Builder's DefaultNamespace/RequireNamespace do: namespaced objects get the
 * command's namespace when they have none, and an explicit -n must agree with the file.
 */
export function resolveManifest(inv: Invocation, m: Manifest): Target {
  const own = m.object.metadata?.namespace ?? '';
  const def = inv.mapper.forKind(m.object.apiVersion ?? '', m.object.kind ?? '');
  if (!def) throw noKindMatch(m, own);
  // Another served version of the kind: work on the stored version, so apply's diffs compare like with like.
  const convert = def.convertFrom?.[m.object.apiVersion ?? ''];
  const object = thaw(convert ? convert(m.object) : m.object);
  let namespace = '';
  if (def.namespaced) {
    if (inv.explicitNamespace && own !== '' && own !== inv.namespace) {
      throw new CommandError(
        `error: the namespace from the provided object "${own}" does not match the namespace "${inv.namespace}". You must pass '--namespace=${own}' to perform this operation.`,
      );
    }
    namespace = own || inv.namespace;
    object.metadata = { ...object.metadata, namespace };
  }
  return { def, namespace, name: object.metadata.name ?? '', object, source: m.source };
}

/**
 * resolveAll maps every manifest, setting aside the ones the builder cannot map (unknown
 * kinds, a conflicting namespace): kubectl reports those after the server's errors in
 * create, replace and delete, and before them in apply (which maps everything first).
 */
export function resolveAll(inv: Invocation, manifests: Manifest[]): { targets: Target[]; mappingErrors: unknown[] } {
  const targets: Target[] = [];
  const mappingErrors: unknown[] = [];
  for (const m of manifests) {
    try {
      targets.push(resolveManifest(inv, m));
    } catch (err) {
      mappingErrors.push(err);
    }
  }
  return { targets, mappingErrors };
}

/** sortedJSON is Go's encoding of an unstructured object: map keys sorted at every level. */
export function sortedJSON(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

/** unstructuredOrder is an object as unstructured.Unstructured marshals it: keys sorted at every level. */
export function unstructuredOrder<T>(value: T): T {
  return sortKeys(value) as T;
}

/**
 * withLastApplied returns a copy of obj carrying the last-applied annotation, as
 * GetModifiedConfiguration(annotate=true) builds it: the object without that annotation,
 * encoded as JSON plus "\n". Objects read from files are unstructured: keys sorted, and an
 * empty `annotations: {}` map stays behind. Generated objects are typed: Go struct order,
 * where an empty annotations map is omitted (`typed`).
 */
export function withLastApplied(obj: KubeObject, typed = false): KubeObject {
  const copy = thaw(obj);
  const annotations = { ...(copy.metadata.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  const without = Object.keys(annotations).length > 0 || !typed ? annotations : undefined;
  copy.metadata = withAnnotations(copy.metadata, without);
  const applied = `${typed ? JSON.stringify(copy) : sortedJSON(copy)}\n`;
  copy.metadata = withAnnotations(copy.metadata, { ...annotations, [LAST_APPLIED]: applied });
  return copy;
}

/** withAnnotations sets metadata.annotations where ObjectMeta's struct order puts it (after labels). */
function withAnnotations(meta: KubeObject['metadata'], annotations: Record<string, string> | undefined): KubeObject['metadata'] {
  const out: Record<string, unknown> = {};
  const keys = Object.keys(meta).filter((k) => k !== 'annotations');
  const after = keys.includes('labels') ? 'labels' : keys.includes('creationTimestamp') ? 'creationTimestamp' : keys[keys.length - 1];
  if (keys.length === 0 && annotations) out.annotations = annotations;
  for (const k of keys) {
    out[k] = (meta as Record<string, unknown>)[k];
    if (k === after && annotations) out.annotations = annotations;
  }
  return out as KubeObject['metadata'];
}

/** withTypeMeta makes sure an object carries apiVersion and kind for printing. */
export function withTypeMeta(def: ResourceDefinition, obj: KubeObject): KubeObject {
  if (obj.apiVersion && obj.kind) return obj;
  return { ...obj, apiVersion: def.group ? `${def.group}/${def.version}` : def.version, kind: def.kind };
}

/**
 * printWritten prints one written object: with -o its rendering (after `yamlSeparator`
 * for -o yaml), else the "deployment.apps/web created" line (with the dry-run suffix).
 * `unstructured` objects (from -f, as resource.Builder decodes them) print with sorted
 * keys in JSON, like any Go map; generated typed objects keep struct order.
 */
export function printWritten(
  inv: Invocation,
  def: ResourceDefinition,
  obj: KubeObject,
  operation: string,
  dryRun: DryRun,
  yamlSeparator = '',
  unstructured = false,
): void {
  const output = writtenOutput(inv);
  if (output !== '') {
    // YAMLPrinter writes "---" before every document after its first.
    if (output === 'yaml') inv.ctx.stdout(yamlSeparator);
    const shown = withTypeMeta(def, obj);
    inv.ctx.stdout(
      printObjects(output, [unstructured ? unstructuredOrder(shown) : shown], false, inv.flags.bool('show-managed-fields'), {
        objectFormats: true,
        allowMissingKeys: !inv.flags.parsed.values.has('allow-missing-template-keys') || inv.flags.bool('allow-missing-template-keys'),
      }),
    );
    return;
  }
  // A create answered with a bare Status (POST bindings) names no object: NamePrinter's `status/<unknown>`.
  const name = obj.kind === 'Status' ? 'status/<unknown>' : qualifiedName(def, obj.metadata?.name ?? '');
  inv.ctx.stdout(`${name} ${operation}${dryRunSuffix(dryRun)}\n`);
}

/**
 * checkOutput validates -o before anything is written (kubectl fails early on a bad
 * printer). Commands that write objects use PrintFlags without table printers, so
 * `wide` and `custom-columns` are unknown formats to them, as upstream.
 */
export function checkOutput(inv: Invocation): void {
  const output = writtenOutput(inv);
  if (output !== '') checkOutputFormat(output, { objectFormats: true });
}

/**
 * writtenOutput is -o joined with --template the way PrintFlags reads them: a template
 * format without `=value` takes --template, and --template alone means go-template.
 */
export function writtenOutput(inv: Invocation): string {
  const output = inv.flags.string('output');
  const template = inv.flags.string('template');
  if (template === '' || output.includes('=')) return output;
  if (output === '') return `go-template=${template}`;
  return ['go-template', 'template', 'jsonpath', 'jsonpath-as-json'].includes(output) ? `${output}=${template}` : output;
}

/** withSource is cmdutil.AddSourceToErr: server errors name the file they came from. */
export function withSource(err: unknown, verb: string, source: string): unknown {
  if (!isStatusError(err) || source === '') return err;
  return new StatusError({ ...err.status, message: `error when ${verb} "${source}": ${err.status.message}` });
}

/**
 * reportErrors prints the errors collected while visiting objects the way CheckErr does:
 * one error in full (Invalid errors as "The Pod "x" is invalid: ..."), several as
 * MultipleErrors lines. Returns the exit status.
 */
export function reportErrors(inv: Invocation, errors: unknown[]): number {
  if (errors.length === 0) return 0;
  if (errors.length === 1) {
    inv.ctx.stderr(formatError(errors[0]));
    return errors[0] instanceof CommandError ? errors[0].exitCode : 1;
  }
  for (const err of errors) {
    if (isStatusError(err)) inv.ctx.stderr(`${serverErrorPrefix(err)}${err.status.message}\n`);
    else inv.ctx.stderr(formatError(err).replace(/^error: /, ''));
  }
  return 1;
}

/** unservedResource is what a typed client gets from a server without that API: a bare 404. */
export function unservedResource(): StatusError {
  return new StatusError({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: 'the server could not find the requested resource',
    reason: 'NotFound',
    code: 404,
  });
}
