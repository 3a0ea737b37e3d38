/**
 * ClusterView is the network layer's read-only window on API objects: Services, their ready
 * endpoints (from EndpointSlices, as kube-proxy and CoreDNS read them), pods and nodes.
 *
 * It reads through a client straight from storage rather than informer caches: a curl typed
 * right after `kubectl expose` must see the new Service, and these reads are rare.
 */
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { Node, Pod, Service, ServicePort } from 'kubernetes-types/core/v1';
import { findPort, isPodReady } from '../api/podUtil.ts';
import type { KubeObject } from '../api/types.ts';
import { ENDPOINTSLICES, NAMESPACES, NODES, PODS, SERVICES, type Client } from '../client/client.ts';

/** ReadyEndpoint is one backend of a Service port: a pod address and the resolved target port. */
export interface ReadyEndpoint {
  ip: string;
  port: number;
  hostname?: string;
  nodeName?: string;
  podName?: string;
}

/** SERVICE_NAME_LABEL links an EndpointSlice to its Service. */
export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

/** ClusterView answers the questions routing and DNS ask. */
export class ClusterView {
  constructor(private readonly client: Client) {}

  services(namespace?: string): Service[] {
    return this.client.list(SERVICES, namespace).items as Service[];
  }

  service(namespace: string, name: string): Service | undefined {
    return this.client.tryGet<KubeObject>(SERVICES, namespace, name) as Service | undefined;
  }

  namespaceExists(name: string): boolean {
    return this.client.tryGet(NAMESPACES, '', name) !== undefined;
  }

  pods(namespace?: string): Pod[] {
    return this.client.list(PODS, namespace).items as Pod[];
  }

  nodes(): Node[] {
    return this.client.list(NODES).items as Node[];
  }

  /** nodeIP is the node's InternalIP. */
  nodeIP(nodeName: string): string | undefined {
    const node = this.nodes().find((n) => n.metadata?.name === nodeName);
    return node?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;
  }

  /** nodeByIP finds the node owning an InternalIP. */
  nodeByIP(ip: string): Node | undefined {
    return this.nodes().find((n) => n.status?.addresses?.some((a) => a.type === 'InternalIP' && a.address === ip));
  }

  /** podByIP finds a live (not finished) pod with this IP; host-network pods share their node's IP. */
  podByIP(ip: string): Pod | undefined {
    return this.pods().find(
      (p) => p.status?.podIP === ip && !p.spec?.hostNetwork && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed',
    );
  }

  /** slices lists the EndpointSlices of a Service. */
  slices(svc: Service): EndpointSlice[] {
    const ns = svc.metadata?.namespace ?? '';
    return (this.client.list(ENDPOINTSLICES, ns).items as unknown as EndpointSlice[]).filter(
      (s) => s.metadata?.labels?.[SERVICE_NAME_LABEL] === svc.metadata?.name,
    );
  }

  /**
   * readyEndpoints lists the ready backends of one Service port. EndpointSlices are the
   * source (ports there are already resolved from named targetPorts). When a selector Service
   * has no slice at all (no endpoint controller installed), the selected Running+Ready pods
   * stand in, with named targetPorts resolved against their containers' ports.
   */
  readyEndpoints(svc: Service, sp: ServicePort): ReadyEndpoint[] {
    const slices = this.slices(svc);
    if (slices.length > 0) {
      const out: ReadyEndpoint[] = [];
      for (const s of slices) {
        const port = s.ports?.find((p) => (p.name ?? '') === (sp.name ?? '') && (p.protocol ?? 'TCP') === (sp.protocol ?? 'TCP'));
        if (!port?.port) continue;
        for (const e of s.endpoints ?? []) {
          if (e.conditions?.ready === false) continue;
          for (const ip of e.addresses) {
            out.push({ ip, port: port.port, hostname: e.hostname, nodeName: e.nodeName, podName: e.targetRef?.name });
          }
        }
      }
      return out;
    }
    return this.podsBackingService(svc, sp);
  }

  private podsBackingService(svc: Service, sp: ServicePort): ReadyEndpoint[] {
    const selector = svc.spec?.selector;
    if (!selector || Object.keys(selector).length === 0) return [];
    const out: ReadyEndpoint[] = [];
    for (const pod of this.pods(svc.metadata?.namespace)) {
      const labels = pod.metadata?.labels ?? {};
      if (!Object.entries(selector).every(([k, v]) => labels[k] === v)) continue;
      if (pod.metadata?.deletionTimestamp || pod.status?.phase !== 'Running' || !pod.status.podIP) continue;
      if (!isPodReady(pod)) continue;
      const port = findPort(pod, sp);
      if (port === undefined) continue;
      out.push({ ip: pod.status.podIP, port, hostname: pod.spec?.hostname, nodeName: pod.spec?.nodeName, podName: pod.metadata?.name });
    }
    return out;
  }
}

