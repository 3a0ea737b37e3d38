/**
 * `kubectl create ingress NAME --rule=host/path=service:port[,tls[=secret]] [--class] [--default-backend] [--annotation]`
 *
 * Models create_ingress.go: a path ending in '*' is a Prefix match (the '*' is dropped),
 * any other path is Exact; rules for the same host share one rule; TLS hosts are grouped
 * by secret name.
 */
import type { GeneratorContext } from './context.ts';
import { objectMeta, type GeneratedObject } from './meta.ts';
import { UsageError, exactlyOneName } from './usageError.ts';

/** IngressFlags are the parsed flags of `create ingress`. */
export interface IngressFlags {
  /** --rule (StringArray): "host/path=svcname:svcport[,tls[=secret]]". */
  rule?: string[];
  /** --class: spec.ingressClassName. */
  class?: string;
  /** --default-backend: "svcname:port". */
  defaultBackend?: string;
  /** --annotation (StringArray): "key=value". */
  annotation?: string[];
}

const RULE = /^([\w*\-.]*)(\/[^=]*)=([\w-]+):([\w-]+)(,tls=?([\w-]+)?)?$/;
const BACKEND = /^([\w-]+):([\w-]+)$/;

function backend(service: string, port: string): Record<string, unknown> {
  return { service: { name: service, port: /^[0-9]+$/.test(port) ? { number: Number(port) } : { name: port } } };
}

/** generateIngress builds the networking.k8s.io/v1 Ingress kubectl would create. */
export function generateIngress(args: string[], flags: IngressFlags, ctx?: GeneratorContext): GeneratedObject {
  const name = exactlyOneName(args);
  const rules = flags.rule ?? [];
  const defaultBackend = flags.defaultBackend ?? '';
  if (rules.length === 0 && defaultBackend === '') {
    throw new UsageError(
      'not enough information provided: every ingress has to either specify a default-backend (which catches all traffic) or a list of rules (which catch specific paths)',
    );
  }
  const annotations: Record<string, string> = {};
  for (const a of flags.annotation ?? []) {
    const eq = a.indexOf('=');
    if (eq < 0) throw new UsageError(`annotation ${a} is invalid and should be in format key=[value]`);
    annotations[a.slice(0, eq)] = a.slice(eq + 1);
  }
  if (defaultBackend !== '' && !BACKEND.test(defaultBackend)) {
    throw new UsageError('default-backend should be in format servicename:serviceport');
  }
  const parsed = rules.map((rule) => {
    const m = rule.match(RULE);
    if (!m) throw new UsageError(`rule ${rule} is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]`);
    return { host: m[1], path: m[2], service: m[3], port: m[4], tls: m[5] !== undefined, secret: m[6] ?? '' };
  });
  const spec: Record<string, unknown> = {};
  if (flags.class) spec.ingressClassName = flags.class;
  if (defaultBackend !== '') {
    const [, svc, port] = defaultBackend.match(BACKEND) as RegExpMatchArray;
    spec.defaultBackend = backend(svc, port);
  }
  const tls: Array<{ hosts?: string[]; secretName?: string }> = [];
  for (const r of parsed.filter((p) => p.tls)) {
    let entry = tls.find((t) => (t.secretName ?? '') === r.secret);
    if (!entry) {
      entry = {};
      tls.push(entry);
    }
    if (r.host !== '') (entry.hosts ??= []).push(r.host);
    if (r.secret !== '') entry.secretName = r.secret;
  }
  // Keep hosts before secretName, as Go's IngressTLS struct prints them.
  if (tls.length > 0) spec.tls = tls.map((t) => ({ ...(t.hosts ? { hosts: t.hosts } : {}), ...(t.secretName ? { secretName: t.secretName } : {}) }));
  const ingressRules: Array<{ host?: string; http: { paths: unknown[] } }> = [];
  for (const r of parsed) {
    const prefix = r.path.endsWith('*');
    const path = { path: prefix ? r.path.slice(0, -1) : r.path, pathType: prefix ? 'Prefix' : 'Exact', backend: backend(r.service, r.port) };
    const existing = ingressRules.find((x) => (x.host ?? '') === r.host);
    if (existing) existing.http.paths.push(path);
    else ingressRules.push({ ...(r.host !== '' ? { host: r.host } : {}), http: { paths: [path] } });
  }
  if (ingressRules.length > 0) spec.rules = ingressRules;
  return {
    kind: 'Ingress',
    apiVersion: 'networking.k8s.io/v1',
    metadata: objectMeta(name, ctx, { annotations }),
    spec,
    status: { loadBalancer: {} },
  };
}
