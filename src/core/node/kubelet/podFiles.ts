/**
 * The files the kubelet bind-mounts into every container of a pod (pkg/kubelet/kubelet_pods.go
 * makeMounts, and the DNS configurer in pkg/kubelet/network/dns): /etc/hosts ("Kubernetes-managed
 * hosts file"), /etc/hostname and /etc/resolv.conf as dnsPolicy says.
 */
import { flatString } from '../../api/flatString.ts';
import type { Pod } from '../../api/types.ts';
import { writeFile } from '../images/definition.ts';
import { OverlayFS, type LazyText } from '../runtime/overlayFS.ts';
import type { VirtualFS } from '../runtime/types.ts';

/** ResolvConf is the parsed shape the network layer gives (nameserver, search, ndots). */
export interface ResolvConfShape {
  nameserver: string;
  search: string[];
  ndots: number;
}

/** hostsFile is the kubelet-managed /etc/hosts of a pod (hostNetwork pods get the node's). */
export function hostsFile(pod: Pod, podIP: string): string {
  return new HostsText(podIP, hostsEntryOf(pod), pod.spec?.hostAliases).text();
}

/** hostsEntryOf is the names the pod's own line of /etc/hosts gives its IP. */
function hostsEntryOf(pod: Pod): string {
  const name = pod.spec?.hostname ?? pod.metadata!.name!;
  return pod.spec?.subdomain ? `${name}.${pod.spec.subdomain}.${pod.metadata!.namespace}.svc.cluster.local\t${name}` : name;
}

/**
 * HostsText is a pod's /etc/hosts as its inputs (the pod's IP, its names and the spec's frozen
 * hostAliases, all strings and objects the pod already holds), built when a container reads
 * the file: the text is ~250 bytes per container that nearly no container ever opens.
 */
class HostsText implements LazyText {
  constructor(
    private readonly podIP: string,
    private readonly entry: string,
    private readonly aliases: NonNullable<Pod['spec']>['hostAliases'],
  ) {}

  text(): string {
    const lines = [
      '# Kubernetes-managed hosts file.',
      '127.0.0.1\tlocalhost',
      '::1\tlocalhost ip6-localhost ip6-loopback',
      'fe00::0\tip6-localnet',
      'fe00::0\tip6-mcastprefix',
      'fe00::1\tip6-allnodes',
      'fe00::2\tip6-allrouters',
    ];
    lines.push(`${this.podIP}\t${this.entry}`);
    for (const h of this.aliases ?? []) {
      lines.push('', '# Entries added by HostAliases.', `${h.ip}\t${(h.hostnames ?? []).join('\t')}`);
    }
    // The trailing newline joins in too: one flat string, kept for the container's life.
    lines.push('');
    return lines.join('\n');
  }
}

/** resolvConfFor is the pod's resolv.conf for its dnsPolicy (ClusterFirst by default). */
export function resolvConfFor(pod: Pod, clusterDomain: string, fromNetwork?: ResolvConfShape): string {
  const policy = pod.spec?.dnsPolicy ?? 'ClusterFirst';
  const useNode = policy === 'Default' || policy === 'None' || (pod.spec?.hostNetwork && policy !== 'ClusterFirstWithHostNet');
  if (useNode) return 'nameserver 127.0.0.53\noptions edns0 trust-ad\nsearch .\n';
  const conf = fromNetwork ?? {
    nameserver: '10.96.0.10',
    search: [`${pod.metadata!.namespace}.svc.${clusterDomain}`, `svc.${clusterDomain}`, clusterDomain],
    ndots: 5,
  };
  // Flat: the file lives as long as the pod (a template literal is a rope of its pieces).
  return flatString(`search ${conf.search.join(' ')}\nnameserver ${conf.nameserver}\noptions ndots:${conf.ndots}\n`);
}

/** writePodFiles writes /etc/hosts, /etc/hostname and /etc/resolv.conf into a container's rootfs. */
export function writePodFiles(fs: VirtualFS, pod: Pod, podIP: string, resolvConf: string): void {
  const hosts = new HostsText(podIP, hostsEntryOf(pod), pod.spec?.hostAliases);
  if (fs instanceof OverlayFS) fs.writeLazy('/etc/hosts', hosts);
  else writeFile(fs, '/etc/hosts', hosts.text());
  writeFile(fs, '/etc/hostname', `${pod.spec?.hostname ?? pod.metadata!.name}\n`);
  writeFile(fs, '/etc/resolv.conf', resolvConf);
}
