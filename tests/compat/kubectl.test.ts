/**
 * Compat: the real kubectl (v1.32, when on PATH) against `kubeplay serve`, compared with what
 * our emulated kubectl prints for the same lines on the same cluster. One gateway serves the
 * whole file; tests run in order and build on each other (create → apply → scale → delete).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kubectlAvailable, startCompat, withoutAges, type CompatEnv } from './harness.ts';

const available = kubectlAvailable();
if (!available) console.warn('tests/compat: no kubectl on PATH; skipping the real-kubectl compat tests');
const suite = available ? describe : describe.skip;

const MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  replicas: REPLICAS
  selector:
    matchLabels: {app: api}
  template:
    metadata:
      labels: {app: api}
    spec:
      containers:
      - name: api
        image: nginx:1.25
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: cfg
data:
  a: "1"
`;

suite('real kubectl against kubeplay serve', { timeout: 60_000 }, () => {
  let env: CompatEnv;
  beforeAll(async () => {
    env = await startCompat();
  }, 60_000);
  afterAll(async () => {
    await env?.close();
  });

  it('reports v1.32 on /version, so the dispatcher runs kubectl v1.32', async () => {
    const r = await env.kubectl(['version', '-o', 'json']);
    expect(r.code).toBe(0);
    const v = JSON.parse(r.stdout) as { clientVersion: { minor: string }; serverVersion: { minor: string; gitVersion: string } };
    expect(v.serverVersion.minor).toBe('32');
    expect(v.serverVersion.gitVersion).toBe('v1.32.2');
    expect(v.clientVersion.minor).toMatch(/^32/);
  });

  it('get nodes prints what the emulated kubectl prints', async () => {
    const real = await env.kubectl(['get', 'nodes']);
    expect(real.code).toBe(0);
    expect(real.stdout).toMatch(/^NAME +STATUS +ROLES +AGE +VERSION\ncontrolplane +Ready +control-plane +\S+ +v1\.32\.2\n/);
    expect(withoutAges(real.stdout)).toBe(withoutAges(await env.emulated('kubectl get nodes')));
  });

  it('get pods -A and -o wide match the emulated kubectl', async () => {
    const real = await env.kubectl(['get', 'pods', '-A']);
    expect(real.code).toBe(0);
    expect(real.stdout).toMatch(/^NAMESPACE +NAME +READY +STATUS +RESTARTS +AGE\nkube-flannel +kube-flannel-ds-\S+/);
    expect(withoutAges(real.stdout)).toBe(withoutAges(await env.emulated('kubectl get pods -A')));
    const wide = await env.kubectl(['get', 'pods', '-n', 'kube-system', '-o', 'wide']);
    expect(withoutAges(wide.stdout)).toBe(withoutAges(await env.emulated('kubectl get pods -n kube-system -o wide')));
  });

  it('api-resources lists the served resources as the emulated kubectl does', async () => {
    const real = await env.kubectl(['api-resources']);
    expect(real.code).toBe(0);
    expect(real.stdout).toMatch(/^NAME +SHORTNAMES +APIVERSION +NAMESPACED +KIND\n/);
    expect(real.stdout).toMatch(/\ndeployments +deploy +apps\/v1 +true +Deployment\n/);
    expect(real.stdout).toMatch(/\npods +po +v1 +true +Pod\n/);
    // The gateway also serves the self-subject reviews (auth can-i, auth whoami) the emulator does not list.
    const lines = (s: string) => withoutAges(s).split('\n').filter((l) => !/^selfsubject/.test(l));
    const emulated = await env.emulated('kubectl api-resources');
    if (!/not available in (this|the) playground/.test(emulated)) expect(lines(real.stdout)).toEqual(lines(emulated));
  });

  it('create deployment (a protobuf body) creates it', async () => {
    const r = await env.kubectl(['create', 'deployment', 'web', '--image=nginx:1.25', '--replicas=2', '--port=80']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('deployment.apps/web created\n');
    const again = await env.kubectl(['create', 'deployment', 'web', '--image=nginx:1.25']);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe('error: failed to create deployment: deployments.apps "web" already exists\n');
  });

  it('apply -f creates, leaves unchanged, then configures', async () => {
    const apply = (replicas: number) => env.kubectl(['apply', '-f', '-'], { stdin: MANIFEST.replace('REPLICAS', String(replicas)) });
    expect((await apply(1)).stdout).toBe('deployment.apps/api created\nconfigmap/cfg created\n');
    expect((await apply(1)).stdout).toBe('deployment.apps/api unchanged\nconfigmap/cfg unchanged\n');
    const third = await apply(3);
    expect(third.stderr).toBe('');
    expect(third.stdout).toBe('deployment.apps/api configured\nconfigmap/cfg unchanged\n');
  });

  it('scale and rollout status converge', async () => {
    const scaled = await env.kubectl(['scale', 'deployment', 'api', '--replicas=2']);
    expect(scaled.stdout).toBe('deployment.apps/api scaled\n');
    const rollout = await env.kubectl(['rollout', 'status', 'deployment/api', '--timeout=30s'], { timeoutMs: 40_000 });
    expect(rollout.code).toBe(0);
    expect(rollout.stdout).toMatch(/deployment "api" successfully rolled out\n$/);
    const web = await env.kubectl(['rollout', 'status', 'deployment/web', '--timeout=30s'], { timeoutMs: 40_000 });
    expect(web.stdout).toMatch(/deployment "web" successfully rolled out\n$/);
  });

  it('get -o yaml matches the emulated kubectl byte for byte', async () => {
    const real = await env.kubectl(['get', 'deployment', 'web', '-o', 'yaml']);
    expect(real.code).toBe(0);
    expect(real.stdout).toMatch(/^apiVersion: apps\/v1\nkind: Deployment\nmetadata:\n/);
    expect(real.stdout).toContain('  replicas: 2\n');
    expect(real.stdout).toBe(await env.emulated('kubectl get deployment web -o yaml'));
    const cm = await env.kubectl(['get', 'configmap', 'cfg', '-o', 'json']);
    expect(cm.stdout).toBe(await env.emulated('kubectl get configmap cfg -o json'));
  });

  it('get deployments matches the emulated kubectl', async () => {
    const real = await env.kubectl(['get', 'deployments', '-o', 'wide']);
    expect(real.stdout).toMatch(/\napi +2\/2 +2 +2 +\S+ +api +nginx:1\.25 +app=api\n/);
    expect(withoutAges(real.stdout)).toBe(withoutAges(await env.emulated('kubectl get deployments -o wide')));
  });

  it('autoscale sends an autoscaling/v1 HPA (protobuf) that get hpa shows as the emulated kubectl does', async () => {
    const r = await env.kubectl(['autoscale', 'deployment', 'web', '--max=4', '--cpu-percent=60']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('horizontalpodautoscaler.autoscaling/web autoscaled\n');
    const real = await env.kubectl(['get', 'hpa']);
    expect(withoutAges(real.stdout)).toBe(withoutAges(await env.emulated('kubectl get hpa')));
    expect((await env.kubectl(['delete', 'hpa', 'web'])).stdout).toBe('horizontalpodautoscaler.autoscaling "web" deleted\n');
  });

  // Same cluster, same moment: what the real kubectl renders from our wire answers must be what
  // the emulated kubectl prints (describe computes ages client-side, from the served timestamps).
  it.each([
    'describe deployment web',
    'describe node node01',
    'get all',
    'get pods -o wide --show-labels',
    'get replicasets -o name',
    'get pods -l app=web -o jsonpath={.items[*].spec.containers[0].image}',
    // metrics.k8s.io from metrics-server, printed by kubectl's own metricsutil printer.
    'top node',
    'top pod -n kube-system --containers --sort-by=memory --sum',
    'get nodemetrics',
    'get podmetrics -n kube-system',
  ])('%s matches the emulated kubectl', async (line) => {
    const real = await env.kubectl(line.split(' '));
    expect(real.code).toBe(0);
    expect(withoutAges(real.stdout + real.stderr)).toBe(withoutAges(await env.emulated(`kubectl ${line}`)));
  });

  it('get pod nope fails with the NotFound Status', async () => {
    const r = await env.kubectl(['get', 'pod', 'nope']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
    expect(await env.emulated('kubectl get pod nope')).toBe(r.stderr);
  });

  it('get pods -w streams Table rows until --request-timeout', async () => {
    const watching = env.kubectl(['get', 'pods', '-w', '-l', 'app=web', '--request-timeout=4s'], { timeoutMs: 15_000 });
    await new Promise((ok) => setTimeout(ok, 1000));
    await env.kubectl(['scale', 'deployment', 'web', '--replicas=3']);
    const r = await watching;
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^NAME +READY +STATUS +RESTARTS +AGE$/);
    expect(lines.filter((l) => /^web-/.test(l)).length).toBeGreaterThanOrEqual(3);
    expect(lines.filter((l) => /^NAME/.test(l))).toHaveLength(1);
  });

  it('explain pods walks the OpenAPI v3 schema', async () => {
    const r = await env.kubectl(['explain', 'pods']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^KIND: {7}Pod\nVERSION: {4}v1\n\nDESCRIPTION:\n {4}Pod is a collection of containers that can run on a host\./);
    expect(r.stdout).toContain('\n  spec\t<PodSpec>\n');
    const field = await env.kubectl(['explain', 'deployment.spec.replicas']);
    expect(field.stdout).toMatch(/^GROUP: {6}apps\nKIND: {7}Deployment\nVERSION: {4}v1\n\nFIELD: replicas <integer>\n/);
  });

  it('auth can-i and whoami decode protobuf reviews', async () => {
    const can = await env.kubectl(['auth', 'can-i', 'create', 'pods']);
    expect(can.stdout).toBe('yes\n');
    const who = await env.kubectl(['auth', 'whoami']);
    expect(who.stdout).toMatch(/^ATTRIBUTE +VALUE\nUsername +kubernetes-admin\n/);
  });

  it('run, logs and graceful pod deletion (DELETE answers the terminating pod, kubectl waits for DELETED)', async () => {
    expect((await env.kubectl(['run', 'p1', '--image=nginx:1.25'])).stdout).toBe('pod/p1 created\n');
    const ready = await env.kubectl(['wait', '--for=condition=Ready', 'pod/p1', '--timeout=30s'], { timeoutMs: 40_000 });
    expect(ready.stdout).toBe('pod/p1 condition met\n');
    const logs = await env.kubectl(['logs', 'p1', '--tail=1']);
    expect(logs.code).toBe(0);
    expect(logs.stdout).toBe(await env.emulated('kubectl logs p1 --tail=1'));
    const exec = await env.kubectl(['exec', 'p1', '--', 'ls']);
    expect(exec.code).toBe(1);
    expect(exec.stderr).toContain('kubeplay serve does not support pods/exec');
    const del = await env.kubectl(['delete', 'pod', 'p1'], { timeoutMs: 60_000 });
    expect(del.stdout).toBe('pod "p1" deleted\n');
    expect((await env.kubectl(['get', 'pod', 'p1'])).stderr).toBe('Error from server (NotFound): pods "p1" not found\n');
  });

  it('get cs: the deprecation Warning header reaches the real kubectl', async () => {
    const cs = await env.kubectl(['get', 'cs']);
    expect(cs.stderr).toBe('Warning: v1 ComponentStatus is deprecated in v1.19+\n');
    expect(cs.stderr + cs.stdout).toBe(await env.emulated('TERM=dumb kubectl get cs'));
  });

  it('create pdb and ingress (protobuf bodies); a budget blocks the real drain with 429 retries', async () => {
    // 100% of the Deployment's scale: no pod may go, however many replicas earlier tests left.
    const pdb = await env.kubectl(['create', 'pdb', 'web', '--selector=app=web', '--min-available=100%']);
    expect(pdb.stdout).toBe('poddisruptionbudget.policy/web created\n');
    const ing = await env.kubectl(['create', 'ingress', 'web', '--rule=example.com/*=web:80,tls=cert']);
    expect(ing.stdout).toBe('ingress.networking.k8s.io/web created\n');
    expect(withoutAges((await env.kubectl(['get', 'ing'])).stdout)).toBe(withoutAges(await env.emulated('kubectl get ing')));
    expect((await env.kubectl(['get', 'ingress', 'web', '-o', 'yaml'])).stdout).toBe(await env.emulated('kubectl get ingress web -o yaml'));
    const pdbs = await env.kubectl(['get', 'pdb']);
    expect(pdbs.stdout).toMatch(/^NAME +MIN AVAILABLE +MAX UNAVAILABLE +ALLOWED DISRUPTIONS +AGE\nweb +100% +N\/A +0 +\S+\n$/);
    expect(withoutAges(pdbs.stdout)).toBe(withoutAges(await env.emulated('kubectl get pdb')));
    const drain = await env.kubectl(['drain', 'node01', '--ignore-daemonsets', '--delete-emptydir-data', '--pod-selector=app=web', '--timeout=6s'], { timeoutMs: 30_000 });
    expect(drain.code).toBe(1);
    expect(drain.stderr).toMatch(/error when evicting pods\/"web-\w+-\w+" -n "default" \(will retry after 5s\): Cannot evict pod as it would violate the pod's disruption budget\.\n/);
    expect(drain.stderr).toMatch(/\nerror when evicting pods\/"web-\w+-\w+" -n "default": global timeout reached: 6s\n$/);
    expect((await env.kubectl(['uncordon', 'node01'])).stdout).toBe('node/node01 uncordoned\n');
    expect((await env.kubectl(['delete', 'pdb', 'web'])).stdout).toBe('poddisruptionbudget.policy "web" deleted\n');
    expect((await env.kubectl(['delete', 'ingress', 'web'])).stdout).toBe('ingress.networking.k8s.io "web" deleted\n');
  });

  it('delete removes objects and waits for them to go', async () => {
    const cm = await env.kubectl(['delete', 'configmap', 'cfg']);
    expect(cm.stdout).toBe('configmap "cfg" deleted\n');
    const deploy = await env.kubectl(['delete', 'deployment', 'api', 'web'], { timeoutMs: 60_000 });
    expect(deploy.stdout).toBe('deployment.apps "api" deleted\ndeployment.apps "web" deleted\n');
    const gone = await env.kubectl(['get', 'deployments']);
    expect(gone.stderr).toBe('No resources found in default namespace.\n');
  });
});
