/**
 * networking.k8s.io/v1 validation: Ingress, IngressClass and NetworkPolicy
 * (pkg/apis/networking/validation/validation.go, v1.32), in upstream's order and wording.
 */
import type { HTTPIngressPath, Ingress, IngressBackend, IngressClass, IngressClassParametersReference, IngressSpec } from 'kubernetes-types/networking/v1';
import type { IPBlock, NetworkPolicy, NetworkPolicyPeer, NetworkPolicyPort, NetworkPolicySpec } from 'kubernetes-types/networking/v1';
import type { FieldError } from '../status.ts';
import {
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  isValidCIDR,
  isValidIP,
  isValidPortName,
  isValidPortNum,
  isWildcardDNS1123Subdomain,
  parseIPv4,
  regexError,
} from '../nameValidation.ts';
import { field, invalidEach } from './field.ts';
import { validateLabelSelector } from './labelSelector.ts';
import { nameIsDNSSubdomain, validateImmutableField, validateObjectMeta, validateObjectMetaUpdate } from './objectMeta.ts';
import { namePathSegment } from './policy.ts';

/** SUPPORTED_PATH_TYPES are the pathType values, sorted as sets.List prints them. */
export const SUPPORTED_PATH_TYPES = ['Exact', 'ImplementationSpecific', 'Prefix'];
const INVALID_PATH_SEQUENCES = ['//', '/./', '/../', '%2f', '%2F'];
const INVALID_PATH_SUFFIXES = ['/..', '/.'];
const INGRESS_CLASS_ANNOTATION = 'kubernetes.io/ingress.class';

// ---- Ingress ----------------------------------------------------------------------------

/** validateIngress checks an Ingress on create (ValidateIngressCreate). */
export function validateIngress(ing: Ingress): FieldError[] {
  const errs = validateObjectMeta(ing.metadata, true, nameIsDNSSubdomain);
  errs.push(...validateIngressSpec(ing.spec ?? {}, 'spec'));
  const annotation = ing.metadata?.annotations?.[INGRESS_CLASS_ANNOTATION];
  const className = ing.spec?.ingressClassName;
  if (annotation !== undefined && className !== undefined && annotation !== className) {
    errs.push(field.invalid(`annotations.${INGRESS_CLASS_ANNOTATION}`, annotation, 'must match `ingressClassName` when both are specified'));
  }
  return errs;
}

/** validateIngressUpdate is ValidateIngressUpdate: metadata update rules plus the spec checks. */
export function validateIngressUpdate(ing: Ingress, old: Ingress): FieldError[] {
  return [...validateObjectMetaUpdate(ing.metadata, old.metadata), ...validateIngressSpec(ing.spec ?? {}, 'spec')];
}

/** validateIngressSpec is ValidateIngressSpec. */
export function validateIngressSpec(spec: IngressSpec, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if ((spec.rules ?? []).length === 0 && !spec.defaultBackend) {
    const rules = { goString: () => (spec.rules ? '[]networking.IngressRule{}' : '[]networking.IngressRule(nil)') };
    errs.push(field.invalid(path, rules, 'either `defaultBackend` or `rules` must be specified'));
  }
  if (spec.defaultBackend) errs.push(...validateIngressBackend(spec.defaultBackend, `${path}.defaultBackend`));
  (spec.rules ?? []).forEach((rule, i) => {
    const p = `${path}.rules[${i}]`;
    const host = rule.host ?? '';
    if (host !== '') {
      if (isValidIP(host).length === 0) errs.push(field.invalid(`${p}.host`, host, 'must be a DNS name, not an IP address'));
      const check = host.includes('*') ? isWildcardDNS1123Subdomain : isDNS1123Subdomain;
      errs.push(...invalidEach(`${p}.host`, host, check(host)));
    }
    if (rule.http) {
      const paths = rule.http.paths ?? [];
      if (paths.length === 0) errs.push(field.required(`${p}.http.paths`));
      paths.forEach((hp, j) => errs.push(...validateHTTPIngressPath(hp, `${p}.http.paths[${j}]`)));
    }
  });
  (spec.tls ?? []).forEach((tls, i) => {
    (tls.hosts ?? []).forEach((host, j) => {
      const check = host.includes('*') ? isWildcardDNS1123Subdomain : isDNS1123Subdomain;
      errs.push(...invalidEach(`${path}.tls[${i}].hosts[${j}]`, host, check(host)));
    });
    if (tls.secretName) errs.push(...invalidEach(`${path}.tls[${i}].secretName`, tls.secretName, isDNS1123Subdomain(tls.secretName)));
  });
  if (spec.ingressClassName !== undefined) {
    errs.push(...invalidEach(`${path}.ingressClassName`, spec.ingressClassName, isDNS1123Subdomain(spec.ingressClassName)));
  }
  return errs;
}

/** validateHTTPIngressPath: pathType is required in networking.k8s.io/v1 (no default). */
function validateHTTPIngressPath(hp: HTTPIngressPath, path: string): FieldError[] {
  if (hp.pathType === undefined) return [field.required(`${path}.pathType`, 'pathType must be specified')];
  const errs: FieldError[] = [];
  const value = hp.path ?? '';
  switch (hp.pathType) {
    case 'Exact':
    case 'Prefix':
      if (!value.startsWith('/')) errs.push(field.invalid(`${path}.path`, value, 'must be an absolute path'));
      if (value.length > 0) {
        for (const seq of INVALID_PATH_SEQUENCES) if (value.includes(seq)) errs.push(field.invalid(`${path}.path`, value, `must not contain '${seq}'`));
        for (const suffix of INVALID_PATH_SUFFIXES) if (value.endsWith(suffix)) errs.push(field.invalid(`${path}.path`, value, `cannot end with '${suffix}'`));
      }
      break;
    case 'ImplementationSpecific':
      if (value.length > 0 && !value.startsWith('/')) errs.push(field.invalid(`${path}.path`, value, 'must be an absolute path'));
      break;
    default:
      errs.push(field.notSupported(`${path}.pathType`, hp.pathType, SUPPORTED_PATH_TYPES));
  }
  errs.push(...validateIngressBackend(hp.backend ?? {}, `${path}.backend`));
  return errs;
}

/** validateIngressBackend: exactly one of service and resource; a service names a port by name or number. */
function validateIngressBackend(b: IngressBackend, path: string): FieldError[] {
  if (b.resource && b.service) return [field.invalid(path, '', 'cannot set both resource and service backends')];
  if (b.resource) return validateTypedLocalObjectReference(b.resource, `${path}.resource`);
  if (!b.service) return [field.invalid(path, '', 'resource or service backend is required')];
  const errs: FieldError[] = [];
  const name = b.service.name ?? '';
  if (name === '') errs.push(field.required(`${path}.service.name`));
  else errs.push(...invalidEach(`${path}.service.name`, name, isDNS1035Label(name)));
  const portName = b.service.port?.name ?? '';
  const portNumber = b.service.port?.number ?? 0;
  if (portName !== '' && portNumber !== 0) errs.push(field.invalid(path, '', 'cannot set both port name & port number'));
  else if (portName !== '') errs.push(...invalidEach(`${path}.service.port.name`, portName, isValidPortName(portName)));
  else if (portNumber !== 0) errs.push(...invalidEach(`${path}.service.port.number`, portNumber, isValidPortNum(portNumber)));
  else errs.push(field.required(path, 'port name or number is required'));
  return errs;
}

/** validateTypedLocalObjectReference is validateIngressTypedLocalObjectReference. */
function validateTypedLocalObjectReference(ref: { apiGroup?: string; kind?: string; name?: string }, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (ref.apiGroup !== undefined) errs.push(...invalidEach(`${path}.apiGroup`, ref.apiGroup, isDNS1123Subdomain(ref.apiGroup)));
  if (!ref.kind) errs.push(field.required(`${path}.kind`, 'kind is required'));
  else errs.push(...invalidEach(`${path}.kind`, ref.kind, namePathSegment(ref.kind, false)));
  if (!ref.name) errs.push(field.required(`${path}.name`, 'name is required'));
  else errs.push(...invalidEach(`${path}.name`, ref.name, namePathSegment(ref.name, false)));
  return errs;
}

// ---- IngressClass -------------------------------------------------------------------------

const HTTP_PATH_FMT = "[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+";

/** isDomainPrefixedPath is validation.IsDomainPrefixedPath ("acme.io/foo"), for spec.controller. */
function isDomainPrefixedPath(path: string, value: string): FieldError[] {
  if (value === '') return [field.required(path)];
  const slash = value.indexOf('/');
  const host = slash < 0 ? value : value.slice(0, slash);
  const rest = slash < 0 ? '' : value.slice(slash + 1);
  if (slash < 0 || host === '' || rest === '') return [field.invalid(path, value, 'must be a domain-prefixed path (such as "acme.io/foo")')];
  const errs = invalidEach(path, host, isDNS1123Subdomain(host));
  if (!new RegExp(`^${HTTP_PATH_FMT}$`).test(rest)) errs.push(field.invalid(path, rest, regexError('must be a valid path', HTTP_PATH_FMT)));
  return errs;
}

/** validateIngressClassParameters is validateIngressClassParametersReference. */
function validateIngressClassParameters(p: IngressClassParametersReference | undefined, path: string): FieldError[] {
  if (!p) return [];
  const errs = validateTypedLocalObjectReference(p, path);
  if (p.scope === undefined) return [...errs, field.required(`${path}.scope`)];
  if (p.scope !== 'Cluster' && p.scope !== 'Namespace') return [...errs, field.notSupported(`${path}.scope`, p.scope, ['Cluster', 'Namespace'])];
  if (p.scope === 'Namespace') {
    if (p.namespace === undefined) errs.push(field.required(`${path}.namespace`, "`parameters.scope` is set to 'Namespace'"));
    else errs.push(...invalidEach(`${path}.namespace`, p.namespace, isDNS1123Label(p.namespace)));
  }
  if (p.scope === 'Cluster' && p.namespace !== undefined) errs.push(field.forbidden(`${path}.namespace`, "`parameters.scope` is set to 'Cluster'"));
  return errs;
}

/** validateIngressClassSpec: controller is a domain-prefixed path of at most 250 characters; parameters are well formed. */
function validateIngressClassSpec(ic: IngressClass): FieldError[] {
  const controller = ic.spec?.controller ?? '';
  const errs = controller.length > 250 ? [field.tooLong('spec.controller', controller, 250)] : [];
  errs.push(...isDomainPrefixedPath('spec.controller', controller));
  errs.push(...validateIngressClassParameters(ic.spec?.parameters, 'spec.parameters'));
  return errs;
}

/** validateIngressClass is ValidateIngressClass. */
export function validateIngressClass(ic: IngressClass): FieldError[] {
  return [...validateObjectMeta(ic.metadata, false, nameIsDNSSubdomain), ...validateIngressClassSpec(ic)];
}

/** validateIngressClassUpdate is ValidateIngressClassUpdate: the same checks, and spec.controller is immutable. */
export function validateIngressClassUpdate(ic: IngressClass, old: IngressClass): FieldError[] {
  return [
    ...validateObjectMetaUpdate(ic.metadata, old.metadata),
    ...validateIngressClassSpec(ic),
    ...validateImmutableField(ic.spec?.controller ?? '', old.spec?.controller ?? '', 'spec.controller'),
  ];
}

// ---- NetworkPolicy ------------------------------------------------------------------------

/** validateNetworkPolicy is ValidateNetworkPolicy. */
export function validateNetworkPolicy(np: NetworkPolicy): FieldError[] {
  return [...validateObjectMeta(np.metadata, true, nameIsDNSSubdomain), ...validateNetworkPolicySpec(np)];
}

/** validateNetworkPolicyUpdate is ValidateNetworkPolicyUpdate: the whole spec may change. */
export function validateNetworkPolicyUpdate(np: NetworkPolicy, old: NetworkPolicy): FieldError[] {
  return [...validateObjectMetaUpdate(np.metadata, old.metadata), ...validateNetworkPolicySpec(np)];
}

function validateNetworkPolicySpec(np: NetworkPolicy): FieldError[] {
  const spec: NetworkPolicySpec = np.spec ?? ({} as NetworkPolicySpec);
  const errs = validateLabelSelector(spec.podSelector, 'spec.podSelector');
  (spec.ingress ?? []).forEach((rule, i) => {
    (rule.ports ?? []).forEach((port, j) => errs.push(...validateNetworkPolicyPort(port, `spec.ingress[${i}].ports[${j}]`)));
    (rule.from ?? []).forEach((peer, j) => errs.push(...validateNetworkPolicyPeer(peer, `spec.ingress[${i}].from[${j}]`)));
  });
  (spec.egress ?? []).forEach((rule, i) => {
    (rule.ports ?? []).forEach((port, j) => errs.push(...validateNetworkPolicyPort(port, `spec.egress[${i}].ports[${j}]`)));
    (rule.to ?? []).forEach((peer, j) => errs.push(...validateNetworkPolicyPeer(peer, `spec.egress[${i}].to[${j}]`)));
  });
  const types = spec.policyTypes ?? [];
  if (types.length > 2) {
    const shown = { goString: () => `&[]networking.PolicyType{${types.map((t) => JSON.stringify(t)).join(', ')}}` };
    return [...errs, field.invalid('spec.policyTypes', shown, 'may not specify more than two policyTypes')];
  }
  types.forEach((t, i) => {
    if (t !== 'Ingress' && t !== 'Egress') errs.push(field.notSupported(`spec.policyTypes[${i}]`, t, ['Ingress', 'Egress']));
  });
  return errs;
}

/** validateNetworkPolicyPort is ValidateNetworkPolicyPort. */
function validateNetworkPolicyPort(port: NetworkPolicyPort, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (port.protocol !== undefined && !['TCP', 'UDP', 'SCTP'].includes(port.protocol)) {
    errs.push(field.notSupported(`${path}.protocol`, port.protocol, ['TCP', 'UDP', 'SCTP']));
  }
  if (port.port === undefined) {
    if (port.endPort !== undefined) errs.push(field.invalid(`${path}.endPort`, port.endPort, 'may not be specified when `port` is not specified'));
    return errs;
  }
  if (typeof port.port === 'number') {
    errs.push(...invalidEach(`${path}.port`, port.port, isValidPortNum(port.port)));
    if (port.endPort !== undefined) {
      if (port.endPort < port.port) errs.push(field.invalid(`${path}.endPort`, port.port, 'must be greater than or equal to `port`'));
      errs.push(...invalidEach(`${path}.endPort`, port.endPort, isValidPortNum(port.endPort)));
    }
    return errs;
  }
  if (port.endPort !== undefined) errs.push(field.invalid(`${path}.endPort`, port.endPort, 'may not be specified when `port` is non-numeric'));
  errs.push(...invalidEach(`${path}.port`, port.port, isValidPortName(port.port)));
  return errs;
}

/** validateNetworkPolicyPeer is ValidateNetworkPolicyPeer: at least one peer kind; ipBlock stands alone. */
function validateNetworkPolicyPeer(peer: NetworkPolicyPeer, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let peers = 0;
  if (peer.podSelector) {
    peers++;
    errs.push(...validateLabelSelector(peer.podSelector, `${path}.podSelector`));
  }
  if (peer.namespaceSelector) {
    peers++;
    errs.push(...validateLabelSelector(peer.namespaceSelector, `${path}.namespaceSelector`));
  }
  if (peer.ipBlock) {
    peers++;
    errs.push(...validateIPBlock(peer.ipBlock, `${path}.ipBlock`));
  }
  if (peers === 0) errs.push(field.required(path, 'must specify a peer'));
  else if (peers > 1 && peer.ipBlock) errs.push(field.forbidden(path, 'may not specify both ipBlock and another peer'));
  return errs;
}

/** validateIPBlock is ValidateIPBlock: a valid cidr, and each except a strict subset of it. */
function validateIPBlock(block: IPBlock, path: string): FieldError[] {
  if (!block.cidr) return [field.required(`${path}.cidr`)];
  const errs = invalidEach(`${path}.cidr`, block.cidr, isValidCIDR(block.cidr));
  if (errs.length > 0) return errs;
  (block.except ?? []).forEach((except, i) => {
    const p = `${path}.except[${i}]`;
    const bad = isValidCIDR(except);
    if (bad.length > 0) errs.push(...invalidEach(p, except, bad));
    else if (!strictSubset(block.cidr, except)) errs.push(field.invalid(p, except, 'must be a strict subset of `cidr`'));
  });
  return errs;
}

/**
 * strictSubset: the except network starts inside cidr and has a longer prefix.
 * NOTE: only IPv4 containment is checked; an IPv6 except only needs the longer prefix.
 */
function strictSubset(cidr: string, except: string): boolean {
  const [ip, bits] = cidr.split('/');
  const [exIP, exBits] = except.split('/');
  if (Number(bits) >= Number(exBits)) return false;
  const a = parseIPv4(ip);
  const b = parseIPv4(exIP);
  if (!a || !b) return true;
  const toInt = (o: number[]) => ((o[0] << 24) | (o[1] << 16) | (o[2] << 8) | o[3]) >>> 0;
  const mask = Number(bits) === 0 ? 0 : (~0 << (32 - Number(bits))) >>> 0;
  return (toInt(a) & mask) >>> 0 === (toInt(b) & mask) >>> 0;
}
