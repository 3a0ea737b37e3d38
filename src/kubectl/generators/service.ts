/**
 * `kubectl create service clusterip|nodeport|loadbalancer|externalname NAME --tcp=port:targetPort`
 *
 * Models staging/src/k8s.io/kubectl/pkg/cmd/create/create_service.go: labels and selector
 * `app=NAME`; each --tcp entry "port[:targetPort]" becomes a TCP port named after the
 * entry with ':' replaced by '-'.
 */
import type { GeneratorContext } from './context.ts';
import { objectMeta, type GeneratedObject } from './meta.ts';
import { UsageError, exactlyOneName, requiredFlagsError } from './usageError.ts';

/** ServiceType is the `create service` subcommand, as spec.type. */
export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

/** ServiceFlags are the parsed flags of the `create service` subcommands. */
export interface ServiceFlags {
  /** --tcp (StringSlice): "port" or "port:targetPort" (targetPort may be a port name). */
  tcp?: string[];
  /** --clusterip (clusterip only): "None" makes a headless service. */
  clusterip?: string;
  /** --node-port (nodeport only, default 0 = allocated by the server). */
  nodePort?: number;
  /** --external-name (externalname only, required). */
  externalName?: string;
}

/** portNameErrors mirrors apimachinery validation.IsValidPortName (IANA_SVC_NAME). */
export function portNameErrors(name: string): string[] {
  const errs: string[] = [];
  if (name.length > 15) errs.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(name)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(name)) errs.push('must contain at least one letter (a-z)');
  if (name.includes('--')) errs.push('must not contain consecutive hyphens');
  if (name.startsWith('-') || name.endsWith('-')) errs.push('must not begin or end with a hyphen');
  return errs;
}

/** parseUint16 is Go's strconv.ParseUint(s, 10, 16) with its error text. */
function parseUint16(s: string): number {
  if (!/^[0-9]+$/.test(s)) throw new UsageError(`strconv.ParseUint: parsing ${JSON.stringify(s)}: invalid syntax`);
  const n = Number(s);
  if (n > 65535) throw new UsageError(`strconv.ParseUint: parsing ${JSON.stringify(s)}: value out of range`);
  return n;
}

/** parseTCPPort parses one --tcp entry into port and targetPort (create_service.go parsePorts). */
export function parseTCPPort(spec: string): { port: number; targetPort: number | string } {
  const parts = spec.split(':');
  const port = parseUint16(parts[0]);
  if (parts.length === 1) return { port, targetPort: port };
  const target = parts[1];
  // Go's strconv.Atoi accepts an optional sign; anything else is a port name.
  if (/^[+-]?[0-9]+$/.test(target)) {
    const num = Number(target);
    if (num < 1 || num > 65535) throw new UsageError('must be between 1 and 65535, inclusive');
    return { port, targetPort: num };
  }
  const errs = portNameErrors(target);
  if (errs.length > 0) throw new UsageError(errs.join(','));
  return { port, targetPort: target };
}

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** generateService builds the v1 Service for one `create service` subcommand. */
export function generateService(type: ServiceType, args: string[], flags: ServiceFlags, ctx?: GeneratorContext): GeneratedObject {
  if (type === 'ExternalName' && !flags.externalName) throw requiredFlagsError(['external-name']);
  const name = exactlyOneName(args);
  const tcp = flags.tcp ?? [];
  const clusterIP = flags.clusterip ?? '';
  if (type === 'ExternalName') {
    if (!DNS1123_SUBDOMAIN.test(flags.externalName ?? '') || (flags.externalName ?? '').length > 253) {
      throw new UsageError(`invalid service external name ${flags.externalName}`);
    }
  } else if (tcp.length === 0 && clusterIP !== 'None') {
    throw new UsageError('at least one tcp port specifier must be provided');
  }
  const ports = tcp.map((entry) => {
    const { port, targetPort } = parseTCPPort(entry);
    const servicePort: Record<string, unknown> = { name: entry.replaceAll(':', '-'), protocol: 'TCP', port, targetPort };
    if (flags.nodePort) servicePort.nodePort = flags.nodePort;
    return servicePort;
  });
  const labels = { app: name };
  const spec: Record<string, unknown> = {};
  if (ports.length > 0) spec.ports = ports;
  spec.selector = { ...labels };
  if (clusterIP !== '') spec.clusterIP = clusterIP;
  spec.type = type;
  if (type === 'ExternalName') spec.externalName = flags.externalName;
  return {
    kind: 'Service',
    apiVersion: 'v1',
    metadata: objectMeta(name, ctx, { labels }),
    spec,
    status: { loadBalancer: {} },
  };
}
