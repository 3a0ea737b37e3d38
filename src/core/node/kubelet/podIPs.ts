/**
 * Pod IPs. Upstream the CNI plugin (IPAM host-local for flannel/calico-style setups) hands out
 * addresses from the node's podCIDR when the sandbox is created. When the network layer has
 * registered `cluster.services.get('network')` with an `allocatePodIP` function we ask it;
 * otherwise this node-local allocator does the same job: .1 is the bridge (cni0), pods get
 * .2, .3, ... in order after the last one handed out, wrapping round past .254 (host-local's
 * `lastReservedIP` rule), so a new pod usually gets a fresh address.
 */

/** PodNetwork is the part of the network layer the kubelet calls (both methods optional there). */
export interface PodNetwork {
  allocatePodIP?(nodeName: string, podCIDR: string, podUID: string): string;
  releasePodIP?(nodeName: string, podUID: string): void;
}

/** PodIPAllocator hands out addresses of one node's /24. */
export class PodIPAllocator {
  private readonly used = new Map<string, number>();
  private last = 1;

  constructor(private readonly podCIDR: string) {}

  /** allocate returns the pod's address (the same one on repeated calls for one uid). */
  allocate(uid: string): string {
    let host = this.used.get(uid);
    if (host === undefined) {
      const taken = new Set(this.used.values());
      host = this.last;
      for (let i = 0; i < 253; i++) {
        host = host >= 254 ? 2 : host + 1;
        if (!taken.has(host)) break;
      }
      this.last = host;
      this.used.set(uid, host);
    }
    return `${this.podCIDR.split('/')[0].split('.').slice(0, 3).join('.')}.${host}`;
  }

  release(uid: string): void {
    this.used.delete(uid);
  }

  save(): { used: [string, number][]; last: number } {
    return { used: [...this.used], last: this.last };
  }

  load(data: { used: [string, number][]; last: number }): void {
    this.used.clear();
    for (const [k, v] of data.used) this.used.set(k, v);
    this.last = data.last;
  }
}
