/**
 * kubectl cluster-info (staging/src/k8s.io/kubectl/pkg/cmd/clusterinfo/clusterinfo.go): the
 * control plane address from the kubeconfig, then every kube-system Service labelled
 * `kubernetes.io/cluster-service=true` (CoreDNS's kube-dns) as an apiserver proxy URL.
 *
 * NOTE: upstream colours the names green and the URLs yellow with go-colortext, which writes
 * ANSI escapes whether or not stdout is a terminal (issue kubernetes#5698); only TERM=dumb
 * turns them off. We do the same.
 */
import type { KubeObject, Service } from '../../../core/api/types.ts';
import { SERVICES } from '../../../core/client/client.ts';
import type { Invocation, KubectlCommand } from '../../command.ts';
import { CommandError } from '../../errors.ts';
import { currentContext } from '../../kubeconfig.ts';
import { notInPlayground } from '../notInPlayground.ts';

/** clusterInfo is `kubectl cluster-info`. */
export const clusterInfo: KubectlCommand = {
  name: 'cluster-info',
  short: 'Display cluster information',
  subcommands: [notInPlayground('dump', 'Dump relevant information for debugging and diagnosis')],
  run: runClusterInfo,
};

function runClusterInfo(inv: Invocation): number {
  const { ctx } = inv;
  if (inv.args.length > 0) throw new CommandError(`error: unknown command "${inv.args[0]}" for "kubectl cluster-info"`);
  const kc = currentContext(ctx.kubeconfig, inv.flags.string('context'));
  const host = inv.flags.string('server') || ctx.kubeconfig.clusters.find((c) => c.name === kc?.cluster)?.server || 'http://localhost:8080';
  const color = ctx.env.get('TERM') !== 'dumb';
  const line = (name: string, link: string) =>
    color ? `\x1b[0;32m${name}\x1b[0m is running at \x1b[0;33m${link}\x1b[0m\n` : `${name} is running at ${link}\n`;
  let out = line('Kubernetes control plane', host);
  const ns = inv.explicitNamespace ? inv.namespace : 'kube-system';
  const services = ctx.client.list(SERVICES, ns, { labelSelector: 'kubernetes.io/cluster-service=true' }).items;
  for (const svc of services) out += line(serviceName(svc), serviceLink(host, svc as Service));
  ctx.stdout(`${out}\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n`);
  return 0;
}

function serviceName(svc: KubeObject): string {
  return svc.metadata.labels?.['kubernetes.io/name'] || (svc.metadata?.name ?? '');
}

/** serviceLink is the LoadBalancer address, else the apiserver proxy URL of the first port. */
function serviceLink(host: string, svc: Service): string {
  const ingress = svc.status?.loadBalancer?.ingress ?? [];
  if (ingress.length > 0) {
    const ip = ingress[0].ip || ingress[0].hostname || '';
    return (svc.spec?.ports ?? []).map((p) => `http://${ip}:${p.port} `).join('');
  }
  let name = svc.metadata?.name ?? '';
  const port = svc.spec?.ports?.[0];
  if (port) {
    // utilnet.JoinSchemeNamePort: <scheme>:<name>:<port name>, leaving out empty parts at the ends.
    const scheme = port.name === 'https' || port.port === 443 ? 'https' : '';
    if (scheme) name = `${scheme}:${name}:${port.name ?? ''}`;
    else if (port.name) name = `${name}:${port.name}`;
  }
  return `${host}/api/v1/namespaces/${svc.metadata?.namespace}/services/${name}/proxy`;
}
