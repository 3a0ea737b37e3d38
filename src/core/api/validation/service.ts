/**
 * Service validation: ValidateService and ValidateServiceUpdate in
 * pkg/apis/core/validation/validation.go (v1.32), plus the NodePort range check the
 * service REST allocator performs (pkg/registry/core/service/portallocator).
 */
import type { Service, ServicePort } from 'kubernetes-types/core/v1';
import type { FieldError } from '../status.ts';
import { validateLabels } from '../labelValidation.ts';
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidIP, isValidPortNum } from '../nameValidation.ts';
import { field, invalidEach } from './field.ts';
import { goStringSliceValue } from './goValue.ts';
import { nameIsDNS1035Label, validateObjectMeta, validateObjectMetaUpdate } from './objectMeta.ts';
import { validatePortNumOrName } from './probe.ts';

const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const SESSION_AFFINITIES = ['ClientIP', 'None'];
const PORT_PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

function clusterIPs(svc: Service): string[] {
  const spec = svc.spec ?? {};
  if (spec.clusterIPs?.length) return spec.clusterIPs;
  return spec.clusterIP ? [spec.clusterIP] : [];
}

function isHeadless(svc: Service): boolean {
  return clusterIPs(svc)[0] === 'None';
}

/** goServicePort renders the duplicate-port key as %#v prints core.ServicePort{Protocol, Port}. */
function goServicePort(protocol: string, port: number): { goString(): string } {
  return {
    goString: () =>
      `core.ServicePort{Name:"", Protocol:${JSON.stringify(protocol)}, AppProtocol:(*string)(nil), Port:${port}, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`,
  };
}

function validateServicePort(sp: ServicePort, requireName: boolean, names: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (requireName && !sp.name) errs.push(field.required(`${path}.name`));
  else if (sp.name) {
    errs.push(...invalidEach(`${path}.name`, sp.name, isDNS1123Label(sp.name)));
    if (names.has(sp.name)) errs.push(field.duplicate(`${path}.name`, sp.name));
    else names.add(sp.name);
  }
  errs.push(...invalidEach(`${path}.port`, sp.port ?? 0, isValidPortNum(sp.port ?? 0)));
  if (!sp.protocol) errs.push(field.required(`${path}.protocol`));
  else if (!PORT_PROTOCOLS.includes(sp.protocol)) errs.push(field.notSupported(`${path}.protocol`, sp.protocol, PORT_PROTOCOLS));
  errs.push(...validatePortNumOrName(sp.targetPort, `${path}.targetPort`));
  if (sp.appProtocol !== undefined) errs.push(...invalidEach(`${path}.appProtocol`, sp.appProtocol, isQualifiedName(sp.appProtocol)));
  return errs;
}

/** validateService checks a Service on create (and, after the update-only checks, on update). */
export function validateService(svc: Service): FieldError[] {
  const errs = validateObjectMeta(svc.metadata, true, nameIsDNS1035Label);
  const spec = svc.spec ?? {};
  const ports = spec.ports ?? [];
  const headless = isHeadless(svc);
  if (ports.length === 0 && !headless && spec.type !== 'ExternalName') errs.push(field.required('spec.ports'));
  switch (spec.type) {
    case 'LoadBalancer':
    case 'NodePort':
      if (headless) errs.push(field.invalid('spec.clusterIPs[0]', 'None', `may not be set to 'None' for ${spec.type} services`));
      break;
    case 'ExternalName': {
      if (clusterIPs(svc).length > 0) errs.push(field.forbidden('spec.clusterIPs', 'may not be set for ExternalName services'));
      const cname = (spec.externalName ?? '').replace(/\.$/, '');
      if (cname) errs.push(...invalidEach('spec.externalName', cname, isDNS1123Subdomain(cname)));
      else errs.push(field.required('spec.externalName'));
      break;
    }
  }
  const names = new Set<string>();
  ports.forEach((p, i) => errs.push(...validateServicePort(p, ports.length > 1, names, `spec.ports[${i}]`)));
  if (spec.selector) errs.push(...validateLabels(spec.selector, 'spec.selector'));
  if (!spec.sessionAffinity) errs.push(field.required('spec.sessionAffinity'));
  else if (!SESSION_AFFINITIES.includes(spec.sessionAffinity)) {
    errs.push(field.notSupported('spec.sessionAffinity', spec.sessionAffinity, SESSION_AFFINITIES));
  }
  if (spec.sessionAffinity === 'ClientIP') {
    const t = spec.sessionAffinityConfig?.clientIP?.timeoutSeconds;
    if (t === undefined) errs.push(field.required('spec.sessionAffinityConfig.clientIP.timeoutSeconds'));
    else if (t <= 0 || t > 86400) errs.push(field.invalid('spec.sessionAffinityConfig.clientIP.timeoutSeconds', t, 'must be greater than 0 and less than 86400'));
  } else if (spec.sessionAffinity === 'None' && spec.sessionAffinityConfig) {
    errs.push(field.forbidden('spec.sessionAffinityConfig', 'must not be set when session affinity is None'));
  }
  clusterIPs(svc).forEach((ip, i) => {
    if (ip !== 'None' && ip !== '') errs.push(...invalidEach(`spec.clusterIPs[${i}]`, ip, isValidIP(ip)));
  });
  (spec.externalIPs ?? []).forEach((ip, i) => errs.push(...invalidEach(`spec.externalIPs[${i}]`, ip, isValidIP(ip))));
  if (!spec.type) errs.push(field.required('spec.type'));
  else if (!SERVICE_TYPES.includes(spec.type)) errs.push(field.notSupported('spec.type', spec.type, SERVICE_TYPES));
  if (spec.type === 'ClusterIP') {
    ports.forEach((p, i) => {
      if (p.nodePort) errs.push(field.forbidden(`spec.ports[${i}].nodePort`, "may not be used when `type` is 'ClusterIP'"));
    });
  }
  const nodePorts = new Set<string>();
  ports.forEach((p, i) => {
    if (!p.nodePort) return;
    const key = `${p.protocol}/${p.nodePort}`;
    if (nodePorts.has(key)) errs.push(field.duplicate(`spec.ports[${i}].nodePort`, p.nodePort));
    nodePorts.add(key);
  });
  const seen = new Set<string>();
  ports.forEach((p, i) => {
    const key = `${p.protocol}/${p.port}`;
    if (seen.has(key)) errs.push(field.duplicate(`spec.ports[${i}]`, goServicePort(p.protocol ?? '', p.port)));
    seen.add(key);
  });
  const externallyAccessible = spec.type === 'LoadBalancer' || spec.type === 'NodePort' || (spec.externalIPs?.length ?? 0) > 0;
  if (spec.externalTrafficPolicy && !externallyAccessible) {
    errs.push(field.invalid('spec.externalTrafficPolicy', spec.externalTrafficPolicy, 'may only be set for externally-accessible services'));
  } else if (spec.externalTrafficPolicy && !['Cluster', 'Local'].includes(spec.externalTrafficPolicy)) {
    errs.push(field.notSupported('spec.externalTrafficPolicy', spec.externalTrafficPolicy, ['Cluster', 'Local']));
  }
  if (spec.internalTrafficPolicy && !['Cluster', 'Local'].includes(spec.internalTrafficPolicy)) {
    errs.push(field.notSupported('spec.internalTrafficPolicy', spec.internalTrafficPolicy, ['Cluster', 'Local']));
  }
  return errs;
}

/** validateServiceUpdate: the primary cluster IP may not change (except to or from ExternalName). */
export function validateServiceUpdate(svc: Service, old: Service): FieldError[] {
  const errs = validateObjectMetaUpdate(svc.metadata, old.metadata);
  if (svc.spec?.type !== 'ExternalName' && old.spec?.type !== 'ExternalName') {
    const next = clusterIPs(svc);
    const prev = clusterIPs(old);
    if (next.length > 0 && prev.length > 0 && next[0] !== prev[0]) {
      errs.push(field.invalid('spec.clusterIPs[0]', goStringSliceValue(next), 'may not change once set'));
    }
  }
  errs.push(...validateService(svc));
  return errs;
}

/** NodePortRange is the apiserver's --service-node-port-range. */
export interface NodePortRange {
  base: number;
  size: number;
}

/** DEFAULT_NODE_PORT_RANGE is 30000-32767. */
export const DEFAULT_NODE_PORT_RANGE: NodePortRange = { base: 30000, size: 2768 };

/**
 * validateNodePorts is the allocator's check on requested nodePorts:
 * `spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767`.
 */
export function validateNodePorts(svc: Service, range: NodePortRange = DEFAULT_NODE_PORT_RANGE): FieldError[] {
  const last = range.base + range.size - 1;
  const errs: FieldError[] = [];
  (svc.spec?.ports ?? []).forEach((p, i) => {
    if (p.nodePort && (p.nodePort < range.base || p.nodePort > last)) {
      errs.push(
        field.invalid(`spec.ports[${i}].nodePort`, p.nodePort, `provided port is not in the valid range. The range of valid ports is ${range.base}-${last}`),
      );
    }
  });
  return errs;
}
