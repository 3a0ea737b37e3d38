/**
 * A stub resolver as glibc and musl run it from /etc/resolv.conf: names with fewer dots than
 * `ndots` (5 in pods) are tried with each search domain first, then as given; a trailing dot
 * makes a name absolute. The pod's resolv.conf is the kubelet's ClusterFirst one:
 *
 *   search <ns>.svc.cluster.local svc.cluster.local cluster.local
 *   nameserver 10.96.0.10
 *   options ndots:5
 */
import type { DnsAnswer } from './records.ts';

/** ResolvConf is a parsed /etc/resolv.conf. */
export interface ResolvConf {
  nameserver: string;
  search: string[];
  ndots: number;
}

/** podResolvConf is the kubelet's ClusterFirst resolv.conf for a pod in `namespace`. */
export function podResolvConf(namespace: string, dnsIP: string, zone: string): ResolvConf {
  return { nameserver: dnsIP, search: [`${namespace}.svc.${zone}`, `svc.${zone}`, zone], ndots: 5 };
}

/** renderResolvConf prints a resolv.conf as the kubelet writes it into the pod. */
export function renderResolvConf(conf: ResolvConf): string {
  const search = conf.search.length ? `search ${conf.search.join(' ')}\n` : '';
  return `${search}nameserver ${conf.nameserver}\noptions ndots:${conf.ndots}\n`;
}

/** candidates lists the absolute names a resolver tries for `name`, in order. */
export function candidates(name: string, conf: ResolvConf): string[] {
  if (name.endsWith('.')) return [name.slice(0, -1)];
  const dots = name.split('.').length - 1;
  const searched = conf.search.map((d) => `${name}.${d}`);
  return dots >= conf.ndots ? [name, ...searched] : [...searched, name];
}

/** Resolution is the first answer with records (or the last NXDOMAIN), and every name tried. */
export interface Resolution {
  /** name is the absolute name that answered (or the name as typed when nothing did). */
  name: string;
  answer: DnsAnswer;
  tried: { name: string; answer: DnsAnswer }[];
}

/** resolveWithSearch runs the search list against a lookup of absolute names. */
export function resolveWithSearch(name: string, conf: ResolvConf, lookup: (fqdn: string) => DnsAnswer): Resolution {
  const tried: Resolution['tried'] = [];
  for (const fqdn of candidates(name, conf)) {
    const answer = lookup(fqdn);
    tried.push({ name: fqdn, answer });
    if (answer.records.length > 0) return { name: fqdn, answer, tried };
  }
  return { name: name.replace(/\.$/, ''), answer: { rcode: 'NXDOMAIN', records: [] }, tried };
}
