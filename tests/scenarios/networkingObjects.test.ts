/**
 * Ingress, IngressClass and NetworkPolicy through kubectl: created, listed, described and
 * refused as on a kubeadm + flannel v1.32 cluster (no ingress controller: no ADDRESS;
 * policies stored but not enforced).
 */
import { describe, expect, it } from 'vitest';
import { scenario } from './harness.ts';

describe('Ingress', () => {
  it('creates, lists and describes an ingress with its backends endpoints', async () => {
    const s = await scenario();
    await s.run('kubectl create deployment web --image=nginx --replicas=2');
    await s.run('kubectl expose deployment web --port=80');
    await s.run('kubectl rollout status deployment/web');
    expect(await s.out('kubectl create ingress web --rule=example.com/=web:80')).toBe('ingress.networking.k8s.io/web created\n');
    expect(await s.out('kubectl create ingress tls --rule="foo.com/api*=api:8080,tls=foo-cert"')).toBe('ingress.networking.k8s.io/tls created\n');
    expect(await s.out('kubectl get ing')).toBe(
      'NAME   CLASS    HOSTS         ADDRESS   PORTS     AGE\n' + 'tls    <none>   foo.com                 80, 443   0s\n' + 'web    <none>   example.com             80        0s\n',
    );
    expect(await s.out('kubectl get ingress web -o jsonpath={.spec.rules[0].http.paths[0].pathType}/{.status}')).toBe('Exact/{"loadBalancer":{}}');
    const ips = (await s.out("kubectl get endpoints web -o jsonpath='{range .subsets[0].addresses[*]}{.ip}:80 {end}'")).trim().split(' ').join(',');
    expect(ips).toMatch(/^10\.244\.\d+\.\d+:80,10\.244\.\d+\.\d+:80$/);
    expect(await s.out('kubectl describe ingress web')).toBe(
      [
        'Name:             web',
        'Labels:           <none>',
        'Namespace:        default',
        'Address:          ',
        'Ingress Class:    <none>',
        'Default backend:  <default>',
        'Rules:',
        '  Host         Path  Backends',
        '  ----         ----  --------',
        '  example.com  ',
        `               /   web:80 (${ips})`,
        // The rules' tab-aligned first column also sets where these values start.
        'Annotations:   <none>',
        'Events:        <none>',
        '',
      ].join('\n'),
    );
    expect(await s.out('kubectl describe ing tls | grep -A1 TLS')).toBe('TLS:\n  foo-cert terminates foo.com\n');
    expect(await s.out('kubectl describe ing tls | grep api:8080')).toBe('              /api   api:8080 (<error: services "api" not found>)\n');
  });

  it('refuses a path without pathType and keeps nothing', async () => {
    const s = await scenario();
    expect(
      await s.out(`kubectl apply -f - <<EOF
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: bad
spec:
  rules:
  - host: example.com
    http:
      paths:
      - path: /
        backend:
          service:
            name: web
            port:
              number: 80
EOF`),
    ).toBe('The Ingress "bad" is invalid: spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified\n');
    expect(await s.out('kubectl create ingress bad --rule=example.com/=web')).toBe(
      "error: rule example.com/=web is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]\n",
    );
    expect(await s.out('kubectl get ing')).toBe('No resources found in default namespace.\n');
  });

  it('gives new ingresses the default IngressClass', async () => {
    const s = await scenario();
    await s.run(`kubectl apply -f - <<EOF
apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata:
  name: nginx
  annotations:
    ingressclass.kubernetes.io/is-default-class: "true"
spec:
  controller: k8s.io/ingress-nginx
EOF`);
    expect(await s.out('kubectl get ingressclass')).toBe('NAME    CONTROLLER             PARAMETERS   AGE\nnginx   k8s.io/ingress-nginx   <none>       0s\n');
    await s.run('kubectl create ingress web --rule=example.com/=web:80');
    expect(await s.out('kubectl get ing web -o jsonpath={.spec.ingressClassName}')).toBe('nginx');
    expect(await s.out('kubectl patch ingressclass nginx --type=merge -p \'{"spec":{"controller":"example.com/other"}}\'')).toBe(
      'The IngressClass "nginx" is invalid: spec.controller: Invalid value: "example.com/other": field is immutable\n',
    );
  });
});

describe('NetworkPolicy', () => {
  it('is defaulted, listed and described, and bad peers are refused', async () => {
    const s = await scenario();
    expect(
      await s.out(`kubectl apply -f - <<EOF
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-web
spec:
  podSelector:
    matchLabels:
      app: web
  ingress:
  - from:
    - podSelector:
        matchLabels:
          role: client
    ports:
    - port: 80
EOF`),
    ).toBe('networkpolicy.networking.k8s.io/allow-web created\n');
    expect(await s.out('kubectl get netpol')).toBe('NAME        POD-SELECTOR   AGE\nallow-web   app=web        0s\n');
    expect(await s.out('kubectl get netpol allow-web -o jsonpath={.spec.policyTypes}/{.spec.ingress[0].ports[0].protocol}')).toBe('["Ingress"]/TCP');
    expect(await s.out('kubectl describe netpol allow-web | sed -n 6,12p')).toBe(
      [
        'Spec:',
        '  PodSelector:     app=web',
        '  Allowing ingress traffic:',
        '    To Port: 80/TCP',
        '    From:',
        '      PodSelector: role=client',
        '  Not affecting egress traffic',
        '',
      ].join('\n'),
    );
    expect(
      await s.out(`kubectl apply -f - <<EOF
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: bad
spec:
  podSelector: {}
  ingress:
  - from:
    - ipBlock:
        cidr: 10.0.0.0/16
      podSelector: {}
EOF`),
    ).toBe('The NetworkPolicy "bad" is invalid: spec.ingress[0].from[0]: Forbidden: may not specify both ipBlock and another peer\n');
    expect(await s.out('kubectl get netpol -o name')).toBe('networkpolicy.networking.k8s.io/allow-web\n');
  });
});
