/**
 * Router is kube-proxy plus the pod network: it turns "connect to ip:port from here" into
 * the container that accepts, the way packets flow on a kubeadm node with kube-proxy in
 * iptables mode:
 *
 * - a Service ClusterIP:port is DNATed to one *ready* endpoint (random, like iptables'
 *   `--probability` rules, from a seeded source; `sessionAffinity: ClientIP` pins a client to
 *   its endpoint for `timeoutSeconds`); a Service without ready endpoints is REJECTed
 *   (connection refused at once); a port the Service does not define is simply dropped (timeout);
 * - a NodePort on any node's InternalIP goes the same way, SNATed to that node's IP
 *   (externalTrafficPolicy Cluster);
 * - a pod IP reaches that pod's containers: nothing listening ⇒ refused (RST);
 * - an address nobody owns times out.
 *
 * NetworkPolicy is not enforced yet: `policy` is the hook where it will plug in (a denied
 * connection is dropped, so it times out, as with real CNI plugins).
 */
import type { Service, ServicePort } from 'kubernetes-types/core/v1';
import { Random } from '../sim/random.ts';
import type { ClusterView, ReadyEndpoint } from './clusterView.ts';
import type { ConnectResult, ContainerEndpoint, NetProtocol } from './types.ts';

/** PolicyHook decides whether a connection to a pod is allowed (NetworkPolicy). */
export type PolicyHook = (fromIP: string, toPodIP: string, port: number, protocol: NetProtocol) => boolean;

/** Attachments is the kubelet-maintained table: address → containers in that network namespace. */
export interface Attachments {
  containersAt(ip: string): ContainerEndpoint[];
}

interface Affinity {
  endpoint: string;
  until: number;
}

/** RouterState is the router's saved state (affinity table and the endpoint picker's seed). */
export interface RouterState {
  random: number;
  affinity: [string, Affinity][];
}

/** Router resolves connections; see the file comment. */
export class Router {
  policy?: PolicyHook;
  private readonly random: Random;
  private readonly affinity = new Map<string, Affinity>();

  constructor(
    private readonly view: ClusterView,
    private readonly attachments: Attachments,
    private readonly now: () => number,
    seed: number,
  ) {
    this.random = new Random(seed);
  }

  /** connect opens a TCP (or UDP) flow from `fromIP` to `ip:port`. */
  connect(fromIP: string, ip: string, port: number, protocol: NetProtocol = 'TCP'): ConnectResult {
    const svc = this.view.services().find((s) => s.spec?.clusterIP === ip && s.spec.clusterIP !== 'None');
    if (svc) {
      const sp = svc.spec?.ports?.find((p) => p.port === port && (p.protocol ?? 'TCP') === protocol);
      if (!sp) return { ok: false, error: 'timeout', elapsedMs: 0 };
      return this.toService(fromIP, svc, sp, protocol, fromIP);
    }
    const node = this.view.nodeByIP(ip);
    if (node) {
      const nodePortSvc = this.view
        .services()
        .find((s) => (s.spec?.type === 'NodePort' || s.spec?.type === 'LoadBalancer') && s.spec.ports?.some((p) => p.nodePort === port && (p.protocol ?? 'TCP') === protocol));
      if (nodePortSvc) {
        const sp = nodePortSvc.spec!.ports!.find((p) => p.nodePort === port)!;
        return this.toService(fromIP, nodePortSvc, sp, protocol, ip);
      }
      return this.toAddress(fromIP, ip, port, protocol, fromIP);
    }
    return this.toAddress(fromIP, ip, port, protocol, fromIP);
  }

  /** toService DNATs to one ready endpoint of a Service port. */
  private toService(fromIP: string, svc: Service, sp: ServicePort, protocol: NetProtocol, sourceIP: string): ConnectResult {
    const endpoints = this.view.readyEndpoints(svc, sp);
    if (endpoints.length === 0) return { ok: false, error: 'refused', elapsedMs: 1 };
    const chosen = this.pick(fromIP, svc, endpoints);
    return this.toAddress(fromIP, chosen.ip, chosen.port, protocol, sourceIP);
  }

  /** toAddress delivers to whatever listens at ip:port (a pod or a host-network process). */
  private toAddress(fromIP: string, ip: string, port: number, protocol: NetProtocol, sourceIP: string): ConnectResult {
    const containers = this.attachments.containersAt(ip);
    const known = containers.length > 0 || !!this.view.podByIP(ip) || !!this.view.nodeByIP(ip) || ip === '127.0.0.1';
    if (!known) return { ok: false, error: 'timeout', elapsedMs: 0 };
    if (this.policy && !this.policy(fromIP, ip, port, protocol)) return { ok: false, error: 'timeout', elapsedMs: 0 };
    for (const c of containers) {
      if (!c.running) continue;
      const listening = protocol === 'UDP' ? c.ports().some((p) => p.port === port && p.protocol === 'UDP') : c.accepts(port);
      if (listening) return { ok: true, podIP: ip, port, endpoint: c, sourceIP };
    }
    return { ok: false, error: 'refused', elapsedMs: 0 };
  }

  /** pick chooses an endpoint: the pinned one under ClientIP affinity, else a seeded random one. */
  private pick(fromIP: string, svc: Service, endpoints: ReadyEndpoint[]): ReadyEndpoint {
    const spec = svc.spec ?? {};
    const key = `${svc.metadata?.namespace}/${svc.metadata?.name}|${fromIP}`;
    if (spec.sessionAffinity === 'ClientIP') {
      const pinned = this.affinity.get(key);
      const hit = pinned && pinned.until > this.now() ? endpoints.find((e) => `${e.ip}:${e.port}` === pinned.endpoint) : undefined;
      const chosen = hit ?? endpoints[this.random.int(endpoints.length)];
      const seconds = spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? 10800;
      this.affinity.set(key, { endpoint: `${chosen.ip}:${chosen.port}`, until: this.now() + seconds * 1000 });
      return chosen;
    }
    return endpoints[this.random.int(endpoints.length)];
  }

  save(): RouterState {
    return { random: this.random.getState(), affinity: [...this.affinity] };
  }

  load(state: RouterState): void {
    this.random.setState(state.random);
    this.affinity.clear();
    for (const [k, v] of state.affinity ?? []) this.affinity.set(k, v);
  }
}
