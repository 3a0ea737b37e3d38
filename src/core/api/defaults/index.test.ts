import { describe, expect, it } from 'vitest';
import type { Deployment, Pod, Service } from '../types.ts';
import { defaulterFor, defaulters } from './index.ts';
import { defaultImagePullPolicy } from './container.ts';
import { defaultPod, defaultPodPriority, defaultTolerationSeconds, preparePodForCreate } from './pod.ts';
import { podQOSClass } from './qos.ts';
import { admitServiceAccount } from './serviceAccount.ts';
import { defaultServiceIPFamilies } from './service.ts';

/** What `kubectl create deployment web --image=nginx --dry-run=client -o json` (v1.32) sends. */
const createdDeployment = (): Deployment => ({
  kind: 'Deployment',
  apiVersion: 'apps/v1',
  metadata: { name: 'web', labels: { app: 'web' } },
  spec: {
    replicas: 1,
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: { containers: [{ name: 'nginx', image: 'nginx', resources: {} }] },
    },
    strategy: {},
  },
});

describe('Deployment defaults', () => {
  it('matches what a v1.32 API server stores for kubectl create deployment', () => {
    const d = createdDeployment();
    defaulters['apps/Deployment'](d as never);
    expect(d.spec).toEqual({
      progressDeadlineSeconds: 600,
      replicas: 1,
      revisionHistoryLimit: 10,
      selector: { matchLabels: { app: 'web' } },
      strategy: { rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' }, type: 'RollingUpdate' },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: {
          containers: [
            {
              image: 'nginx',
              imagePullPolicy: 'Always',
              name: 'nginx',
              resources: {},
              terminationMessagePath: '/dev/termination-log',
              terminationMessagePolicy: 'File',
            },
          ],
          dnsPolicy: 'ClusterFirst',
          restartPolicy: 'Always',
          schedulerName: 'default-scheduler',
          securityContext: {},
          terminationGracePeriodSeconds: 30,
        },
      },
    });
  });

  it('leaves rollingUpdate unset for Recreate and keeps explicit values', () => {
    const d = createdDeployment();
    d.spec!.strategy = { type: 'Recreate' };
    d.spec!.replicas = 0;
    defaulterFor('apps', 'Deployment')(d as never);
    expect(d.spec!.strategy).toEqual({ type: 'Recreate' });
    expect(d.spec!.replicas).toBe(0);
  });
});

describe('imagePullPolicy', () => {
  it.each([
    ['nginx', 'Always'],
    ['nginx:latest', 'Always'],
    ['nginx:1.27', 'IfNotPresent'],
    ['localhost:5000/app', 'Always'],
    ['localhost:5000/app:v2', 'IfNotPresent'],
    ['nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', 'IfNotPresent'],
  ])('%s → %s', (image, policy) => {
    expect(defaultImagePullPolicy(image)).toBe(policy);
  });
});

describe('Pod defaults', () => {
  const pod = (): Pod => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'default' },
    spec: {
      containers: [
        {
          name: 'c',
          image: 'busybox:1.36',
          ports: [{ containerPort: 80 }],
          resources: { limits: { cpu: '500m', memory: '128Mi' } },
          livenessProbe: { httpGet: { port: 80 } },
          env: [{ name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }],
        },
      ],
      volumes: [
        { name: 'cm', configMap: { name: 'cfg' } },
        { name: 'host', hostPath: { path: '/var/log' } },
        { name: 'scratch' },
      ],
    },
  });

  it('fills pod, container, probe and volume defaults', () => {
    const p = pod();
    defaultPod(p);
    const c = p.spec!.containers[0];
    expect(p.spec!.enableServiceLinks).toBe(true);
    expect(c.imagePullPolicy).toBe('IfNotPresent');
    expect(c.ports).toEqual([{ containerPort: 80, protocol: 'TCP' }]);
    expect(c.resources!.requests).toEqual({ cpu: '500m', memory: '128Mi' });
    expect(c.livenessProbe).toEqual({
      httpGet: { port: 80, path: '/', scheme: 'HTTP' },
      timeoutSeconds: 1,
      periodSeconds: 10,
      successThreshold: 1,
      failureThreshold: 3,
    });
    expect(c.env![0].valueFrom!.fieldRef!.apiVersion).toBe('v1');
    expect(p.spec!.volumes).toEqual([
      { name: 'cm', configMap: { name: 'cfg', defaultMode: 420 } },
      { name: 'host', hostPath: { path: '/var/log', type: '' } },
      { name: 'scratch', emptyDir: {} },
    ]);
  });

  it('adds the admission defaults: tolerations and priority', () => {
    const p = pod();
    p.spec!.tolerations = [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' }];
    defaultTolerationSeconds(p);
    defaultPodPriority(p);
    expect(p.spec!.tolerations).toEqual([
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    ]);
    expect(p.spec!.priority).toBe(0);
    expect(p.spec!.preemptionPolicy).toBe('PreemptLowerPriority');
  });

  it('computes the QoS class on create', () => {
    const p = pod();
    defaultPod(p);
    preparePodForCreate(p);
    expect(p.status).toEqual({ phase: 'Pending', qosClass: 'Guaranteed' });
    p.spec!.containers[0].resources = { requests: { cpu: '100m' } };
    expect(podQOSClass(p)).toBe('Burstable');
    p.spec!.containers[0].resources = {};
    expect(podQOSClass(p)).toBe('BestEffort');
    p.spec!.containers[0].resources = { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '1000m', memory: '1024Mi' } };
    expect(podQOSClass(p)).toBe('Guaranteed');
  });
});

describe('Service defaults', () => {
  it('matches what a v1.32 API server stores for kubectl create service clusterip', () => {
    const svc: Service = {
      kind: 'Service',
      apiVersion: 'v1',
      metadata: { name: 'web', labels: { app: 'web' } },
      spec: { ports: [{ name: '80-8080', protocol: 'TCP', port: 80, targetPort: 8080 }, { port: 443 }], selector: { app: 'web' } },
    };
    defaulters['/Service'](svc as never);
    expect(svc.spec).toEqual({
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      ports: [
        { name: '80-8080', protocol: 'TCP', port: 80, targetPort: 8080 },
        { port: 443, protocol: 'TCP', targetPort: 443 },
      ],
      selector: { app: 'web' },
      sessionAffinity: 'None',
      type: 'ClusterIP',
    });
  });

  it('defaults NodePort traffic policy and headless selectorless families', () => {
    const np: Service = { metadata: { name: 'n' }, spec: { type: 'NodePort', ports: [{ port: 80 }] } };
    defaulters['/Service'](np as never);
    expect(np.spec!.externalTrafficPolicy).toBe('Cluster');
    const headless: Service = { metadata: { name: 'h' }, spec: { clusterIP: 'None' } };
    defaultServiceIPFamilies(headless);
    expect(headless.spec!.ipFamilyPolicy).toBe('RequireDualStack');
    expect(headless.spec!.ipFamilies).toEqual(['IPv4', 'IPv6']);
  });
});

describe('small kinds', () => {
  it('Secret stringData is folded into data', () => {
    const s = { metadata: { name: 's' }, data: { a: 'eA==', b: 'eA==' }, stringData: { b: 'hello', c: 'naïve €' } };
    defaulterFor('', 'Secret')(s);
    expect(s).toEqual({ metadata: { name: 's' }, type: 'Opaque', data: { a: 'eA==', b: 'aGVsbG8=', c: 'bmHDr3ZlIOKCrA==' } });
  });

  it('Secret type Opaque, Namespace name label', () => {
    const s = { metadata: { name: 's' } };
    defaulterFor('', 'Secret')(s);
    expect(s).toEqual({ metadata: { name: 's' }, type: 'Opaque' });
    const ns = { metadata: { name: 'dev' } };
    defaulterFor('', 'Namespace')(ns);
    expect(ns.metadata).toEqual({ name: 'dev', labels: { 'kubernetes.io/metadata.name': 'dev' } });
  });
});

describe('ServiceAccount admission', () => {
  it('adds the default account and the kube-api-access volume and mounts', () => {
    const p: Pod = { metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } };
    admitServiceAccount(p, 'x7k2p');
    expect(p.spec!.serviceAccountName).toBe('default');
    expect(p.spec!.serviceAccount).toBe('default');
    expect(p.spec!.containers[0].volumeMounts).toEqual([
      { name: 'kube-api-access-x7k2p', readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' },
    ]);
    expect(p.spec!.volumes![0].projected!.sources![0]).toEqual({ serviceAccountToken: { expirationSeconds: 3607, path: 'token' } });
  });

  it('mounts nothing when automountServiceAccountToken is false', () => {
    const p: Pod = { metadata: { name: 'p' }, spec: { automountServiceAccountToken: false, containers: [{ name: 'c', image: 'nginx' }] } };
    admitServiceAccount(p, 'x7k2p');
    expect(p.spec!.volumes).toBeUndefined();
  });
});
