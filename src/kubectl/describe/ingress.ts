/**
 * `kubectl describe ingress` (describe.go: describeIngressV1, describeBackendV1,
 * describeIngressTLSV1): each backend shows the ready endpoints of its Service port.
 */
import type { Ingress, IngressBackend } from 'kubernetes-types/networking/v1';
import type { KubeObject } from '../../core/api/types.ts';
import { describeEvents } from './events.ts';
import { printAnnotationsMultiline, printLabelsMultiline } from './metaSections.ts';
import { LEVEL_0, LEVEL_1, LEVEL_2, tabbedString } from './prefixWriter.ts';
import { formatEndpointSlices } from './service.ts';
import type { DescribeContext } from './types.ts';

const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

/** describeBackend renders "svc:80 (10.244.1.4:80,10.244.2.3:80)" or the resource backend. */
function describeBackend(backend: IngressBackend, ctx: DescribeContext): string {
  if (backend.service) {
    const { name, port } = backend.service;
    const sb = `${name}:${port?.number ? port.number : (port?.name ?? '')}`;
    const service = (ctx.services ?? []).find((s) => s.metadata?.name === name);
    if (!service) return `${sb} (<error: services "${name}" not found>)`;
    let spName = '';
    for (const sp of service.spec?.ports ?? []) {
      if (port?.number && port.number === sp.port) spName = sp.name ?? '';
      else if (port?.name && port.name === sp.name) spName = sp.name ?? '';
    }
    const slices = (ctx.endpointSlices ?? []).filter((s) => s.metadata?.labels?.[SERVICE_NAME_LABEL] === name);
    return `${sb} (${formatEndpointSlices(slices, new Set([spName]))})`;
  }
  if (backend.resource) {
    const r = backend.resource;
    return `APIGroup: ${r.apiGroup ?? '<none>'}, Kind: ${r.kind}, Name: ${r.name}`;
  }
  return '';
}

/** describeIngress renders `kubectl describe ingress`. */
export function describeIngress(obj: KubeObject, ctx: DescribeContext): string {
  const ing = obj as unknown as Ingress;
  const spec = ing.spec ?? {};
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ing.metadata?.name ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', ing.metadata?.labels);
    w.write(LEVEL_0, `Namespace:\t${ing.metadata?.namespace ?? ''}\n`);
    const addresses = new Set<string>();
    for (const i of ing.status?.loadBalancer?.ingress ?? []) {
      if (i.ip) addresses.add(i.ip);
      else if (i.hostname) addresses.add(i.hostname);
    }
    w.write(LEVEL_0, `Address:\t${[...addresses].sort().join(',')}\n`);
    w.write(LEVEL_0, `Ingress Class:\t${spec.ingressClassName ?? '<none>'}\n`);
    const defaultBackend = spec.defaultBackend ? describeBackend(spec.defaultBackend, ctx) : '<default>';
    w.write(LEVEL_0, `Default backend:\t${defaultBackend}\n`);
    if ((spec.tls ?? []).length > 0) {
      w.write(LEVEL_0, 'TLS:\n');
      for (const t of spec.tls!) {
        const hosts = (t.hosts ?? []).join(',');
        if (!t.secretName) w.write(LEVEL_1, `SNI routes ${hosts}\n`);
        else w.write(LEVEL_1, `${t.secretName} terminates ${hosts}\n`);
      }
    }
    w.write(LEVEL_0, 'Rules:\n  Host\tPath\tBackends\n');
    w.write(LEVEL_1, '----\t----\t--------\n');
    let count = 0;
    for (const rule of spec.rules ?? []) {
      if (!rule.http) continue;
      count++;
      w.write(LEVEL_1, `${rule.host || '*'}\t\n`);
      for (const path of rule.http.paths) {
        w.write(LEVEL_2, `\t${path.path ?? ''} \t${describeBackend(path.backend, ctx)}\n`);
      }
    }
    if (count === 0) w.write(LEVEL_1, `*\t*\t${defaultBackend}\n`);
    printAnnotationsMultiline(w, 'Annotations', ing.metadata?.annotations);
    if (ctx.events) describeEvents(ctx.events, w, ctx.now);
  });
}
