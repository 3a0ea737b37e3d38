/**
 * kubectl delete: names, TYPE/NAME, -f, selectors, --all, cascade, grace periods and
 * waiting until objects are gone (virtual time moves while kubectl waits).
 */
import { describe, expect, it } from 'vitest';
import { writeFile } from './files.ts';
import { scenario } from './harness.ts';

describe('kubectl delete', () => {
  it('deletes by name and TYPE/NAME and reports what is missing', async () => {
    const s = await scenario();
    await s.run('kubectl create cm a --from-literal=x=1');
    await s.run('kubectl create deployment web --image=nginx');
    expect(await s.run('kubectl delete cm a')).toEqual({ stdout: 'configmap "a" deleted\n', stderr: '', status: 0 });
    expect(await s.run('kubectl delete deploy/web')).toEqual({ stdout: 'deployment.apps "web" deleted\n', stderr: '', status: 0 });
    expect(await s.run('kubectl delete pod x y')).toEqual({
      stdout: '',
      stderr: 'Error from server (NotFound): pods "x" not found\nError from server (NotFound): pods "y" not found\n',
      status: 1,
    });
    expect(await s.run('kubectl delete pod x')).toEqual({ stdout: '', stderr: 'Error from server (NotFound): pods "x" not found\n', status: 1 });
    expect(await s.run('kubectl delete pod x --ignore-not-found')).toEqual({ stdout: '', stderr: '', status: 0 });
  });

  it('refuses incomplete requests in kubectl words', async () => {
    const s = await scenario();
    expect((await s.run('kubectl delete pods')).stderr).toBe('error: resource(s) were provided, but no name was specified\n');
    expect((await s.run('kubectl delete')).stderr).toBe(
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
    );
    expect((await s.run('kubectl delete pods --all -l app=x')).stderr).toBe("error: setting 'all' parameter but found a non empty selector. \n");
    expect((await s.run('kubectl delete pod x --cascade=sideways')).stderr).toBe('error: invalid cascade value (sideways). Must be "background", "foreground", or "orphan"\n');
    expect((await s.run('kubectl delete pod x --force --grace-period=5')).stderr).toBe('error: --force and --grace-period greater than 0 cannot be specified together\n');
    expect((await s.run('kubectl delete svc -l nothing=here')).stdout).toBe('No resources found\n');
  });

  it('waits for pods to terminate within their grace period', async () => {
    const s = await scenario();
    await s.run('kubectl run nginx --image=nginx');
    await s.run('sleep 20');
    const before = s.session.cluster.now();
    expect((await s.run('kubectl delete pod nginx')).stdout).toBe('pod "nginx" deleted\n');
    expect(s.session.cluster.now()).toBeGreaterThan(before);
    expect((await s.run('kubectl get pod nginx')).stderr).toBe('Error from server (NotFound): pods "nginx" not found\n');
  });

  it('force-deletes at once with the warning', async () => {
    const s = await scenario();
    await s.run('kubectl run nginx --image=nginx');
    expect(await s.run('kubectl delete pod nginx --force --grace-period=0')).toEqual({
      stdout: 'pod "nginx" force deleted\n',
      stderr:
        'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
      status: 0,
    });
  });

  it('deletes by label, by --all, from files, and only pretends under --dry-run', async () => {
    const s = await scenario();
    await s.run('kubectl create cm a --from-literal=x=1');
    await s.run('kubectl create cm b --from-literal=x=1');
    await s.run('kubectl label cm a tier=x');
    expect((await s.run('kubectl delete cm -l tier=x')).stdout).toBe('configmap "a" deleted\n');
    expect((await s.run('kubectl delete cm b --dry-run=client')).stdout).toBe('configmap "b" deleted (dry run)\n');
    expect((await s.run('kubectl delete cm b --dry-run=server -o name')).stdout).toBe('configmap/b\n');
    expect((await s.run('kubectl get cm b -o name')).stdout).toBe('configmap/b\n');
    writeFile(s, 'b.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n');
    expect((await s.run('kubectl delete -f b.yaml')).stdout).toBe('configmap "b" deleted\n');
    expect((await s.run('kubectl delete -f b.yaml')).stderr).toBe('Error from server (NotFound): error when deleting "b.yaml": configmaps "b" not found\n');
    await s.run('kubectl create ns dev');
    await s.run('kubectl create cm c -n dev');
    expect((await s.run('kubectl delete cm --all -n dev')).stdout).toBe('configmap "c" deleted\nconfigmap "kube-root-ca.crt" deleted\n');
  });

  it('orphans the pods of a deployment with --cascade=orphan', async () => {
    const s = await scenario();
    await s.run('kubectl create deployment web --image=nginx --replicas=2');
    await s.run('sleep 5');
    expect((await s.run('kubectl delete deployment web --cascade=orphan')).stdout).toBe('deployment.apps "web" deleted\n');
    await s.run('sleep 5');
    expect((await s.run('kubectl get rs -o name')).stdout).toMatch(/^replicaset\.apps\/web-/);
  });
});
