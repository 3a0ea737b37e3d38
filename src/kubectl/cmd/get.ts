/**
 * kubectl get (staging/src/k8s.io/kubectl/pkg/cmd/get/get.go).
 *
 * Lists or fetches objects per resource type, asks the server for Tables for the default
 * and wide output, prints found objects first and errors after them, and says
 * "No resources found in <ns> namespace." on stderr when nothing matched. With -w it
 * keeps printing rows as watch events arrive, until the request timeout or Ctrl-C.
 */
import { isStatusError } from '../../core/api/status.ts';
import type { Table } from '../../core/api/table.ts';
import type { KubeObject } from '../../core/api/types.ts';
import type { ResourceDefinition, WatchEvent } from '../../core/client/client.ts';
import type { Invocation, KubectlCommand } from '../command.ts';
import { CommandError, UsageFailure, formatError } from '../errors.ts';
import { parseGoDuration } from '../flags.ts';
import { listObjects } from '../listing.ts';
import { readManifests } from '../manifests.ts';
import { qualifiedKind } from '../mapper.ts';
import { printWarning } from '../warnings.ts';
import { checkOutputFormat, isTableFormat, printObjects, withTemplateArgument } from '../output.ts';
import { printTableGroups, tableText, type TableGroup, type TablePrintOptions } from '../printers/table.ts';
import { TabWriter } from '../printers/tabwriter.ts';
import { multipleTypesRequested, parseResourceArgs, type ResourceRequest } from '../resourceArgs.ts';
import { sortObjects } from '../sortBy.ts';
import { runGetRaw } from './getRaw.ts';

const REQUIRED_RESOURCE =
  'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n';

export const get: KubectlCommand = {
  name: 'get',
  short: 'Display one or many resources',
  run: runGet,
};

async function runGet(inv: Invocation): Promise<number> {
  const { ctx, flags } = inv;
  if (flags.string('raw')) return runGetRaw(inv, flags.string('raw'));
  const output = withTemplateArgument(flags.string('output'), flags.string('template'));
  const readFile = (path: string) => ctx.fs.read(path, ctx.cwd);
  checkOutputFormat(output, { readFile });
  const allNamespaces = flags.bool('all-namespaces');
  const filenames = flags.strings('filename');
  if (inv.args.length === 0 && filenames.length === 0) {
    ctx.stderr(REQUIRED_RESOURCE);
    throw new UsageFailure(
      'Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).',
    );
  }
  const namespace = allNamespaces ? undefined : inv.namespace;
  const listOpts = { labelSelector: flags.string('selector'), fieldSelector: flags.string('field-selector') };

  // Collect objects per resource type, in request order; errors are printed after the output.
  const groups: Array<{ def: ResourceDefinition; objects: KubeObject[]; listed: boolean }> = [];
  const errors: string[] = [];
  let requests: ResourceRequest[];
  if (filenames.length > 0) {
    requests = [];
    for (const m of readManifests(ctx, filenames, flags.bool('recursive'))) {
      const def = inv.mapper.forKind(m.object.apiVersion ?? '', m.object.kind ?? '');
      if (!def) throw new CommandError(`error: resource mapping not found for name: "${m.object.metadata.name}" namespace: "" from "${m.source}": no matches for kind "${m.object.kind}" in version "${m.object.apiVersion}"\nensure CRDs are installed first`);
      const existing = requests.find((r) => r.def === def);
      if (existing) existing.names.push(m.object.metadata.name ?? '');
      else requests.push({ def, names: [m.object.metadata.name ?? ''] });
    }
  } else {
    requests = parseResourceArgs(inv.args, inv.mapper);
  }
  const warned = new Set<string>();
  for (const req of requests) {
    const ns = req.def.namespaced ? namespace : undefined;
    // The API server's deprecation warning arrives with the response, before anything is printed.
    if (req.def.deprecated && !warned.has(req.def.deprecated)) {
      warned.add(req.def.deprecated);
      printWarning(inv, req.def.deprecated);
    }
    if (req.names.length === 0) {
      try {
        const list = listObjects(ctx.client, req.def, ns, listOpts);
        groups.push({ def: req.def, objects: list.items, listed: true });
      } catch (err) {
        errors.push(formatError(err));
      }
      continue;
    }
    const objects: KubeObject[] = [];
    for (const name of req.names) {
      try {
        objects.push(ctx.client.get(req.def, req.def.namespaced ? inv.namespace : '', name));
      } catch (err) {
        if (flags.bool('ignore-not-found') && isStatusError(err) && err.code === 404) continue;
        errors.push(formatError(err));
      }
    }
    groups.push({ def: req.def, objects, listed: false });
  }

  const sortBy = flags.string('sort-by');
  if (sortBy) for (const g of groups) g.objects = sortObjects(g.objects, sortBy);
  const total = groups.reduce((n, g) => n + g.objects.length, 0);
  const showKind = flags.bool('show-kind') || multipleTypesRequested(inv.args) || new Set(groups.filter((g) => g.objects.length > 0).map((g) => g.def)).size > 1;
  const watch = flags.bool('watch') || flags.bool('watch-only');

  // A watched table prints its first rows through the watch's own writer, so later rows align with them.
  const watchTable = watch && isTableFormat(output) && groups.length === 1;
  if (!flags.bool('watch-only') && !watchTable) {
    if (isTableFormat(output)) {
      // Each type is its own aligned block; cluster-scoped types get no NAMESPACE column under -A.
      const blocks = groups
        .filter((g) => g.objects.length > 0)
        .map((g) => {
          const group: TableGroup = { tables: [ctx.client.tableOf(g.def, g.objects)], kind: showKind ? qualifiedKind(g.def) : undefined };
          return printTableGroups([group], tablePrintOptions(inv, allNamespaces && g.def.namespaced));
        })
        .filter((b) => b !== '');
      ctx.stdout(blocks.join(flags.bool('no-headers') ? '' : '\n'));
    } else if (total > 0 || groups.some((g) => g.listed)) {
      const objects = groups.flatMap((g) => g.objects.map((o) => withTypeMeta(g.def, o)));
      const singleItemImplied = groups.length === 1 && !groups[0].listed && groups[0].objects.length === 1 && requests[0]?.names.length === 1;
      if (objects.length > 0 || output === 'yaml' || output === 'json') {
        ctx.stdout(
          printObjects(output, objects, !singleItemImplied, flags.bool('show-managed-fields'), {
            sortKeys: true,
            noHeaders: flags.bool('no-headers'),
            allowMissingKeys: flags.bool('allow-missing-template-keys'),
            readFile,
          }),
        );
      }
    }
  }
  for (const e of errors) ctx.stderr(e);
  if (total === 0 && errors.length === 0 && !flags.bool('ignore-not-found') && isTableFormat(output) && !watch) {
    const namespaced = groups.some((g) => g.def.namespaced);
    ctx.stderr(namespaced && !allNamespaces ? `No resources found in ${inv.namespace} namespace.\n` : 'No resources found\n');
  }
  if (watch) {
    const initial = watchTable && !flags.bool('watch-only') ? groups[0] : undefined;
    return watchObjects(inv, groups.map((g) => g.def), namespace, listOpts, output, showKind, initial);
  }
  return errors.length > 0 ? 1 : 0;
}

/** tablePrintOptions maps get's flags onto the table printer. */
function tablePrintOptions(inv: Invocation, allNamespaces: boolean): TablePrintOptions {
  const f = inv.flags;
  return {
    wide: f.string('output') === 'wide',
    noHeaders: f.bool('no-headers'),
    withNamespace: allNamespaces,
    showLabels: f.bool('show-labels'),
    columnLabels: f.strings('label-columns'),
  };
}

/** withTypeMeta makes sure printed objects carry apiVersion and kind, as kubectl fills them in. */
function withTypeMeta(def: ResourceDefinition, obj: KubeObject): KubeObject {
  if (obj.apiVersion && obj.kind) return obj;
  return { apiVersion: def.group ? `${def.group}/${def.version}` : def.version, kind: def.kind, ...obj };
}

/**
 * watchObjects prints one row per watch event until the request timeout passes or the
 * command is interrupted. Headless, time only moves while we wait here. As kubectl's get.go
 * watch does, one tabwriter (RememberWidths) prints the initial list and every event, and the
 * header comes with the first rows printed, so event rows stay aligned under it.
 */
async function watchObjects(
  inv: Invocation,
  defs: ResourceDefinition[],
  namespace: string | undefined,
  listOpts: { labelSelector: string; fieldSelector: string },
  output: string,
  showKind: boolean,
  initial?: { def: ResourceDefinition; objects: KubeObject[] },
): Promise<number> {
  const { ctx, flags } = inv;
  const timeout = parseGoDuration(flags.string('request-timeout') || '0') ?? 0;
  const watchEvents = flags.bool('output-watch-events');
  const writer = new TabWriter();
  let printedHeaders = false;
  const printRows = (def: ResourceDefinition, type: string, objects: KubeObject[]): void => {
    const table: Table = ctx.client.tableOf(def, objects);
    if (watchEvents) {
      table.columnDefinitions = [{ name: 'Event', type: 'string', format: '', description: '', priority: 0 }, ...table.columnDefinitions];
      table.rows = table.rows.map((r) => ({ ...r, cells: [type, ...r.cells] }));
    }
    const options = tablePrintOptions(inv, namespace === undefined);
    writer.write(tableText(table, { ...options, noHeaders: options.noHeaders || printedHeaders, kind: showKind ? qualifiedKind(def) : undefined }));
    if (table.rows.length > 0) printedHeaders = true;
    ctx.stdout(writer.flush());
  };
  if (initial) printRows(initial.def, 'ADDED', initial.objects);
  const handles = defs.map((def) => {
    const list = ctx.client.list(def, def.namespaced ? namespace : undefined, listOpts);
    return ctx.client.watch(def, def.namespaced ? namespace : undefined, { ...listOpts, resourceVersion: list.metadata.resourceVersion }, (ev: WatchEvent) => {
      if (isTableFormat(output)) {
        printRows(def, ev.type, [ev.object]);
      } else {
        ctx.stdout(printObjects(output, [withTypeMeta(def, ev.object)], false, flags.bool('show-managed-fields'), { sortKeys: true, readFile: (p) => ctx.fs.read(p, ctx.cwd) }));
      }
    });
  });
  try {
    await ctx.waitFor(() => ctx.signal.aborted, timeout > 0 ? timeout : Number.POSITIVE_INFINITY, ctx.signal);
  } finally {
    for (const h of handles) h.stop();
  }
  return 0;
}
