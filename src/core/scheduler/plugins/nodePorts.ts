/**
 * NodePorts (pkg/scheduler/framework/plugins/nodeports): a host port can be used once per
 * (protocol, port) on a node; 0.0.0.0 conflicts with every address.
 */
import { podHostPorts } from '../nodeInfo.ts';
import { SKIP, unschedulable, type FilterPlugin, type HostPort } from '../types.ts';

/** ERR_REASON_NODE_PORTS is the reason shown for nodes whose ports are taken. */
export const ERR_REASON_NODE_PORTS = "node(s) didn't have free ports for the requested pod ports";

/** portsConflict is HostPortInfo.CheckConflict for one pair of ports. */
export function portsConflict(a: HostPort, b: HostPort): boolean {
  if (a.port !== b.port || a.protocol !== b.protocol) return false;
  return a.ip === '0.0.0.0' || b.ip === '0.0.0.0' || a.ip === b.ip;
}

/** nodePorts is the NodePorts filter plugin. */
export const nodePorts: FilterPlugin = {
  name: 'NodePorts',
  preFilter(_ctx, pod) {
    return podHostPorts(pod).length === 0 ? SKIP : undefined;
  },
  filter(_ctx, pod, nodeInfo) {
    const wanted = podHostPorts(pod);
    if (wanted.length === 0) return undefined;
    for (const p of wanted) {
      if (nodeInfo.usedPorts.some((used) => portsConflict(p, used))) return unschedulable(ERR_REASON_NODE_PORTS);
    }
    return undefined;
  },
};
