/**
 * kubectl api-resources (staging/src/k8s.io/kubectl/pkg/cmd/apiresources/apiresources.go):
 * the served resources from discovery as NAME SHORTNAMES APIVERSION NAMESPACED KIND
 * (+ VERBS CATEGORIES with -o wide, comma-joined), or `plural.group` names with -o name.
 * Sorted by API group then name (default), by name, or by kind.
 */
import type { ResourceDefinition } from '../../../core/client/client.ts';
import type { Invocation, KubectlCommand } from '../../command.ts';
import { CommandError, UsageFailure } from '../../errors.ts';
import { TabWriter } from '../../printers/tabwriter.ts';

/** apiResources is `kubectl api-resources`. */
export const apiResources: KubectlCommand = {
  name: 'api-resources',
  short: 'Print the supported API resources on the server',
  run: runApiResources,
};

function runApiResources(inv: Invocation): number {
  const { ctx, flags } = inv;
  if (inv.args.length > 0) throw new UsageFailure(`unexpected arguments: [${inv.args.join(' ')}]`);
  const output = flags.string('output');
  if (!['', 'wide', 'name'].includes(output)) {
    throw new CommandError(`error: --output ${output} is not available`);
  }
  const sortBy = flags.string('sort-by');
  if (sortBy !== '' && sortBy !== 'name' && sortBy !== 'kind') {
    throw new CommandError(`error: --sort-by accepts only name or kind`);
  }
  const verbs = flags.strings('verbs');
  const resources = ctx.client
    .discovery()
    .filter((d) => d.verbs.length > 0)
    .filter((d) => !flags.changed('api-group') || d.group === flags.string('api-group'))
    .filter((d) => !flags.changed('namespaced') || d.namespaced === flags.bool('namespaced'))
    .filter((d) => verbs.every((v) => (d.verbs as string[]).includes(v)))
    .filter((d) => flags.strings('categories').every((c) => d.categories.includes(c)));
  const key = (d: ResourceDefinition) => (sortBy === 'name' ? d.resource : sortBy === 'kind' ? d.kind : d.group);
  const sorted = resources
    .map((d, i) => ({ d, i }))
    .sort((a, b) => cmp(key(a.d), key(b.d)) || cmp(a.d.resource, b.d.resource) || a.i - b.i)
    .map((x) => x.d);

  const w = new TabWriter();
  if (!flags.bool('no-headers') && output !== 'name') {
    const head = ['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND'];
    if (output === 'wide') head.push('VERBS', 'CATEGORIES');
    w.write(`${head.join('\t')}\n`);
  }
  for (const d of sorted) {
    const gv = d.group ? `${d.group}/${d.version}` : d.version;
    if (output === 'name') w.write(`${d.group ? `${d.resource}.${d.group}` : d.resource}\n`);
    else {
      const cells = [d.resource, d.shortNames.join(','), gv, String(d.namespaced), d.kind];
      if (output === 'wide') cells.push(d.verbs.join(','), d.categories.join(','));
      w.write(`${cells.join('\t')}\n`);
    }
  }
  ctx.stdout(w.flush());
  return 0;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
