/**
 * visit: the resource.Builder steps shared by the verbs that act on existing objects
 * (describe, label, annotate, scale, patch, rollout, set, wait, edit): turn
 * `TYPE NAME...`, `TYPE/NAME`, `-l SELECTOR`, `--all` and `-f FILE` into live objects,
 * collecting per-object errors the way the Builder's visitors do (cli-runtime
 * pkg/resource/builder.go), so a missing name does not hide the ones that were found.
 */
import { isStatusError } from '../../core/api/status.ts';
import type { KubeObject } from '../../core/api/types.ts';
import type { ResourceDefinition } from '../../core/client/client.ts';
import type { Invocation } from '../command.ts';
import { CommandError } from '../errors.ts';
import { readManifests } from '../manifests.ts';
import { parseResourceArgs } from '../resourceArgs.ts';
import { noKindMatch } from './objectWrites.ts';

/** Found is one object a verb acts on, with the resource it was read from. */
export interface Found {
  def: ResourceDefinition;
  object: KubeObject;
  /** source is the file it came from with -f ("" otherwise). */
  source: string;
}

/** VisitOptions says which selection forms the verb accepts. */
export interface VisitOptions {
  /** args are the resource words (verbs strip their own key=value arguments first). */
  args: string[];
  /** local uses the objects of -f as they are, without reading the server (--local). */
  local?: boolean;
  /** allNamespaces lists across namespaces (-A). */
  allNamespaces?: boolean;
  /** requireNames makes `TYPE` without names, -l or --all an error (label, scale, patch...). */
  requireNames?: boolean;
  /** verb is the word in "resource(s) were provided, but no name was specified" style errors. */
  verb?: string;
}

/** VisitResult is what was found plus the errors met on the way (printed after the output). */
export interface VisitResult {
  found: Found[];
  errors: unknown[];
}

/** NO_RESOURCES is the Builder's error when neither arguments nor -f were given. */
export const NO_RESOURCES = 'error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   \'-f rsrc.yaml\'\n   \'--filename=rsrc.json\'\n   \'<resource> <name>\'\n   \'<resource>\'';

/** visitObjects finds the objects named by the invocation's args, -f, -l and --all. */
export function visitObjects(inv: Invocation, opts: VisitOptions): VisitResult {
  const { ctx, flags } = inv;
  const selector = flagString(inv, 'selector');
  const fieldSelector = flagString(inv, 'field-selector');
  const all = flagBool(inv, 'all');
  const filenames = flagStrings(inv, 'filename');
  const found: Found[] = [];
  const errors: unknown[] = [];

  if (filenames.length > 0) {
    if (opts.args.length > 0 && !opts.local) {
      throw new CommandError('error: cannot specify both filenames and resources');
    }
    for (const m of readManifests(ctx, filenames, flags.bool('recursive'))) {
      const def = inv.mapper.forKind(m.object.apiVersion ?? '', m.object.kind ?? '');
      if (!def) {
        errors.push(noKindMatch(m, m.object.metadata?.namespace ?? ''));
        continue;
      }
      const ns = def.namespaced ? (m.object.metadata?.namespace ?? inv.namespace) : '';
      if (opts.local) {
        // Local objects are printed as the file had them (kubectl adds no namespace).
        found.push({ def, object: m.object, source: m.source });
        continue;
      }
      try {
        found.push({ def, object: ctx.client.get(def, ns, m.object.metadata?.name ?? ''), source: m.source });
      } catch (err) {
        errors.push(err);
      }
    }
    return { found, errors };
  }
  if (opts.local) throw new CommandError('error: can only use local files by -f pod.yaml or --filename=pod.json when --local=true is set');

  if (opts.args.length === 0) {
    throw new CommandError(NO_RESOURCES);
  }
  const requests = parseResourceArgs(opts.args, inv.mapper);
  const namespace = opts.allNamespaces ? undefined : inv.namespace;
  for (const req of requests) {
    if (req.names.length > 0) {
      if (selector !== '') throw new CommandError('error: name cannot be provided when a selector is specified');
      for (const name of req.names) {
        try {
          found.push({ def: req.def, object: ctx.client.get(req.def, req.def.namespaced ? inv.namespace : '', name), source: '' });
        } catch (err) {
          errors.push(err);
        }
      }
      continue;
    }
    if (opts.requireNames && selector === '' && !all && fieldSelector === '') {
      throw new CommandError(`error: resource(s) were provided, but no name was specified`);
    }
    try {
      const list = ctx.client.list(req.def, req.def.namespaced ? namespace : undefined, { labelSelector: selector, fieldSelector });
      for (const object of list.items) found.push({ def: req.def, object, source: '' });
    } catch (err) {
      errors.push(err);
    }
  }
  return { found, errors };
}

/** isNotFound tells a 404 StatusError. */
export function isNotFound(err: unknown): boolean {
  return isStatusError(err) && err.code === 404;
}

/** flagString reads a flag the command may not declare (then ""). */
export function flagString(inv: Invocation, name: string): string {
  return inv.flags.parsed.values.has(name) ? inv.flags.string(name) : '';
}

function flagBool(inv: Invocation, name: string): boolean {
  return inv.flags.parsed.values.has(name) && inv.flags.bool(name);
}

function flagStrings(inv: Invocation, name: string): string[] {
  return inv.flags.parsed.values.has(name) ? inv.flags.strings(name) : [];
}
