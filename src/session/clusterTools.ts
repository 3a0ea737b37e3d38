/**
 * registerClusterTools adds the commands that reach the simulated network from the
 * control-plane node (curl, wget, nslookup, ...) when the network layer provides them.
 */
import type { Cluster } from '../core/sim/cluster.ts';
import type { Shell } from '../shell/shell.ts';
import type { Command } from '../shell/types.ts';

/** NodeTools is what the network layer publishes as cluster.services.get('node-tools'). */
export interface NodeTools {
  /** commands for a shell running on the given node's host network. */
  commandsFor(nodeName: string): Record<string, Command>;
}

export function registerClusterTools(shell: Shell, cluster: Cluster): void {
  const tools = cluster.services.get('node-tools') as NodeTools | undefined;
  if (!tools) return;
  for (const [name, cmd] of Object.entries(tools.commandsFor('controlplane'))) shell.register(name, cmd);
}
