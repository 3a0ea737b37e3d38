/**
 * Validation for the small kinds: Namespace, Node, ServiceAccount, Event, Endpoints,
 * EndpointSlice (discovery/v1) and Lease (coordination/v1), after
 * pkg/apis/{core,discovery,coordination}/validation (v1.32).
 */
import type { EndpointPort, Endpoints, Event, Namespace, Node, ServiceAccount, Taint } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { Lease } from 'kubernetes-types/coordination/v1';
import type { FieldError } from '../status.ts';
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidIP, isValidLabelValue, isValidPortNum } from '../nameValidation.ts';
import { field, invalidEach } from './field.ts';
import { validateLabelName } from './labelSelector.ts';
import { nameIsDNSLabel, nameIsDNSSubdomain, validateObjectMeta, validateObjectMetaUpdate } from './objectMeta.ts';

const PORT_PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** validateNamespace: a DNS-1123 label name and qualified finalizer names. */
export function validateNamespace(ns: Namespace): FieldError[] {
  const errs = validateObjectMeta(ns.metadata, false, nameIsDNSLabel);
  for (const f of ns.spec?.finalizers ?? []) errs.push(...invalidEach('spec.finalizers', f, isQualifiedName(f)));
  return errs;
}

/** validateNamespaceUpdate: only metadata rules (the strategy keeps spec and status from the old object). */
export function validateNamespaceUpdate(ns: Namespace, old: Namespace): FieldError[] {
  return validateObjectMetaUpdate(ns.metadata, old.metadata);
}

function goTaint(t: Taint): { goString(): string } {
  return {
    goString: () =>
      `core.Taint{Key:${JSON.stringify(t.key ?? '')}, Value:${JSON.stringify(t.value ?? '')}, Effect:${JSON.stringify(t.effect ?? '')}, TimeAdded:(*v1.Time)(nil)}`,
  };
}

/** validateNodeTaints checks keys, values, effects, and that each key/effect pair is unique. */
function validateNodeTaints(taints: Taint[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  (taints ?? []).forEach((t, i) => {
    const p = `${path}[${i}]`;
    errs.push(...validateLabelName(t.key ?? '', `${p}.key`));
    const valueErrs = isValidLabelValue(t.value ?? '');
    if (valueErrs.length > 0) errs.push(field.invalid(`${p}.value`, t.value ?? '', valueErrs.join(';')));
    if (!t.effect) errs.push(field.required(`${p}.effect`));
    else if (!TAINT_EFFECTS.includes(t.effect)) errs.push(field.notSupported(`${p}.effect`, t.effect, TAINT_EFFECTS));
    const key = `${t.effect}\u0000${t.key}`;
    if (seen.has(key)) {
      errs.push({ ...field.duplicate(p, goTaint(t)), detail: 'taints must be unique by key and effect pair' });
      return;
    }
    seen.add(key);
  });
  return errs;
}

/** validateNode: a DNS subdomain name and valid taints. */
export function validateNode(node: Node): FieldError[] {
  const errs = validateObjectMeta(node.metadata, false, nameIsDNSSubdomain);
  errs.push(...validateNodeTaints(node.spec?.taints, 'spec.taints'));
  return errs;
}

/** validateNodeUpdate: podCIDR and providerID may only go from "" to a value. */
export function validateNodeUpdate(node: Node, old: Node): FieldError[] {
  const errs = validateObjectMetaUpdate(node.metadata, old.metadata);
  errs.push(...validateNodeTaints(node.spec?.taints, 'spec.taints'));
  if (old.spec?.podCIDR && old.spec.podCIDR !== node.spec?.podCIDR) {
    errs.push(field.forbidden('spec.podCIDRs', 'node updates may not change podCIDR except from "" to valid'));
  }
  if (old.spec?.providerID && old.spec.providerID !== node.spec?.providerID) {
    errs.push(field.forbidden('spec.providerID', 'node updates may not change providerID except from "" to valid'));
  }
  return errs;
}

/** validateServiceAccount: metadata only, a DNS subdomain name. */
export function validateServiceAccount(sa: ServiceAccount): FieldError[] {
  return validateObjectMeta(sa.metadata, true, nameIsDNSSubdomain);
}

/** validateServiceAccountUpdate: metadata update rules plus create rules. */
export function validateServiceAccountUpdate(sa: ServiceAccount, old: ServiceAccount): FieldError[] {
  return [...validateObjectMetaUpdate(sa.metadata, old.metadata), ...validateServiceAccount(sa)];
}

/** validateEvent: an old-style (core/v1) event's namespace must match its involved object's. */
export function validateEvent(ev: Event): FieldError[] {
  const errs = validateObjectMeta(ev.metadata, true, nameIsDNSSubdomain);
  const ns = ev.metadata?.namespace ?? '';
  const involvedNs = ev.involvedObject?.namespace ?? '';
  if (!ev.eventTime) {
    const mismatch = involvedNs === '' ? ns !== '' && ns !== 'default' : ns !== involvedNs;
    if (mismatch) errs.push(field.invalid('involvedObject.namespace', involvedNs, 'does not match event.namespace'));
  }
  errs.push(...invalidEach('namespace', ns, isDNS1123Subdomain(ns)));
  return errs;
}

/** validateEventUpdate: metadata update rules plus create rules. */
export function validateEventUpdate(ev: Event, old: Event): FieldError[] {
  return [...validateObjectMetaUpdate(ev.metadata, old.metadata), ...validateEvent(ev)];
}

function validateEndpointPort(port: EndpointPort, requireName: boolean, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (requireName && !port.name) errs.push(field.required(`${path}.name`));
  else if (port.name) errs.push(...invalidEach(`${path}.name`, port.name, isDNS1123Label(port.name)));
  errs.push(...invalidEach(`${path}.port`, port.port, isValidPortNum(port.port)));
  if (!port.protocol) errs.push(field.required(`${path}.protocol`));
  else if (!PORT_PROTOCOLS.includes(port.protocol)) errs.push(field.notSupported(`${path}.protocol`, port.protocol, PORT_PROTOCOLS));
  return errs;
}

/** validateEndpoints checks each subset's addresses and ports. */
export function validateEndpoints(ep: Endpoints): FieldError[] {
  const errs = validateObjectMeta(ep.metadata, true, nameIsDNSSubdomain);
  (ep.subsets ?? []).forEach((ss, i) => {
    const p = `subsets[${i}]`;
    if (!ss.addresses?.length && !ss.notReadyAddresses?.length) {
      errs.push(field.required(p, 'must specify `addresses` or `notReadyAddresses`'));
    }
    for (const [list, name] of [[ss.addresses, 'addresses'], [ss.notReadyAddresses, 'notReadyAddresses']] as const) {
      (list ?? []).forEach((a, j) => {
        errs.push(...invalidEach(`${p}.${name}[${j}].ip`, a.ip, isValidIP(a.ip)));
        if (a.hostname) errs.push(...invalidEach(`${p}.${name}[${j}].hostname`, a.hostname, isDNS1123Label(a.hostname)));
        if (a.nodeName) errs.push(...invalidEach(`${p}.${name}[${j}].nodeName`, a.nodeName, isDNS1123Subdomain(a.nodeName)));
      });
    }
    (ss.ports ?? []).forEach((port, j) => errs.push(...validateEndpointPort(port, (ss.ports?.length ?? 0) > 1, `${p}.ports[${j}]`)));
  });
  return errs;
}

/** validateEndpointsUpdate: metadata update rules plus create rules. */
export function validateEndpointsUpdate(ep: Endpoints, old: Endpoints): FieldError[] {
  return [...validateObjectMetaUpdate(ep.metadata, old.metadata), ...validateEndpoints(ep)];
}

const ADDRESS_TYPES = ['FQDN', 'IPv4', 'IPv6'];

/** validateEndpointSlice checks addressType, each endpoint's addresses, and ports. */
export function validateEndpointSlice(slice: EndpointSlice): FieldError[] {
  const errs = validateObjectMeta(slice.metadata, true, nameIsDNSSubdomain);
  if (!slice.addressType) errs.push(field.required('addressType'));
  else if (!ADDRESS_TYPES.includes(slice.addressType)) errs.push(field.notSupported('addressType', slice.addressType, ADDRESS_TYPES));
  (slice.endpoints ?? []).forEach((e, i) => {
    const p = `endpoints[${i}]`;
    if (!e.addresses?.length) errs.push(field.required(`${p}.addresses`, 'must contain at least 1 address'));
    else if (e.addresses.length > 100) errs.push(field.tooMany(`${p}.addresses`, e.addresses.length, 100));
    (e.addresses ?? []).forEach((a, j) => {
      if (slice.addressType === 'FQDN') errs.push(...invalidEach(`${p}.addresses[${j}]`, a, isDNS1123Subdomain(a)));
      else errs.push(...invalidEach(`${p}.addresses[${j}]`, a, isValidIP(a)));
    });
  });
  const names = new Set<string>();
  (slice.ports ?? []).forEach((port, i) => {
    const p = `ports[${i}]`;
    if (port.name) errs.push(...invalidEach(`${p}.name`, port.name, isDNS1123Label(port.name)));
    if (names.has(port.name ?? '')) errs.push(field.duplicate(`${p}.name`, port.name ?? ''));
    names.add(port.name ?? '');
    if (!port.protocol) errs.push(field.required(`${p}.protocol`));
    else if (!PORT_PROTOCOLS.includes(port.protocol)) errs.push(field.notSupported(`${p}.protocol`, port.protocol, PORT_PROTOCOLS));
  });
  return errs;
}

/** validateEndpointSliceUpdate: addressType is immutable. */
export function validateEndpointSliceUpdate(slice: EndpointSlice, old: EndpointSlice): FieldError[] {
  const errs = [...validateObjectMetaUpdate(slice.metadata, old.metadata), ...validateEndpointSlice(slice)];
  if (slice.addressType !== old.addressType) errs.push(field.invalid('addressType', slice.addressType, 'field is immutable'));
  return errs;
}

/** validateLease: leaseDurationSeconds > 0 and leaseTransitions >= 0. */
export function validateLease(lease: Lease): FieldError[] {
  const errs = validateObjectMeta(lease.metadata, true, nameIsDNSSubdomain);
  const spec = lease.spec ?? {};
  if (spec.leaseDurationSeconds !== undefined && spec.leaseDurationSeconds <= 0) {
    errs.push(field.invalid('spec.leaseDurationSeconds', spec.leaseDurationSeconds, 'must be greater than 0'));
  }
  if (spec.leaseTransitions !== undefined && spec.leaseTransitions < 0) {
    errs.push(field.invalid('spec.leaseTransitions', spec.leaseTransitions, 'must be greater than or equal to 0'));
  }
  return errs;
}

/** validateLeaseUpdate: metadata update rules plus create rules. */
export function validateLeaseUpdate(lease: Lease, old: Lease): FieldError[] {
  return [...validateObjectMetaUpdate(lease.metadata, old.metadata), ...validateLease(lease)];
}
