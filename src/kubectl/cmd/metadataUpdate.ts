/**
 * metadataUpdate: the shared body of `kubectl label` and `kubectl annotate`
 * (staging/src/k8s.io/kubectl/pkg/cmd/label/label.go, annotate/annotate.go).
 *
 * Arguments are resources first, then `key=value` and `key-` pairs. Each object gets a
 * merge patch of only its labels (or annotations), under field manager kubectl-label
 * (kubectl-annotate). Without --overwrite an existing different value is an error; with
 * --list the current map is printed instead; with --local or --dry-run=client the changed
 * object is shown without writing it.
 */
import { validateLabelValue } from '../../core/api/labels.ts';
import type { KubeObject } from '../../core/api/types.ts';
import type { Invocation } from '../command.ts';
import { CommandError } from '../errors.ts';
import { qualifiedName } from '../mapper.ts';
import { sortKeys } from '../printers/goSyntax.ts';
import { checkOutput, dryRunStrategy, dryRunSuffix, printWritten, reportErrors } from './objectWrites.ts';
import { visitObjects } from './visit.ts';

/** MetadataField says which map a command edits and the words it prints. */
export interface MetadataField {
  field: 'labels' | 'annotations';
  /** noun for "at least one label update is required". */
  noun: string;
  done: string;
}

/** splitResourcesAndPairs is GetResourcesAndPairs: resources, then key=value / key- pairs. */
export function splitResourcesAndPairs(args: string[], noun: string): { resources: string[]; pairs: string[] } {
  const resources: string[] = [];
  const pairs: string[] = [];
  let inPairs = false;
  for (const a of args) {
    const isPair = a.includes('=') || a.endsWith('-');
    if (isPair) {
      inPairs = true;
      pairs.push(a);
    } else if (inPairs) {
      throw new CommandError(`error: all resources must be specified before ${noun} changes: ${a}`);
    } else {
      resources.push(a);
    }
  }
  return { resources, pairs };
}

/** parsePairs splits pairs into values to set and keys to remove, validating like kubectl. */
export function parsePairs(pairs: string[], f: MetadataField): { set: Record<string, string>; remove: string[] } {
  const set: Record<string, string> = {};
  const remove: string[] = [];
  for (const p of pairs) {
    if (p.includes('=')) {
      const eq = p.indexOf('=');
      const key = p.slice(0, eq);
      const value = p.slice(eq + 1);
      if (f.field === 'labels') {
        // Like kubectl, only values are checked here; the API server validates keys.
        if (key === '') throw new CommandError(`error: invalid label spec: ${p}`);
        const errs = validateLabelValue(value);
        if (errs.length > 0) throw new CommandError(`error: invalid label value: "${p}": ${errs.join('; ')}`);
      } else if (key === '') {
        throw new CommandError(`error: invalid annotation format: ${p}`);
      }
      set[key] = value;
    } else {
      remove.push(p.slice(0, -1));
    }
  }
  for (const k of remove) {
    if (k in set) throw new CommandError(`error: can not both modify and remove ${f.field === 'labels' ? 'a label' : 'an annotation'} in the same command`);
  }
  return { set, remove };
}

/** runMetadataUpdate is the whole label/annotate command. */
export function runMetadataUpdate(inv: Invocation, f: MetadataField): number {
  const { ctx, flags } = inv;
  const { resources, pairs } = splitResourcesAndPairs(inv.args, f.noun);
  const list = flags.bool('list');
  const local = flags.bool('local');
  const filenames = flags.strings('filename');
  if (resources.length === 0 && filenames.length === 0) {
    throw new CommandError('error: one or more resources must be specified as <resource> <name> or <resource>/<name>');
  }
  if (pairs.length === 0 && !list) throw new CommandError(`error: at least one ${f.noun} update is required`);
  checkOutput(inv);
  const { set, remove } = parsePairs(pairs, f);
  const dryRun = dryRunStrategy(flags);
  const overwrite = flags.bool('overwrite');
  const { found, errors } = visitObjects(inv, { args: resources, local, allNamespaces: flags.bool('all-namespaces'), requireNames: true });

  for (const { def, object } of found) {
    const name = object.metadata.name ?? '';
    const current: Record<string, string> = { ...((object.metadata[f.field] as Record<string, string> | undefined) ?? {}) };
    if (list) {
      if (found.length > 1) ctx.stdout(`Listing ${f.field} for ${def.kind}.${def.group}/${name}:\n`);
      for (const k of Object.keys(current).sort()) ctx.stdout(`${found.length > 1 ? ' ' : ''}${k}=${current[k]}\n`);
      continue;
    }
    try {
      if (!overwrite) checkNoOverwrites(current, set, f);
      const next = { ...current, ...set };
      for (const k of remove) delete next[k];
      const changed = JSON.stringify(sortedEntries(current)) !== JSON.stringify(sortedEntries(next));
      let message = f.done;
      if (f.field === 'labels') {
        if (!changed) message = 'not labeled';
        else if (!overwrite && JSON.stringify(next).length < JSON.stringify(current).length) message = 'unlabeled';
      }
      let result: KubeObject;
      if (local || dryRun === 'client') {
        // Upstream edits the unstructured object in place: SetLabels/SetAnnotations keep an
        // emptied map (`labels: {}`), --resource-version is written too, and the map prints
        // with sorted keys like any unstructured object.
        const metadata: Record<string, unknown> = { ...object.metadata, [f.field]: next };
        if (flags.string('resource-version')) metadata.resourceVersion = flags.string('resource-version');
        result = sortKeys({ ...object, metadata }) as KubeObject;
      } else {
        const patchMap: Record<string, string | null> = { ...set };
        for (const k of remove) if (k in current) patchMap[k] = null;
        const patch: Record<string, unknown> = { metadata: { [f.field]: patchMap } };
        if (flags.string('resource-version')) (patch.metadata as Record<string, unknown>).resourceVersion = flags.string('resource-version');
        result = ctx.client.patch(def, object.metadata.namespace ?? '', name, 'merge', patch, {
          fieldManager: flags.string('field-manager') || `kubectl-${f.noun === 'label' ? 'label' : 'annotate'}`,
          dryRun: dryRun === 'server',
        });
      }
      if (flags.string('output') !== '') printWritten(inv, def, result, message, dryRun);
      else ctx.stdout(`${qualifiedName(def, name)} ${message}${local ? '' : dryRunSuffix(dryRun)}\n`);
    } catch (err) {
      errors.push(err);
    }
  }
  return reportErrors(inv, errors);
}

/** checkNoOverwrites is validateNoOverwrites / the annotate equivalent, in their words. */
function checkNoOverwrites(current: Record<string, string>, set: Record<string, string>, f: MetadataField): void {
  const clashes = Object.keys(set).filter((k) => k in current && current[k] !== set[k]);
  if (clashes.length === 0) return;
  if (f.field === 'labels') {
    throw new CommandError(`error: '${clashes[0]}' already has a value (${current[clashes[0]]}), and --overwrite is false`);
  }
  throw new CommandError(
    `error: --overwrite is false but found the following declared annotation(s): ${clashes.map((k) => `'${k}' already has a value (${current[k]})`).join('; ')}`,
  );
}

function sortedEntries(m: Record<string, string>): Array<[string, string]> {
  return Object.entries(m).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
