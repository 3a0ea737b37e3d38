/**
 * lookupRecords answers one absolute name the way CoreDNS's `kubernetes` plugin does for
 * the cluster zone (https://github.com/kubernetes/dns/blob/master/docs/specification.md):
 *
 * - `<svc>.<ns>.svc.<zone>`: the ClusterIP (A); for headless Services one A per ready endpoint;
 *   for ExternalName a CNAME to `spec.externalName`;
 * - `<hostname>.<svc>.<ns>.svc.<zone>`: the endpoint with that hostname (StatefulSet pods);
 * - `<a-b-c-d>.<ns>.pod.<zone>`: `a.b.c.d` (kubeadm's Corefile says `pods insecure`, which
 *   answers any well-formed address without checking that a pod has it);
 * - `<ns>.svc.<zone>` of an existing namespace, and `svc.<zone>` or `<zone>` themselves: NOERROR
 *   with no records (NODATA);
 * - anything else in the zone: NXDOMAIN. Names outside it are forwarded upstream; the
 *   playground has no Internet, so they are NXDOMAIN too (see README).
 */
import type { Service } from 'kubernetes-types/core/v1';
import type { ClusterView } from '../clusterView.ts';
import { isIPv4 } from '../ipv4.ts';

/** DnsRecord is one answer record. */
export interface DnsRecord {
  name: string;
  type: 'A' | 'CNAME';
  value: string;
  /** ttl is CoreDNS's default 30 s for the kubernetes plugin. */
  ttl: number;
}

/** DnsAnswer is the result of one query. */
export interface DnsAnswer {
  rcode: 'NOERROR' | 'NXDOMAIN';
  records: DnsRecord[];
}

/** DNS_TTL is the kubernetes plugin's `ttl` default. */
export const DNS_TTL = 30;

const NX: DnsAnswer = { rcode: 'NXDOMAIN', records: [] };
const NODATA: DnsAnswer = { rcode: 'NOERROR', records: [] };

/** lookupRecords answers an absolute name (without trailing dot) in `zone` (cluster.local). */
export function lookupRecords(view: ClusterView, name: string, zone: string): DnsAnswer {
  const fqdn = name.toLowerCase().replace(/\.$/, '');
  if (fqdn === zone) return NODATA;
  if (!fqdn.endsWith(`.${zone}`)) return NX;
  const labels = fqdn.slice(0, -(zone.length + 1)).split('.');
  const kind = labels[labels.length - 1];
  if (kind === 'svc') return lookupService(view, labels.slice(0, -1), fqdn);
  if (kind === 'pod') return lookupPod(view, labels.slice(0, -1), fqdn);
  return NX;
}

function lookupService(view: ClusterView, labels: string[], fqdn: string): DnsAnswer {
  if (labels.length === 0) return NODATA;
  const ns = labels[labels.length - 1];
  if (labels.length === 1) return view.namespaceExists(ns) ? NODATA : NX;
  const svcName = labels[labels.length - 2];
  const svc = view.service(ns, svcName);
  if (!svc) return NX;
  if (labels.length === 3) return lookupEndpointHostname(view, svc, labels[0], fqdn);
  if (labels.length > 3) return NX;
  const spec = svc.spec ?? {};
  if (spec.type === 'ExternalName') {
    return { rcode: 'NOERROR', records: [{ name: fqdn, type: 'CNAME', value: (spec.externalName ?? '').replace(/\.$/, ''), ttl: DNS_TTL }] };
  }
  if (spec.clusterIP && spec.clusterIP !== 'None') return { rcode: 'NOERROR', records: [{ name: fqdn, type: 'A', value: spec.clusterIP, ttl: DNS_TTL }] };
  const ips = headlessAddresses(view, svc).map((e) => e.ip);
  return { rcode: 'NOERROR', records: [...new Set(ips)].map((ip) => ({ name: fqdn, type: 'A' as const, value: ip, ttl: DNS_TTL })) };
}

function headlessAddresses(view: ClusterView, svc: Service): { ip: string; hostname?: string }[] {
  const ports = svc.spec?.ports?.length ? svc.spec.ports : [{ port: 0, name: '' }];
  const out: { ip: string; hostname?: string }[] = [];
  for (const sp of ports) out.push(...view.readyEndpoints(svc, { ...sp, port: sp.port ?? 0 }));
  if (out.length === 0) {
    // A headless Service without ports still publishes its endpoints (slices with no ports).
    for (const s of view.slices(svc)) for (const e of s.endpoints ?? []) if (e.conditions?.ready !== false) for (const ip of e.addresses) out.push({ ip, hostname: e.hostname });
  }
  return out;
}

function lookupEndpointHostname(view: ClusterView, svc: Service, hostname: string, fqdn: string): DnsAnswer {
  if (svc.spec?.clusterIP !== 'None') return NX;
  const hit = headlessAddresses(view, svc).filter((e) => e.hostname === hostname);
  if (hit.length === 0) return NX;
  return { rcode: 'NOERROR', records: [{ name: fqdn, type: 'A', value: hit[0].ip, ttl: DNS_TTL }] };
}

function lookupPod(view: ClusterView, labels: string[], fqdn: string): DnsAnswer {
  if (labels.length === 1) return view.namespaceExists(labels[0]) ? NODATA : NX;
  if (labels.length !== 2) return NX;
  const ip = labels[0].replace(/-/g, '.');
  if (!isIPv4(ip)) return NX;
  return { rcode: 'NOERROR', records: [{ name: fqdn, type: 'A', value: ip, ttl: DNS_TTL }] };
}

/**
 * reverseRecord is the PTR answer CoreDNS's kubernetes plugin gives for an IP in the cluster's
 * reverse zones (plugin/kubernetes/reverse.go serviceRecordForIP): a Service's ClusterIP names
 * `<svc>.<ns>.svc.<zone>`; otherwise a ready endpoint of any Service names
 * `<hostname or a-b-c-d>.<svc>.<ns>.svc.<zone>`; anything else (a bare pod IP) has no PTR.
 */
export function reverseRecord(view: ClusterView, ip: string, zone: string): string | undefined {
  const services = view.services();
  const byClusterIP = services.find((s) => s.spec?.clusterIP === ip || (s.spec?.clusterIPs ?? []).includes(ip));
  if (byClusterIP) return `${byClusterIP.metadata?.name}.${byClusterIP.metadata?.namespace}.svc.${zone}`;
  for (const svc of services) {
    for (const slice of view.slices(svc)) {
      for (const e of slice.endpoints ?? []) {
        if (e.conditions?.ready === false || !e.addresses.includes(ip)) continue;
        const host = e.hostname || ip.replace(/\./g, '-');
        return `${host}.${svc.metadata?.name}.${svc.metadata?.namespace}.svc.${zone}`;
      }
    }
  }
  return undefined;
}
