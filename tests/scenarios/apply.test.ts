/**
 * kubectl apply (client-side and --server-side) and kubectl replace against a live cluster.
 */
import { describe, expect, it } from 'vitest';
import { writeFile } from './files.ts';
import { scenario } from './harness.ts';

const deployment = (replicas: number, env = '        env:\n        - name: A\n          value: "1"\n') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx
${env}`;

const LAST_APPLIED = "-o jsonpath='{.metadata.annotations.kubectl\\.kubernetes\\.io/last-applied-configuration}'";

describe('kubectl apply', () => {
  it('creates, stays unchanged, then configures with a three-way merge', async () => {
    const s = await scenario();
    writeFile(s, 'd.yaml', deployment(2));
    expect(await s.run('kubectl apply -f d.yaml')).toEqual({ stdout: 'deployment.apps/web created\n', stderr: '', status: 0 });
    expect((await s.run(`kubectl get deploy web ${LAST_APPLIED}`)).stdout).toBe(
      '{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"annotations":{},"name":"web","namespace":"default"},"spec":{"replicas":2,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"env":[{"name":"A","value":"1"}],"image":"nginx","name":"nginx"}]}}}}\n',
    );
    expect((await s.run('kubectl apply -f d.yaml')).stdout).toBe('deployment.apps/web unchanged\n');
    // Drop the env var and scale: the field removed from the manifest goes away too.
    writeFile(s, 'd.yaml', deployment(3, ''));
    expect((await s.run('kubectl apply -f d.yaml')).stdout).toBe('deployment.apps/web configured\n');
    expect((await s.run("kubectl get deploy web -o jsonpath='{.spec.replicas} {.spec.template.spec.containers[0].env}'")).stdout).toBe('3 ');
    expect((await s.run('kubectl apply -f d.yaml --dry-run=server')).stdout).toBe('deployment.apps/web unchanged (server dry run)\n');
  });

  it('keeps fields set by others (kubectl label) that the manifest never named', async () => {
    const s = await scenario();
    writeFile(s, 'cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: "1"\n');
    await s.run('kubectl apply -f cm.yaml');
    await s.run('kubectl label cm cfg team=a');
    expect((await s.run('kubectl apply -f cm.yaml')).stdout).toBe('configmap/cfg unchanged\n');
    expect((await s.run("kubectl get cm cfg -o jsonpath='{.metadata.labels.team}'")).stdout).toBe('a');
  });

  it('warns when the object was created imperatively, then patches the annotation in', async () => {
    const s = await scenario();
    await s.run('kubectl create deployment web --image=nginx');
    await s.run('kubectl create deployment web --image=nginx --dry-run=client -o yaml > web.yaml');
    expect(await s.run('kubectl apply -f web.yaml')).toEqual({
      stdout: 'deployment.apps/web configured\n',
      stderr:
        'Warning: resource deployments/web is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n',
      status: 0,
    });
    expect((await s.run(`kubectl get deploy web ${LAST_APPLIED}`)).stdout).toMatch(/^\{"apiVersion":"apps\/v1","kind":"Deployment","metadata":\{"annotations":\{\},"creationTimestamp":null,/);
  });

  it('applies server-side with its own field manager', async () => {
    const s = await scenario();
    writeFile(s, 'd.yaml', deployment(1));
    expect((await s.run('kubectl apply -f d.yaml --server-side')).stdout).toBe('deployment.apps/web serverside-applied\n');
    // NOTE: a real server records operation "Apply" here; ours records the create as "Update" (core's SSA is stage 1).
    expect((await s.run("kubectl get deploy web -o jsonpath='{.metadata.managedFields[0].manager}' --show-managed-fields")).stdout).toBe('kubectl');
    expect((await s.run('kubectl apply -f d.yaml --force-conflicts')).stderr).toBe('error: --force-conflicts only works with --server-side\n');
    expect((await s.run('kubectl apply -f d.yaml --server-side --dry-run=client')).stderr).toBe(
      "error: --dry-run=client doesn't work with --server-side (did you mean --dry-run=server instead?)\n",
    );
  });

  it('fetches only bundled URLs and fails offline otherwise', async () => {
    const s = await scenario();
    expect((await s.run('kubectl apply -f https://k8s.io/examples/pods/simple-pod.yaml')).stdout).toBe('pod/nginx created\n');
    expect((await s.run('kubectl apply -f https://example.com/x.yaml')).stderr).toBe(
      'error: unable to read URL "https://example.com/x.yaml", server reported 0 , status code=0: Get "https://example.com/x.yaml": dial tcp: lookup example.com: no such host\n',
    );
  });

  it('reports strict-validation and invalid-object errors without writing', async () => {
    const s = await scenario();
    writeFile(s, 'p.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: nginx\n  bogus: 1\n');
    expect((await s.run('kubectl apply -f p.yaml')).stderr).toBe(
      'Error from server (BadRequest): error when creating "p.yaml": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.bogus"\n',
    );
    expect((await s.run('kubectl get pods')).stderr).toBe('No resources found in default namespace.\n');
  });
});

describe('kubectl apply/create -o', () => {
  it('prints several applied objects as one List at the end, and file objects with sorted JSON keys', async () => {
    const s = await scenario();
    writeFile(s, 'two.yaml', 'kind: ConfigMap\napiVersion: v1\nmetadata:\n  name: a\n---\nkind: ConfigMap\napiVersion: v1\nmetadata:\n  name: b\n');
    expect((await s.run('kubectl apply -f two.yaml --dry-run=client -o yaml')).stdout).toMatch(/^apiVersion: v1\nitems:\n- apiVersion: v1\n {2}kind: ConfigMap\n[\s\S]*\nkind: List\nmetadata: \{\}\n$/);
    expect((await s.run('kubectl apply -f two.yaml -o name')).stdout).toBe('configmap/a\nconfigmap/b\n');
    expect((await s.run('kubectl create -f two.yaml --dry-run=client -o json')).stdout).toBe(
      '{\n    "apiVersion": "v1",\n    "kind": "ConfigMap",\n    "metadata": {\n        "name": "a",\n        "namespace": "default"\n    }\n}\n' +
        '{\n    "apiVersion": "v1",\n    "kind": "ConfigMap",\n    "metadata": {\n        "name": "b",\n        "namespace": "default"\n    }\n}\n',
    );
  });
});

describe('kubectl replace', () => {
  it('replaces the whole object, fails when absent, and --force recreates', async () => {
    const s = await scenario();
    await s.run('kubectl create cm cfg --from-literal=a=1');
    await s.run('kubectl create cm cfg --from-literal=b=2 --dry-run=client -o yaml > cm.yaml');
    expect((await s.run('kubectl replace -f cm.yaml')).stdout).toBe('configmap/cfg replaced\n');
    expect((await s.run("kubectl get cm cfg -o jsonpath='{.data}'")).stdout).toBe('{"b":"2"}');
    const uid = (await s.run("kubectl get cm cfg -o jsonpath='{.metadata.uid}'")).stdout;
    expect((await s.run('kubectl replace --force -f cm.yaml')).stdout).toBe('configmap "cfg" deleted\nconfigmap/cfg replaced\n');
    expect((await s.run("kubectl get cm cfg -o jsonpath='{.metadata.uid}'")).stdout).not.toBe(uid);
    await s.run('kubectl delete cm cfg');
    expect((await s.run('kubectl replace -f cm.yaml')).stderr).toBe('Error from server (NotFound): error when replacing "cm.yaml": configmaps "cfg" not found\n');
    expect(await s.run('kubectl replace')).toEqual({ stdout: '', stderr: 'error: must specify one of -f and -k\n', status: 1 });
  });
});
