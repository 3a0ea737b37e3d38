/**
 * nodeTargets resolves the nodes that cordon, uncordon, drain and taint work on, the way
 * their resource.Builder does with `ResourceNames("nodes", args...)` plus an optional
 * label selector: `node01`, `node/node01`, `nodes/node01`, or `-l key=value`.
 */
import type { KubeObject } from '../../../core/api/types.ts';
import { NODES } from '../../../core/client/client.ts';
import type { Invocation } from '../../command.ts';
import { CommandError } from '../../errors.ts';

/** resolveNodes fetches the named nodes (or the selected ones) in argument order; NotFound propagates. */
export function resolveNodes(inv: Invocation, names: string[], selector: string): KubeObject[] {
  if (selector !== '' && names.length === 0) {
    return [...inv.ctx.client.list(NODES, undefined, { labelSelector: selector }).items];
  }
  return names.map((arg) => {
    let name = arg;
    const slash = arg.indexOf('/');
    if (slash >= 0) {
      const def = inv.mapper.resolve(arg.slice(0, slash));
      name = arg.slice(slash + 1);
      if (def.group !== '' || def.resource !== 'nodes') {
        throw new CommandError(`error: expected resource of type node, got "${def.group ? `${def.group}/` : ''}${def.version}, Resource=${def.resource}"`);
      }
    }
    return inv.ctx.client.get(NODES, '', name);
  });
}
