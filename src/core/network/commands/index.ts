/**
 * networkTools builds the network commands for shells: `commandsFor(nodeName)` for a shell on
 * a node's host network (the terminal, published as `cluster.services.get('node-tools')`),
 * and `commandsForPod(...)` for shells inside containers (the kubelet merges them into the
 * container's commands when the image has them; see README.md).
 */
import type { Command } from '../../../shell/types.ts';
import type { ClusterNetwork } from '../network.ts';
import type { NetIdentity } from '../types.ts';
import { curlCommand } from './curl.ts';
import { nslookupCommand } from './nslookup.ts';
import { wgetCommand } from './wget.ts';

/** PodNetIdentity names the pod a container shell runs in. */
export interface PodNetIdentity {
  namespace: string;
  podName: string;
  podIP: string;
  nodeName?: string;
}

/** PodToolsFlavor is the userland a container's network tools come from (busybox-1.28: busybox up to 1.28). */
export type PodToolsFlavor = 'busybox' | 'busybox-1.28' | 'debian';

/** NetworkTools is the 'node-tools' service (NodeTools in src/session/clusterTools.ts) plus pod shells. */
export interface NetworkTools {
  commandsFor(nodeName: string): Record<string, Command>;
  commandsForPod(pod: PodNetIdentity, flavor?: PodToolsFlavor): Record<string, Command>;
}

/** networkTools returns the command factories bound to a network. */
export function networkTools(net: ClusterNetwork): NetworkTools {
  return {
    commandsFor(nodeName) {
      const id = (): NetIdentity => ({ kind: 'node', nodeName });
      return { curl: curlCommand(net, id), wget: wgetCommand(net, id), nslookup: nslookupCommand(net, id, 'bind') };
    },
    commandsForPod(pod, flavor = 'busybox') {
      const id = (): NetIdentity => ({ kind: 'pod', ...pod });
      return {
        curl: curlCommand(net, id),
        wget: wgetCommand(net, id),
        nslookup: nslookupCommand(net, id, flavor === 'debian' ? 'bind' : flavor),
      };
    },
  };
}
