import { describe, expect, it } from 'vitest';
import { scenario } from './harness.ts';

describe('kubectl label and annotate', () => {
  it('adds, refuses to overwrite, overwrites and removes labels', async () => {
    const s = await scenario();
    await s.run('kubectl create deployment web --image=nginx');
    expect(await s.out('kubectl label deploy web tier=fe')).toBe('deployment.apps/web labeled\n');
    expect(await s.run('kubectl label deploy web app=x')).toEqual({
      stdout: '',
      stderr: "error: 'app' already has a value (web), and --overwrite is false\n",
      status: 1,
    });
    expect(await s.out('kubectl label deploy web app=web')).toBe('deployment.apps/web not labeled\n');
    expect(await s.out('kubectl label deploy web app=x --overwrite')).toBe('deployment.apps/web labeled\n');
    expect(await s.out('kubectl label deploy web tier-')).toBe('deployment.apps/web unlabeled\n');
    expect(await s.out('kubectl label deploy web tier-')).toBe('deployment.apps/web not labeled\n');
    expect(await s.out('kubectl label deploy web --list')).toBe('app=x\n');
    expect(await s.out('kubectl label deploy web a=b --dry-run=client')).toBe('deployment.apps/web labeled (dry run)\n');
    expect(await s.out('kubectl label deploy web a=b a-')).toBe('error: can not both modify and remove a label in the same command\n');
    expect(await s.out('kubectl label deploy web')).toBe('error: at least one label update is required\n');
    expect(await s.out('kubectl label')).toBe('error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n');
    expect(await s.out('kubectl label deploy a=b')).toBe('error: resource(s) were provided, but no name was specified\n');
    expect(await s.out("kubectl label deploy web 'a=b c'")).toBe(
      "error: invalid label value: \"a=b c\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')\n",
    );
    expect(await s.out('kubectl label pods --all env=dev')).toMatch(/^pod\/web-6dc5cd68db-[a-z0-9]{5} labeled\n$/);
    expect(await s.out('kubectl get pods -l env=dev -o name')).toMatch(/^pod\/web-/);
  });

  it('annotates with the same overwrite rules', async () => {
    const s = await scenario();
    await s.run('kubectl create deployment web --image=nginx');
    expect(await s.out('kubectl annotate deploy web note=hi other=yo')).toBe('deployment.apps/web annotated\n');
    expect(await s.out('kubectl annotate deploy web note=x other=z')).toBe(
      "error: --overwrite is false but found the following declared annotation(s): 'note' already has a value (hi); 'other' already has a value (yo)\n",
    );
    expect(await s.out('kubectl annotate deploy web note=x --overwrite')).toBe('deployment.apps/web annotated\n');
    expect(await s.out('kubectl annotate deploy web other-')).toBe('deployment.apps/web annotated\n');
    expect(await s.out("kubectl get deploy web -o jsonpath='{.metadata.annotations.note}'")).toBe('x');
    expect(await s.out('kubectl annotate deploy web')).toBe('error: at least one annotation update is required\n');
  });
});

describe('kubectl patch', () => {
  it('patches with strategic, merge and json patches', async () => {
    const s = await scenario();
    await s.run('kubectl create deployment web --image=nginx');
    expect(await s.out(`kubectl patch deploy web -p '{"spec":{"replicas":2}}'`)).toBe('deployment.apps/web patched\n');
    expect(await s.out(`kubectl patch deploy web -p '{"spec":{"replicas":2}}'`)).toBe('deployment.apps/web patched (no change)\n');
    expect(await s.out(`kubectl patch deploy web --type=merge -p 'spec: {replicas: 3}'`)).toBe('deployment.apps/web patched\n');
    expect(await s.out(`kubectl patch deploy web --type=json -p '[{"op":"replace","path":"/spec/replicas","value":1}]'`)).toBe(
      'deployment.apps/web patched\n',
    );
    expect(await s.out(`kubectl patch deploy web -p '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.26"}]}}}}'`)).toBe(
      'deployment.apps/web patched\n',
    );
    expect(await s.out("kubectl get deploy web -o jsonpath='{.spec.replicas} {.spec.template.spec.containers[0].image}'")).toBe('1 nginx:1.26');
    expect(await s.out(`kubectl patch deploy web --subresource=scale --type=merge -p '{"spec":{"replicas":2}}'`)).toBe('deployment.apps/web patched\n');
    await s.run(`echo '{"metadata":{"labels":{"from":"file"}}}' > p.json`);
    expect(await s.out('kubectl patch deploy web --patch-file=p.json')).toBe('deployment.apps/web patched\n');
    expect(await s.out("kubectl get deploy web -o jsonpath='{.spec.replicas} {.metadata.labels.from}'")).toBe('2 file');
  });

  it('fails like kubectl', async () => {
    const s = await scenario();
    expect(await s.out('kubectl patch deploy web')).toBe('error: must specify --patch or --patch-file containing the contents of the patch\n');
    expect(await s.out(`kubectl patch pod x -p '{}' --type=foo`)).toBe('error: --type must be one of [json merge strategic], not "foo"\n');
    expect(await s.out(`kubectl patch deploy nope -p '{}'`)).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
  });
});

describe('kubectl set', () => {
  it('sets images, env and resources', async () => {
    const s = await scenario();
    await s.run('kubectl create deployment web --image=nginx:1.25');
    expect(await s.out('kubectl set image deployment/web nginx=nginx:1.26')).toBe('deployment.apps/web image updated\n');
    expect(await s.out('kubectl set image deployment/web nginx=nginx:1.26')).toBe('');
    expect(await s.out('kubectl set image deployment/web foo=nginx:1.26')).toBe('error: unable to find container named "foo"\n');
    expect(await s.out('kubectl set image deployment/web')).toBe('error: at least one image update is required\n');
    expect(await s.out('kubectl set env deployment/web A=1 B=2')).toBe('deployment.apps/web env updated\n');
    expect(await s.out('kubectl set env deployment/web A-')).toBe('deployment.apps/web env updated\n');
    expect(await s.out('kubectl set env deployment/web --list')).toBe('# Deployment web, container nginx\nB=2\n');
    expect(await s.out('kubectl set env deployment/web -c nope C=3')).toBe('Warning: Deployment/web does not have any containers matching "nope"\n');
    expect(await s.out('kubectl set resources deployment web --limits=cpu=200m,memory=512Mi --requests=cpu=100m')).toBe(
      'deployment.apps/web resource requirements updated\n',
    );
    expect(await s.out("kubectl get deploy web -o jsonpath='{.spec.template.spec.containers[0].resources}'")).toBe(
      '{"limits":{"cpu":"200m","memory":"512Mi"},"requests":{"cpu":"100m"}}',
    );
    expect(await s.out('kubectl set resources deployment web')).toBe(
      'error: you must specify an update to requests or limits (in the form of --requests/--limits)\n',
    );
    expect((await s.out('kubectl rollout history deployment/web')).split('\n').filter((l) => /^\d/.test(l))).toEqual([
      '1         <none>',
      '2         <none>',
      '3         <none>',
      '4         <none>',
      '5         <none>',
    ]);
  });

  it('changes local files offline', async () => {
    const s = await scenario();
    await s.run(`cat > d.yaml <<EOF
apiVersion: apps/v1
kind: Deployment
metadata:
  name: x
spec:
  selector:
    matchLabels: {app: x}
  template:
    metadata:
      labels: {app: x}
    spec:
      containers:
      - name: c
        image: busybox
EOF`);
    expect(await s.out('kubectl set image --local -f d.yaml c=busybox:1.36')).toBe('deployment.apps/x image updated\n');
    // Recorded from kubectl v1.32: the typed round trip brings back Go's zero values.
    expect(await s.out('kubectl set image --local -f d.yaml c=busybox:1.36 -o yaml')).toBe(
      [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  creationTimestamp: null',
        '  name: x',
        'spec:',
        '  selector:',
        '    matchLabels:',
        '      app: x',
        '  strategy: {}',
        '  template:',
        '    metadata:',
        '      creationTimestamp: null',
        '      labels:',
        '        app: x',
        '    spec:',
        '      containers:',
        '      - image: busybox:1.36',
        '        name: c',
        '        resources: {}',
        'status: {}',
        '',
      ].join('\n'),
    );
    expect(await s.out('kubectl label --local -f d.yaml a=b -o yaml')).toBe(
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  labels:\n    a: b\n  name: x\nspec:\n  selector:\n    matchLabels:\n      app: x\n  template:\n    metadata:\n      labels:\n        app: x\n    spec:\n      containers:\n      - image: busybox\n        name: c\n',
    );
    expect(await s.out('kubectl label --local -f d.yaml a=b')).toBe('deployment.apps/x labeled\n');
    expect(await s.out(`kubectl patch --local -f d.yaml -p '{"spec":{"replicas":2}}'`)).toBe('deployment.apps/x patched\n');
    expect(await s.out('kubectl label --local deploy x a=b')).toBe('error: can only use local files by -f pod.yaml or --filename=pod.json when --local=true is set\n');
  });
});
