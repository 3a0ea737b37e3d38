/**
 * kubectl create: -f (files, multi-document, stdin, directories) and the generator
 * subcommands against a live cluster, including the error paths and that bad input
 * leaves the cluster unchanged.
 */
import { describe, expect, it } from 'vitest';
import { writeFile } from './files.ts';
import { scenario } from './harness.ts';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
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
`;

const write = writeFile;

describe('kubectl create -f', () => {
  it('creates, then refuses a duplicate with the file named', async () => {
    const s = await scenario();
    write(s, 'd.yaml', DEPLOYMENT);
    expect(await s.run('kubectl create -f d.yaml')).toEqual({ stdout: 'deployment.apps/web created\n', stderr: '', status: 0 });
    expect(await s.run('kubectl create -f d.yaml')).toEqual({
      stdout: '',
      stderr: 'Error from server (AlreadyExists): error when creating "d.yaml": deployments.apps "web" already exists\n',
      status: 1,
    });
  });

  it('reads stdin and directories, and creates every document', async () => {
    const s = await scenario();
    s.session.shell.fs.mkdir('manifests', { parents: true }, s.session.shell.cwd);
    write(s, 'manifests/a.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n');
    write(s, 'manifests/notes.txt', 'not a manifest');
    expect((await s.run('kubectl create -f manifests/')).stdout).toBe('configmap/a created\nconfigmap/b created\n');
    expect(await s.run('cat manifests/a.yaml | sed s/name:\\ a/name:\\ c/ | kubectl create -f - -o name')).toEqual({
      stdout: 'configmap/c\n',
      stderr: 'Error from server (AlreadyExists): error when creating "STDIN": configmaps "b" already exists\n',
      status: 1,
    });
  });

  it('prints dry runs without writing', async () => {
    const s = await scenario();
    write(s, 'd.yaml', DEPLOYMENT);
    expect((await s.run('kubectl create -f d.yaml --dry-run=client')).stdout).toBe('deployment.apps/web created (dry run)\n');
    expect((await s.run('kubectl create -f d.yaml --dry-run=server')).stdout).toBe('deployment.apps/web created (server dry run)\n');
    expect((await s.run('kubectl create -f d.yaml --dry-run=client -o jsonpath={.metadata.namespace}')).stdout).toBe('default');
    expect(await s.run('kubectl get deploy web')).toEqual({ stdout: '', stderr: 'Error from server (NotFound): deployments.apps "web" not found\n', status: 1 });
  });

  it('rejects unknown fields strictly, unless --validate=false', async () => {
    const s = await scenario();
    write(s, 'p.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: nginx\n    foo: bar\n');
    expect(await s.run('kubectl create -f p.yaml')).toEqual({
      stdout: '',
      stderr:
        'Error from server (BadRequest): error when creating "p.yaml": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].foo"\n',
      status: 1,
    });
    expect((await s.run('kubectl get pods')).stderr).toBe('No resources found in default namespace.\n');
    expect((await s.run('kubectl create -f p.yaml --validate=false')).stdout).toBe('pod/p created\n');
  });

  it('fails on missing kind/apiVersion, YAML syntax and invalid names, creating nothing', async () => {
    const s = await scenario();
    write(s, 'nokind.yaml', 'apiVersion: v1\nmetadata:\n  name: x\n');
    write(s, 'noversion.yaml', 'kind: Pod\nmetadata:\n  name: x\n');
    write(s, 'bad.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n   labels: a\n');
    write(s, 'inv.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: "my - pod"\nspec:\n  containers:\n  - name: c\n    image: nginx\n');
    expect((await s.run('kubectl create -f nokind.yaml')).stderr).toBe(
      'error: error validating "nokind.yaml": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false\n',
    );
    expect((await s.run('kubectl create -f noversion.yaml')).stderr).toBe(
      'error: error validating "noversion.yaml": error validating data: apiVersion not set; if you choose to ignore these errors, turn validation off with --validate=false\n',
    );
    expect(await s.run('kubectl create -f bad.yaml')).toEqual({
      stdout: '',
      stderr: 'error: error parsing bad.yaml: error converting YAML to JSON: yaml: line 4: mapping values are not allowed in this context\n',
      status: 1,
    });
    const invalid = await s.run('kubectl create -f inv.yaml');
    expect(invalid.status).toBe(1);
    expect(invalid.stderr).toMatch(/^The Pod "my - pod" is invalid: metadata.name: Invalid value: "my - pod": a lowercase RFC 1123 subdomain must consist of/);
    expect((await s.run('kubectl get pods')).stderr).toBe('No resources found in default namespace.\n');
    expect(await s.run('kubectl create -f missing.yaml')).toEqual({ stdout: '', stderr: 'error: the path "missing.yaml" does not exist\n', status: 1 });
  });

  it('goes on past failing documents and lists every error at the end', async () => {
    const s = await scenario();
    write(
      s,
      'multi.yaml',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n  namespace: nowhere\n',
    );
    expect(await s.run('kubectl create -f multi.yaml')).toEqual({
      stdout: 'configmap/a created\n',
      // As the real kubectl: server errors first, the builder's mapping errors last.
      stderr:
        'Error from server (NotFound): error when creating "multi.yaml": namespaces "nowhere" not found\n' +
        'resource mapping not found for name: "w" namespace: "" from "multi.yaml": no matches for kind "Widget" in version "example.com/v1"\nensure CRDs are installed first\n',
      status: 1,
    });
    expect((await s.run('kubectl create -f multi.yaml -n kube-system')).stderr).toContain(
      `the namespace from the provided object "nowhere" does not match the namespace "kube-system". You must pass '--namespace=nowhere' to perform this operation.\n`,
    );
  });

  it('asks for -f when given nothing', async () => {
    const s = await scenario();
    expect(await s.run('kubectl create')).toEqual({ stdout: '', stderr: 'error: must specify one of -f and -k\n', status: 1 });
  });
});

describe('kubectl create <generator>', () => {
  it('creates objects with the generators and prints their real help', async () => {
    const s = await scenario();
    expect((await s.run('kubectl create deployment web --image=nginx --replicas=2')).stdout).toBe('deployment.apps/web created\n');
    expect((await s.run('kubectl create deploy web --image=nginx')).stderr).toBe('error: failed to create deployment: deployments.apps "web" already exists\n');
    expect((await s.run('kubectl create secret generic s2 -n nowhere')).stderr).toBe('error: failed to create secret namespaces "nowhere" not found\n');
    expect((await s.run('kubectl create ns dev')).stdout).toBe('namespace/dev created\n');
    expect((await s.run('kubectl create ns dev')).stderr).toBe('Error from server (AlreadyExists): namespaces "dev" already exists\n');
    expect((await s.run('kubectl create cm cfg --from-literal=a=1 -n dev')).stdout).toBe('configmap/cfg created\n');
    expect((await s.run('kubectl create secret generic s --from-literal=p=x')).stdout).toBe('secret/s created\n');
    expect((await s.run('kubectl create service nodeport web --tcp=80:80')).stdout).toBe('service/web created\n');
    expect((await s.run('kubectl create sa bot')).stdout).toBe('serviceaccount/bot created\n');
    expect((await s.run('kubectl get cm cfg -n dev -o jsonpath={.data.a}')).stdout).toBe('1');
    expect((await s.run('kubectl create deployment -h')).stdout.split('\n')[0]).toBe('Create a deployment with the specified name.');
    expect((await s.run('kubectl create deployment web2')).stderr).toMatch(/"command failed" err="required flag\(s\) \\"image\\" not set"\n$/);
  });

  it('answers like a cluster without the API for kinds it does not serve', async () => {
    const s = await scenario();
    const r = await s.run('kubectl create job j --image=busybox');
    if (r.status === 0) return; // Jobs are served: nothing to assert here.
    expect(r).toEqual({ stdout: '', stderr: 'error: failed to create job: the server could not find the requested resource\n', status: 1 });
    expect((await s.run('kubectl create job j --image=busybox --dry-run=client')).stdout).toBe('job.batch/j created (dry run)\n');
  });

  it('writes the last-applied annotation with --save-config', async () => {
    const s = await scenario();
    await s.run('kubectl create cm cfg --from-literal=a=1 --save-config');
    expect((await s.run("kubectl get cm cfg -o jsonpath='{.metadata.annotations.kubectl\\.kubernetes\\.io/last-applied-configuration}'")).stdout).toBe(
      '{"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"cfg","creationTimestamp":null},"data":{"a":"1"}}\n',
    );
  });
});
