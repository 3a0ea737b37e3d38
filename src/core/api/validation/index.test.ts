import { describe, expect, it } from 'vitest';
import { invalid } from '../status.ts';
import type { FieldError } from '../status.ts';
import type { ConfigMap, Deployment, KubeObject, Namespace, Pod, Service } from '../types.ts';
import { defaulterFor } from '../defaults/index.ts';
import { validatorFor } from './index.ts';
import { validateNodePorts } from './service.ts';

/** run defaults then validation the way the API server does, and render the Status message. */
function create(group: string, kind: string, obj: object): string {
  const o = JSON.parse(JSON.stringify(obj)) as KubeObject;
  defaulterFor(group, kind)(o);
  return message(kind, o.metadata?.name ?? '', validatorFor(group, kind)!.validate(o));
}

function update(group: string, kind: string, next: object, old: object): string {
  const n = JSON.parse(JSON.stringify(next)) as KubeObject;
  const o = JSON.parse(JSON.stringify(old)) as KubeObject;
  defaulterFor(group, kind)(n);
  defaulterFor(group, kind)(o);
  return message(kind, n.metadata?.name ?? '', validatorFor(group, kind)!.validateUpdate(n, o));
}

function setRV(obj: { metadata?: object }, rv: string): void {
  (obj.metadata as { resourceVersion?: string }).resourceVersion = rv;
}

function message(kind: string, name: string, errs: FieldError[]): string {
  return errs.length === 0 ? '' : invalid('', kind, name, errs).message;
}

const pod = (over: Partial<Pod['spec']> = {}, name = 'web'): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default' },
  spec: { containers: [{ name: 'nginx', image: 'nginx' }], ...over } as Pod['spec'],
});

const deployment = (): Deployment => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } },
  spec: {
    replicas: 1,
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } },
  },
});

describe('Pod validation', () => {
  it('accepts a minimal pod', () => {
    expect(create('', 'Pod', pod())).toBe('');
  });

  it('rejects a bad name with the RFC 1123 subdomain message', () => {
    expect(create('', 'Pod', pod({}, 'my - pod'))).toBe(
      `Pod "my - pod" is invalid: metadata.name: Invalid value: "my - pod": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
    );
  });

  it('requires a name and containers', () => {
    const p = pod({ containers: [] }, '');
    expect(create('', 'Pod', p)).toBe(
      'Pod "" is invalid: [metadata.name: Required value: name or generateName is required, spec.containers: Required value]',
    );
  });

  it('reports container errors in upstream order', () => {
    const p = pod({
      containers: [
        { name: 'app', image: '', ports: [{ containerPort: 70000 }], env: [{ name: 'A=B', value: '1' }] },
        { name: 'app', image: 'busybox', resources: { requests: { cpu: '2' }, limits: { cpu: '1' } } },
      ],
      restartPolicy: 'Sometimes' as never,
    });
    expect(create('', 'Pod', p)).toBe(
      'Pod "web" is invalid: [' +
        'spec.containers[0].image: Required value, ' +
        'spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive, ' +
        `spec.containers[0].env[0].name: Invalid value: "A=B": a valid environment variable name must consist only of printable ASCII characters other than '=', ` +
        'spec.containers[1].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1, ' +
        'spec.containers[1].name: Duplicate value: "app", ' +
        'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"]',
    );
  });

  it('reports a volumeMount without its volume', () => {
    const p = pod({ containers: [{ name: 'c', image: 'busybox', volumeMounts: [{ name: 'data', mountPath: '/data' }] }] });
    expect(create('', 'Pod', p)).toBe('Pod "web" is invalid: spec.containers[0].volumeMounts[0].name: Not found: "data"');
  });

  it('checks probes', () => {
    const p = pod({ containers: [{ name: 'c', image: 'nginx', livenessProbe: { successThreshold: 2, httpGet: { port: 'http-web-svc-long' } } }] });
    expect(create('', 'Pod', p)).toBe(
      'Pod "web" is invalid: [spec.containers[0].livenessProbe.httpGet.port: Invalid value: "http-web-svc-long": must be no more than 15 characters, ' +
        'spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1]',
    );
  });

  it('allows an image change but forbids other spec changes', () => {
    const old = pod();
    setRV(old, '5');
    // kubectl sends the stored object back, so imagePullPolicy keeps its stored value.
    old.spec!.containers[0].imagePullPolicy = 'Always';
    const newer = pod({ containers: [{ name: 'nginx', image: 'nginx:1.27', imagePullPolicy: 'Always' }] });
    setRV(newer, '5');
    expect(update('', 'Pod', newer, old)).toBe('');

    const moved = pod({ nodeName: 'node01', containers: [{ name: 'nginx', image: 'nginx', imagePullPolicy: 'Always' }] });
    setRV(moved, '5');
    const msg = update('', 'Pod', moved, old);
    expect(msg).toContain(
      'Pod "web" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)\n  core.PodSpec{',
    );
    expect(msg).toContain('+ \tNodeName: "node01",');

    const more = pod({ containers: [{ name: 'nginx', image: 'nginx' }, { name: 'b', image: 'busybox' }] });
    setRV(more, '5');
    expect(update('', 'Pod', more, old)).toBe('Pod "web" is invalid: spec.containers: Forbidden: pod updates may not add or remove containers');
  });
});

describe('Deployment validation', () => {
  it('accepts kubectl create deployment output', () => {
    expect(create('apps', 'Deployment', deployment())).toBe('');
  });

  it('rejects a template that does not match the selector', () => {
    const d = deployment();
    d.spec!.template.metadata!.labels = { app: 'x' };
    expect(create('apps', 'Deployment', d)).toBe(
      'Deployment "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"x"}: `selector` does not match template `labels`',
    );
  });

  it('rejects an empty selector, negative replicas and restartPolicy Never', () => {
    const d = deployment();
    d.spec!.selector = {};
    d.spec!.replicas = -1;
    d.spec!.template.spec!.restartPolicy = 'Never';
    expect(create('apps', 'Deployment', d)).toBe(
      'Deployment "web" is invalid: [spec.replicas: Invalid value: -1: must be greater than or equal to 0, ' +
        'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment, ' +
        'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"]',
    );
  });

  it('keeps the selector immutable', () => {
    const old = deployment();
    setRV(old, '7');
    const d = deployment();
    setRV(d, '7');
    d.spec!.selector = { matchLabels: { app: 'web2' } };
    d.spec!.template.metadata!.labels = { app: 'web2' };
    expect(update('apps', 'Deployment', d, old)).toBe(
      'Deployment "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    );
  });
});

describe('Service validation', () => {
  const svc = (): Service => ({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web', namespace: 'default' },
    spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] },
  });

  it('accepts a ClusterIP service and rejects a bad name, type and missing port names', () => {
    expect(create('', 'Service', svc())).toBe('');
    const s = svc();
    (s.metadata as { name?: string }).name = '1web';
    s.spec!.type = 'Public' as never;
    s.spec!.ports!.push({ port: 443 });
    expect(create('', 'Service', s)).toBe(
      'Service "1web" is invalid: [' +
        `metadata.name: Invalid value: "1web": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?'), ` +
        'spec.ports[0].name: Required value, spec.ports[1].name: Required value, ' +
        'spec.type: Unsupported value: "Public": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"]',
    );
  });

  it('keeps clusterIP once set and checks the NodePort range', () => {
    const old = svc();
    setRV(old, '3');
    old.spec!.clusterIP = '10.96.12.7';
    old.spec!.clusterIPs = ['10.96.12.7'];
    const s = svc();
    setRV(s, '3');
    s.spec!.clusterIP = '10.96.0.99';
    s.spec!.clusterIPs = ['10.96.0.99'];
    expect(update('', 'Service', s, old)).toBe(
      'Service "web" is invalid: spec.clusterIPs[0]: Invalid value: []string{"10.96.0.99"}: may not change once set',
    );
    const np = svc();
    np.spec!.type = 'NodePort';
    np.spec!.ports![0].nodePort = 80;
    expect(message('Service', 'web', validateNodePorts(np))).toBe(
      'Service "web" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
    );
  });
});

describe('small kinds', () => {
  it('Namespace names are RFC 1123 labels', () => {
    const dotted: Namespace = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team.a' } };
    expect(create('', 'Namespace', dotted)).toBe('Namespace "team.a" is invalid: metadata.name: Invalid value: "team.a": must not contain dots');
    const ns: Namespace = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'Team_A' } };
    expect(create('', 'Namespace', ns)).toBe(
      `Namespace "Team_A" is invalid: metadata.name: Invalid value: "Team_A": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
    );
  });

  it('ConfigMap keys and immutability', () => {
    const cm: ConfigMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'default' }, data: { 'my key': 'x' } };
    expect(create('', 'ConfigMap', cm)).toBe(
      `ConfigMap "cfg" is invalid: data[my key]: Invalid value: "my key": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`,
    );
    const old: ConfigMap = { metadata: { name: 'cfg', namespace: 'default', resourceVersion: '1' }, immutable: true, data: { a: '1' } };
    const next: ConfigMap = { metadata: { name: 'cfg', namespace: 'default', resourceVersion: '1' }, immutable: true, data: { a: '2' } };
    expect(update('', 'ConfigMap', next, old)).toBe('ConfigMap "cfg" is invalid: data: Forbidden: field is immutable when `immutable` is set');
  });

  it('Secret type is immutable', () => {
    const old = { metadata: { name: 's', namespace: 'default', resourceVersion: '1' }, data: { a: 'MQ==' } };
    const next = { ...old, type: 'kubernetes.io/tls', data: { 'tls.crt': 'eA==', 'tls.key': 'eA==' } };
    expect(update('', 'Secret', next, old)).toBe('Secret "s" is invalid: type: Invalid value: "kubernetes.io/tls": field is immutable');
  });
});
