/**
 * PodIPAM hands out pod IPs per node, as the CNI's host-local IPAM plugin does on each node
 * (flannel and calico-with-host-local both use it): the node's podCIDR is a /24 by default, `.1`
 * is the bridge (cni0), pods get `.2`, `.3`, ... continuing after the last address handed out
 * (host-local's `lastReservedIP`), wrapping past the last address before the broadcast (`.254`). So a new pod usually gets a fresh
 * address and the same seed and script always give the same IPs.
 *
 * The node's podCIDR is assigned by the kubelet at registration (node-ipam's range
 * allocator order: controlplane 10.244.0.0/24, node01 10.244.1.0/24, ...); see podCIDRFor in node/kubelet/nodeObject.ts.
 */
import { formatIPv4, parseCidr, type Cidr } from './ipv4.ts';

interface NodeRange {
  cidr: string;
  /** parsed is `cidr` parsed on first use (every allocation needs its base and size). */
  parsed?: Cidr;
  last: number;
  /** byUID maps pod UID → host offset in the node's range. */
  byUID: Map<string, number>;
  /** taken holds the host offsets in use (byUID's values). */
  taken: Set<number>;
}

/** PodIPAMState is the saved form of the allocator. */
export interface PodIPAMState {
  nodes: { node: string; cidr: string; last: number; pods: [string, number][] }[];
}

/** PodIPAM tracks every node's pod addresses. */
export class PodIPAM {
  private readonly nodes = new Map<string, NodeRange>();

  /** allocate returns the pod's IP on `nodeName` (the same one on repeated calls for one UID). */
  allocate(nodeName: string, podCIDR: string, podUID: string): string {
    let range = this.nodes.get(nodeName);
    if (!range || range.cidr !== podCIDR) {
      range = { cidr: podCIDR, last: 1, byUID: new Map(), taken: new Set() };
      this.nodes.set(nodeName, range);
    }
    const base = (range.parsed ??= parseCidr(podCIDR));
    const lastHost = base.size - 2;
    let host = range.byUID.get(podUID);
    if (host === undefined) {
      host = range.last;
      let found = false;
      for (let i = 0; i < lastHost - 1; i++) {
        host = host >= lastHost ? 2 : host + 1;
        if (!range.taken.has(host)) {
          found = true;
          break;
        }
      }
      // WARNING: a full range (253 pods in a /24) is beyond kubelet's max-pods of 110; reuse is never reached in practice.
      if (!found) throw new Error(`failed to allocate for range 0: no IP addresses available in range set: ${podCIDR}`);
      range.last = host;
      range.byUID.set(podUID, host);
      range.taken.add(host);
    }
    return formatIPv4(base.base + host);
  }

  /** release frees the pod's address on its node. */
  release(nodeName: string, podUID: string): void {
    const range = this.nodes.get(nodeName);
    const host = range?.byUID.get(podUID);
    if (range === undefined || host === undefined) return;
    range.byUID.delete(podUID);
    range.taken.delete(host);
  }

  /** owner finds which node and pod UID hold an IP. */
  owner(ip: string): { node: string; podUID: string } | undefined {
    for (const [node, range] of this.nodes) {
      const base = parseCidr(range.cidr);
      for (const [uid, host] of range.byUID) if (formatIPv4(base.base + host) === ip) return { node, podUID: uid };
    }
    return undefined;
  }

  save(): PodIPAMState {
    return {
      nodes: [...this.nodes].map(([node, r]) => ({ node, cidr: r.cidr, last: r.last, pods: [...r.byUID] })),
    };
  }

  load(state: PodIPAMState): void {
    this.nodes.clear();
    for (const n of state.nodes ?? []) {
      const byUID = new Map(n.pods);
      this.nodes.set(n.node, { cidr: n.cidr, last: n.last, byUID, taken: new Set(byUID.values()) });
    }
  }
}
