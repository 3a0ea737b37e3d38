import { describe, expect, it } from 'vitest';
import { scenario } from './harness.ts';

const BARE_POD = `cat <<EOT | kubectl create -f -
apiVersion: v1
kind: Pod
metadata:
  name: bare
spec:
  nodeName: node01
  containers:
  - name: c
    image: nginx
EOT`;

describe('kubectl cordon / uncordon', () => {
  it('cordons once, says so the second time, and uncordons', async () => {
    const s = await scenario();
    expect(await s.run('kubectl cordon node01')).toEqual({ stdout: 'node/node01 cordoned\n', stderr: '', status: 0 });
    expect(await s.out('kubectl cordon node/node01')).toBe('node/node01 already cordoned\n');
    expect(await s.out('kubectl get node node01 --no-headers')).toMatch(/^node01\s+Ready,SchedulingDisabled\s/);
    expect(await s.out('kubectl get node node01 -o jsonpath={.spec.unschedulable}')).toBe('true');
    expect(await s.out('kubectl uncordon node01')).toBe('node/node01 uncordoned\n');
    expect(await s.out('kubectl uncordon node01 --dry-run=server')).toBe('node/node01 already uncordoned (server dry run)\n');
    expect(await s.out('kubectl get node node01 -o jsonpath={.spec.unschedulable}')).toBe('');
  });

  it('fails like kubectl without a node or with an unknown one', async () => {
    const s = await scenario();
    expect(await s.run('kubectl cordon')).toEqual({
      stdout: '',
      stderr: "error: USAGE: cordon NODE [flags]\nSee 'kubectl cordon -h' for help and examples\n",
      status: 1,
    });
    expect(await s.run('kubectl uncordon nodeX')).toEqual({ stdout: '', stderr: 'Error from server (NotFound): nodes "nodeX" not found\n', status: 1 });
  });
});

describe('kubectl drain', () => {
  it('refuses unmanaged and DaemonSet pods, listing the pending node', async () => {
    const s = await scenario();
    await s.run(BARE_POD);
    const r = await s.run('kubectl drain node01');
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('node/node01 cordoned\n');
    const lines = r.stderr.split('\n');
    expect(lines[0]).toMatch(/^error: unable to drain node "node01" due to error: \[cannot delete Pods that declare no controller \(use --force to override\): default\/bare, cannot delete DaemonSet-managed Pods \(use --ignore-daemonsets to ignore\): .*kube-system\/kube-proxy-\w{5}(, cannot delete Pods with local storage \(use --delete-emptydir-data to override\): kube-system\/metrics-server-\w+-\w{5})?\], continuing command\.\.\.$/);
    expect(lines.slice(1, 3)).toEqual(['There are pending nodes to be drained:', ' node01']);
    expect(lines[3]).toMatch(/^\[cannot delete Pods that declare no controller/);
  });

  it('with --force --ignore-daemonsets warns, evicts, waits for the pods and reports the node drained', async () => {
    const s = await scenario();
    await s.run('kubectl create deployment web --image=nginx --replicas=2');
    await s.run(BARE_POD);
    // metrics-server (on node01 or node02) mounts an emptyDir, so a full drain also needs --delete-emptydir-data.
    const r = await s.run('kubectl drain node01 --force --ignore-daemonsets --delete-emptydir-data');
    expect(r.status).toBe(0);
    // The terminal is a TTY, so the WarningPrinter colours "Warning:" (cli-runtime warningprinter.go).
    // eslint-disable-next-line no-control-regex -- kubectl colours the Warning prefix on a terminal
    expect(r.stderr).toMatch(/^\x1b\[33;1mWarning:\x1b\[0m deleting Pods that declare no controller: default\/bare; ignoring DaemonSet-managed Pods: .*kube-system\/kube-proxy-\w{5}\n$/);
    const out = r.stdout.split('\n');
    expect(out[0]).toBe('node/node01 cordoned');
    expect(out).toContain('evicting pod default/bare');
    expect(out).toContain('pod/bare evicted');
    expect(out.indexOf('evicting pod default/bare')).toBeLessThan(out.indexOf('pod/bare evicted'));
    expect(out.at(-2)).toBe('node/node01 drained');
    // Nothing but DaemonSet and mirror pods is left on the node.
    const left = await s.out('kubectl get pods -A --field-selector spec.nodeName=node01 --no-headers -o custom-columns=NAME:.metadata.name');
    expect(left.split('\n').filter((n) => n !== '' && !/^(kube-proxy|kube-flannel)/.test(n))).toEqual([]);
  });

  it('prints what it would evict with --dry-run=client and changes nothing', async () => {
    const s = await scenario();
    await s.run(BARE_POD);
    expect(await s.run('kubectl drain node01 --force --ignore-daemonsets --delete-emptydir-data --dry-run=client --pod-selector=run!=x')).toMatchObject({
      stdout: expect.stringMatching(/^node\/node01 cordoned \(dry run\)\n(evicting pod [\w-]+\/[\w-]+ \(dry run\)\n)*node\/node01 drained \(dry run\)\n$/),
      status: 0,
    });
    expect(await s.out('kubectl get pod bare -o name')).toBe('pod/bare\n');
    expect(await s.out('kubectl get node node01 -o jsonpath={.spec.unschedulable}')).toBe('');
  });
});

describe('kubectl taint', () => {
  it('adds, overwrites and removes taints with kubectl words', async () => {
    const s = await scenario();
    expect(await s.out('kubectl taint nodes node01 app=blue:NoSchedule')).toBe('node/node01 tainted\n');
    expect(await s.run('kubectl taint nodes node01 app=red:NoSchedule')).toEqual({
      stdout: '',
      stderr: 'error: node node01 already has app taint(s) with same effect(s) and --overwrite is false\n',
      status: 1,
    });
    expect(await s.out('kubectl taint nodes node01 app=red:NoSchedule --overwrite')).toBe('node/node01 modified\n');
    expect(await s.out("kubectl get node node01 -o jsonpath='{.spec.taints}'")).toBe('[{"effect":"NoSchedule","key":"app","value":"red"}]');
    expect(await s.out('kubectl taint node node01 app:NoSchedule-')).toBe('node/node01 untainted\n');
    expect(await s.run('kubectl taint node node01 app-')).toEqual({ stdout: '', stderr: 'error: taint "app" not found\n', status: 1 });
  });

  it('keeps the control-plane taint and reports its errors', async () => {
    const s = await scenario();
    expect(await s.run('kubectl taint nodes controlplane node-role.kubernetes.io/control-plane:NoSchedule')).toEqual({
      stdout: '',
      stderr: 'error: node controlplane already has node-role.kubernetes.io/control-plane taint(s) with same effect(s) and --overwrite is false\n',
      status: 1,
    });
    expect(await s.run('kubectl taint nodes node01 a=b:Sometimes')).toEqual({
      stdout: '',
      stderr: "error: invalid taint effect: Sometimes, unsupported taint effect\nSee 'kubectl taint -h' for help and examples\n",
      status: 1,
    });
    expect((await s.run('kubectl taint nodes node01')).stderr).toBe('error: at least one taint update is required\n');
    expect((await s.run('kubectl taint nodes a=b:NoSchedule')).stderr).toBe("error: at least one resource name must be specified since 'all' parameter is not set\n");
    expect((await s.run('kubectl taint pods x a=b:NoSchedule')).stderr).toBe('error: invalid resource type pods, only node types are supported\n');
    expect(await s.out('kubectl taint nodes --all gpu=true:PreferNoSchedule')).toBe('node/controlplane tainted\nnode/node01 tainted\nnode/node02 tainted\n');
  });
});
