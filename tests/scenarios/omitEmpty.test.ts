/**
 * The API server stores what a Go server would encode: zero values of omitempty non-pointer
 * fields vanish (DeploymentSpec.paused, minReadySeconds, EnvVar.value, ContainerPort.hostPort),
 * pointers keep their zero (spec.replicas: 0), and empty struct-typed fields are written
 * (`resources: {}`, a template's `creationTimestamp: null`), as `kubectl create deployment`
 * and a manifest of the same template then agree (same pod-template-hash too).
 */
import { describe, expect, it } from 'vitest';
import { writeFile } from './files.ts';
import { scenario } from './harness.ts';

describe('omitempty zero values', () => {
  it('a patch or manifest with paused: false stores no paused key; replicas 0 stays', async () => {
    const s = await scenario();
    writeFile(s, 'd.yaml', `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 0
  paused: false
  minReadySeconds: 0
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx
        image: nginx
        args: []
        env:
        - name: EMPTY
          value: ""
        ports:
        - containerPort: 80
          hostPort: 0
`);
    expect(await s.out('kubectl apply -f d.yaml')).toBe('deployment.apps/web created\n');
    expect(await s.out("kubectl get deploy web -o jsonpath='{.spec.replicas}/{.spec.paused}/{.spec.minReadySeconds}/{.spec.template.spec.containers[0]}'")).toBe(
      '0///{"env":[{"name":"EMPTY"}],"image":"nginx","imagePullPolicy":"Always","name":"nginx","ports":[{"containerPort":80,"protocol":"TCP"}],"resources":{},"terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File"}',
    );
    expect(await s.out("kubectl get deploy web -o jsonpath='{.spec.template.metadata}'")).toBe('{"creationTimestamp":null,"labels":{"app":"web"}}');
    expect(await s.out('kubectl rollout pause deploy/web')).toBe('deployment.apps/web paused\n');
    expect(await s.out('kubectl patch deploy web -p \'{"spec":{"paused":false}}\'')).toBe('deployment.apps/web patched\n');
    expect(await s.out('kubectl get deploy web -o yaml | grep -c \'^  paused\'')).toBe('0\n');
    expect(await s.out('kubectl patch deploy web -p \'{"spec":{"paused":false}}\'')).toBe('deployment.apps/web patched (no change)\n');
  });
});

describe('a manifest and kubectl create deployment of the same template', () => {
  it('get the same pod-template-hash', async () => {
    const s = await scenario();
    await s.run('kubectl create deployment web --image=nginx');
    writeFile(s, 'd.yaml', `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web2
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx
        image: nginx
`);
    await s.run('kubectl apply -f d.yaml');
    await s.run('kubectl rollout status deploy/web2');
    const hashes = await s.out("kubectl get rs -o jsonpath='{.items[*].metadata.labels.pod-template-hash}'");
    const [a, b] = hashes.split(' ');
    expect(a).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{9,10}$/);
    expect(b).toBe(a);
  });
});
