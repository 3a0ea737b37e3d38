/**
 * ClusterNetwork is the network layer's in-memory part, published as
 * `cluster.services.get('network')` (see README.md for the contract):
 *
 * - pod IPAM for the kubelet (`allocatePodIP` / `releasePodIP`),
 * - the attachment table the kubelet fills with running containers (`attach` / `detach`),
 * - DNS as CoreDNS answers it (`resolve`, only while a CoreDNS endpoint is ready and listening),
 * - routing (`connect`, `httpRequest`) as kube-proxy and the CNI deliver packets.
 */
import type { Cluster } from '../sim/cluster.ts';
import { ClusterView } from './clusterView.ts';
import { lookupRecords, reverseRecord } from './dns/records.ts';
import { podResolvConf, resolveWithSearch, type ResolvConf, type Resolution } from './dns/resolver.ts';
import { PodIPAM, type PodIPAMState } from './podIPAM.ts';
import { Router, type RouterState } from './router.ts';
import type { ClusterIPAllocator, NodePortAllocator } from './serviceAllocators.ts';
import type { ConnectResult, ContainerEndpoint, NetIdentity, NetProtocol } from './types.ts';

/** KUBE_DNS_IP is the 10th address of the service range, where kubeadm puts kube-dns. */
export const KUBE_DNS_IP = '10.96.0.10';

interface Attached {
  ip: string;
  podUID: string;
  container: string;
  endpoint: ContainerEndpoint;
}

/** NetworkState is what snapshots keep (attachments are rebuilt by the kubelets). */
export interface NetworkState {
  ipam: PodIPAMState;
  clusterIPs: string[];
  nodePorts: number[];
  router: RouterState;
}

/** ClusterNetwork: see the file comment. */
export class ClusterNetwork {
  readonly view: ClusterView;
  readonly ipam = new PodIPAM();
  readonly router: Router;
  readonly zone: string;
  private readonly attached = new Map<string, Attached>();

  constructor(
    private readonly cluster: Cluster,
    readonly clusterIPs: ClusterIPAllocator,
    readonly nodePorts: NodePortAllocator,
  ) {
    this.view = new ClusterView(cluster.client('kube-proxy'));
    this.zone = cluster.options.clusterDomain;
    this.router = new Router(this.view, { containersAt: (ip) => this.containersAt(ip) }, () => cluster.clock.now(), cluster.options.seed * 7919 + 53);
  }

  // ---- IPAM (called by the kubelet when it creates a pod sandbox) ----------------------

  /** allocatePodIP gives the pod an address from its node's podCIDR (host-local IPAM). */
  allocatePodIP(nodeName: string, podCIDR: string, podUID: string): string {
    return this.ipam.allocate(nodeName, podCIDR, podUID);
  }

  /** releasePodIP frees the address when the sandbox is torn down. */
  releasePodIP(nodeName: string, podUID: string): void {
    this.ipam.release(nodeName, podUID);
  }

  // ---- attachments (called by the kubelet when containers start and stop) --------------

  /**
   * attach makes a running container reachable at `ip` (the pod IP, or the node IP for
   * hostNetwork pods). Re-attaching the same pod/container replaces the old entry.
   */
  attach(ip: string, podUID: string, container: string, endpoint: ContainerEndpoint): void {
    this.attached.set(`${podUID}/${container}`, { ip, podUID, container, endpoint });
  }

  /** detach removes one container, or every container of the pod when `container` is omitted. */
  detach(podUID: string, container?: string): void {
    for (const [key, a] of this.attached) if (a.podUID === podUID && (container === undefined || a.container === container)) this.attached.delete(key);
  }

  /** containersAt lists the live containers sharing the network namespace at `ip`. */
  containersAt(ip: string): ContainerEndpoint[] {
    return [...this.attached.values()].filter((a) => a.ip === ip && a.endpoint.running).map((a) => a.endpoint);
  }

  // ---- identity ---------------------------------------------------------------------------

  /** ipOf is the source address of an identity (node InternalIP or pod IP). */
  ipOf(id: NetIdentity): string {
    if (id.kind === 'pod') return id.podIP;
    return this.view.nodeIP(id.nodeName) ?? '127.0.0.1';
  }

  /** resolvConf is the identity's /etc/resolv.conf: ClusterFirst in pods, systemd-resolved on nodes. */
  resolvConf(id: NetIdentity): ResolvConf {
    if (id.kind === 'pod') return podResolvConf(id.namespace, KUBE_DNS_IP, this.zone);
    return { nameserver: '127.0.0.53', search: [], ndots: 1 };
  }

  // ---- DNS ----------------------------------------------------------------------------------

  /**
   * dnsServerUp says whether a DNS query to `server` gets an answer. For the cluster DNS
   * (10.96.0.10, or a CoreDNS pod IP) that needs a ready kube-dns endpoint whose container
   * listens on 53/UDP; a node's own stub resolver (127.0.0.53) always answers.
   */
  dnsServerUp(fromIP: string, server: string): boolean {
    if (server === '127.0.0.53') return true;
    const r = this.router.connect(fromIP, server, 53, 'UDP');
    if (r.ok) return true;
    // Without a kubelet attaching containers, trust endpoint readiness alone.
    if (this.attached.size === 0 && server === KUBE_DNS_IP) {
      const svc = this.view.service('kube-system', 'kube-dns');
      const dns = svc?.spec?.ports?.find((p) => p.port === 53 && p.protocol === 'UDP');
      return !!svc && !!dns && this.view.readyEndpoints(svc, dns).length > 0;
    }
    return false;
  }

  /**
   * resolve looks a name up as the identity's resolver would, through `server` (its
   * nameserver by default). Returns 'timeout' when no server answers. A node's stub resolver
   * knows /etc/hosts (node names, localhost) but not cluster names, as on a real node.
   */
  resolve(id: NetIdentity, name: string, server?: string): Resolution | 'timeout' {
    const conf = this.resolvConf(id);
    const ns = server ?? conf.nameserver;
    if (!this.dnsServerUp(this.ipOf(id), ns)) return 'timeout';
    const hosts = this.hostsEntry(id, name);
    if (hosts) return { name, answer: { rcode: 'NOERROR', records: [{ name, type: 'A', value: hosts, ttl: 0 }] }, tried: [] };
    const lookup = ns === '127.0.0.53' ? () => ({ rcode: 'NXDOMAIN' as const, records: [] }) : (fqdn: string) => lookupRecords(this.view, fqdn, this.zone);
    return resolveWithSearch(name, server && id.kind === 'node' ? podResolvConf('default', ns, this.zone) : conf, lookup);
  }

  /** reverseName is the cluster DNS's PTR answer for an IP (see dns/records.ts reverseRecord). */
  reverseName(ip: string): string | undefined {
    return reverseRecord(this.view, ip, this.zone);
  }

  /** hostsEntry is /etc/hosts: localhost, the node names on nodes, the pod's own name in pods. */
  private hostsEntry(id: NetIdentity, name: string): string | undefined {
    if (name === 'localhost') return '127.0.0.1';
    if (id.kind === 'pod') return name === id.podName ? id.podIP : undefined;
    return this.view.nodeIP(name);
  }

  // ---- routing ------------------------------------------------------------------------------

  /** connect opens a flow from an identity to ip:port (127.0.0.1 means the identity itself). */
  connect(from: NetIdentity, ip: string, port: number, protocol: NetProtocol = 'TCP'): ConnectResult {
    const fromIP = this.ipOf(from);
    const target = ip === '127.0.0.1' || ip === 'localhost' ? fromIP : ip;
    return this.router.connect(fromIP, target, port, protocol);
  }

  save(): NetworkState {
    return { ipam: this.ipam.save(), clusterIPs: this.clusterIPs.save(), nodePorts: this.nodePorts.save(), router: this.router.save() };
  }

  load(state: NetworkState): void {
    this.ipam.load(state.ipam);
    this.clusterIPs.load(state.clusterIPs ?? []);
    this.nodePorts.load(state.nodePorts ?? []);
    if (state.router) this.router.load(state.router);
  }

  /** clusterRef is the cluster this network belongs to (commands use its clock). */
  get clusterRef(): Cluster {
    return this.cluster;
  }
}
