import { describe, expect, it } from 'vitest';
import type { Ingress, IngressClass, NetworkPolicy } from 'kubernetes-types/networking/v1';
import { invalid, type FieldError } from '../status.ts';
import { validateIngress, validateIngressClass, validateIngressClassUpdate, validateNetworkPolicy } from './networking.ts';

function message(kind: string, name: string, errs: FieldError[]): string {
  return errs.length === 0 ? '' : invalid('networking.k8s.io', kind, name, errs).message;
}

const meta = { name: 'web', namespace: 'default' };
const backend = { service: { name: 'web', port: { number: 80 } } };
const ingress = (paths: unknown[], extra: Record<string, unknown> = {}): Ingress =>
  ({ metadata: meta, spec: { rules: [{ host: 'example.com', http: { paths } }], ...extra } }) as Ingress;

describe('Ingress validation', () => {
  it('accepts a rule with pathType', () => {
    expect(message('Ingress', 'web', validateIngress(ingress([{ path: '/', pathType: 'Prefix', backend }])))).toBe('');
  });

  it('requires pathType in networking.k8s.io/v1', () => {
    expect(message('Ingress', 'web', validateIngress(ingress([{ path: '/', backend }])))).toBe(
      'Ingress.networking.k8s.io "web" is invalid: spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified',
    );
  });

  it('checks paths, path types, backends, hosts and the class name', () => {
    const errs = validateIngress({
      metadata: meta,
      spec: {
        ingressClassName: 'Nginx',
        rules: [
          { host: '10.0.0.1', http: { paths: [{ path: 'api', pathType: 'Exact', backend }] } },
          { host: 'a.com', http: { paths: [{ path: '/x', pathType: 'Regex', backend: { service: { name: 'web' } } }] } },
        ],
      },
    } as Ingress);
    expect(message('Ingress', 'web', errs)).toBe(
      'Ingress.networking.k8s.io "web" is invalid: [' +
        'spec.rules[0].host: Invalid value: "10.0.0.1": must be a DNS name, not an IP address, ' +
        'spec.rules[0].http.paths[0].path: Invalid value: "api": must be an absolute path, ' +
        'spec.rules[1].http.paths[0].pathType: Unsupported value: "Regex": supported values: "Exact", "ImplementationSpecific", "Prefix", ' +
        'spec.rules[1].http.paths[0].backend: Required value: port name or number is required, ' +
        `spec.ingressClassName: Invalid value: "Nginx": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')]`,
    );
  });

  it('needs rules or a default backend', () => {
    expect(message('Ingress', 'web', validateIngress({ metadata: meta, spec: {} } as Ingress))).toBe(
      'Ingress.networking.k8s.io "web" is invalid: spec: Invalid value: []networking.IngressRule(nil): either `defaultBackend` or `rules` must be specified',
    );
  });
});

describe('IngressClass validation', () => {
  const ic = (controller: string): IngressClass => ({ metadata: { name: 'nginx' }, spec: { controller } }) as IngressClass;
  it('wants a domain-prefixed controller that never changes', () => {
    expect(message('IngressClass', 'nginx', validateIngressClass(ic('k8s.io/ingress-nginx')))).toBe('');
    expect(message('IngressClass', 'nginx', validateIngressClass(ic('nginx')))).toBe(
      'IngressClass.networking.k8s.io "nginx" is invalid: spec.controller: Invalid value: "nginx": must be a domain-prefixed path (such as "acme.io/foo")',
    );
    const next = { ...ic('example.com/other'), metadata: { name: 'nginx', resourceVersion: '2' } } as IngressClass;
    expect(message('IngressClass', 'nginx', validateIngressClassUpdate(next, ic('k8s.io/ingress-nginx')))).toBe(
      'IngressClass.networking.k8s.io "nginx" is invalid: spec.controller: Invalid value: "example.com/other": field is immutable',
    );
  });
});

describe('NetworkPolicy validation', () => {
  it('checks peers, ports, ipBlocks and policyTypes', () => {
    const np = {
      metadata: meta,
      spec: {
        podSelector: {},
        ingress: [{ from: [{}, { ipBlock: { cidr: '10.0.0.0/16', except: ['192.168.0.0/24'] } }], ports: [{ port: 'http', endPort: 90 }] }],
        policyTypes: ['Ingress', 'Sideways'],
      },
    } as unknown as NetworkPolicy;
    expect(message('NetworkPolicy', 'web', validateNetworkPolicy(np))).toBe(
      'NetworkPolicy.networking.k8s.io "web" is invalid: [' +
        'spec.ingress[0].ports[0].endPort: Invalid value: 90: may not be specified when `port` is non-numeric, ' +
        'spec.ingress[0].from[0]: Required value: must specify a peer, ' +
        'spec.ingress[0].from[1].ipBlock.except[0]: Invalid value: "192.168.0.0/24": must be a strict subset of `cidr`, ' +
        'spec.policyTypes[1]: Unsupported value: "Sideways": supported values: "Ingress", "Egress"]',
    );
  });
});
