/**
 * kubectl api-versions (staging/src/k8s.io/kubectl/pkg/cmd/apiresources/apiversions.go):
 * every served group/version from discovery, sorted, one per line.
 */
import type { KubectlCommand } from '../../command.ts';
import { UsageFailure } from '../../errors.ts';

/** apiVersions is `kubectl api-versions`. */
export const apiVersions: KubectlCommand = {
  name: 'api-versions',
  short: 'Print the supported API versions on the server, in the form of "group/version"',
  run(inv) {
    if (inv.args.length > 0) throw new UsageFailure(`unexpected arguments: [${inv.args.join(' ')}]`);
    const gvs = new Set(inv.ctx.client.discovery().map((d) => (d.group ? `${d.group}/${d.version}` : d.version)));
    // Versions a kind is also served in (converted to its stored version): autoscaling/v1.
    for (const d of inv.ctx.client.discovery()) for (const gv of Object.keys(d.convertFrom ?? {})) gvs.add(gv);
    inv.ctx.stdout([...gvs].sort().map((gv) => `${gv}\n`).join(''));
    return 0;
  },
};
