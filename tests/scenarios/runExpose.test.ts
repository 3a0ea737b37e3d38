/**
 * kubectl run and kubectl expose against a live cluster.
 */
import { describe, expect, it } from 'vitest';
import { scenario } from './harness.ts';

describe('kubectl run', () => {
  it('creates a pod labelled run=NAME that starts running', async () => {
    const s = await scenario();
    expect(await s.run('kubectl run nginx --image=nginx --port=80')).toEqual({ stdout: 'pod/nginx created\n', stderr: '', status: 0 });
    expect((await s.run("kubectl get pod nginx -o jsonpath='{.metadata.labels.run} {.spec.containers[0].ports[0].containerPort}'")).stdout).toBe('nginx 80');
    expect((await s.run('kubectl run nginx --image=nginx')).stderr).toBe('Error from server (AlreadyExists): pods "nginx" already exists\n');
  });

  it('refuses bad names and flags, creating nothing', async () => {
    const s = await scenario();
    const r = await s.run('kubectl run "my - pod" --image=nginx');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^The Pod "my - pod" is invalid: \n\* metadata.name: Invalid value: "my - pod": a lowercase RFC 1123 subdomain/);
    expect(await s.run('kubectl run x --image=nginx --restart=Sometimes')).toEqual({
      stdout: '',
      stderr: "error: invalid restart policy: Sometimes\nSee 'kubectl run -h' for help and examples\n",
      status: 1,
    });
    expect((await s.run('kubectl run x --image=nginx --rm')).stderr).toBe("error: --rm should only be used for attached containers\nSee 'kubectl run -h' for help and examples\n");
    expect((await s.run('kubectl run x --image=nginx -t')).stderr).toBe("error: -i/--stdin is required for containers with -t/--tty=true\nSee 'kubectl run -h' for help and examples\n");
    expect((await s.run('kubectl get pods')).stderr).toBe('No resources found in default namespace.\n');
  });

  it('creates the Service first with --expose', async () => {
    const s = await scenario();
    expect((await s.run('kubectl run web --image=nginx --port=80 --expose')).stdout).toBe('service/web created\npod/web created\n');
    expect((await s.run("kubectl get svc web -o jsonpath='{.spec.selector.run}'")).stdout).toBe('web');
  });

  it('attaches, prints the output, and removes the pod with --rm', async () => {
    const s = await scenario();
    expect(await s.run('kubectl run t --rm -i --image=busybox --restart=Never -- echo hello')).toEqual({
      stdout: 'hello\npod "t" deleted\n',
      stderr: '',
      status: 0,
    });
    const failed = await s.run('kubectl run f --rm -i --image=busybox --restart=Never -- sh -c "exit 2"');
    expect(failed.status).toBe(2);
    expect(failed.stdout).toBe('pod "f" deleted\n');
    expect(failed.stderr.startsWith('pod default/f terminated (Error)\n')).toBe(true);
  });
});

describe('kubectl expose', () => {
  it('exposes a deployment with its selector and ports', async () => {
    const s = await scenario();
    await s.run('kubectl create deployment web --image=nginx --port=80');
    expect(await s.run('kubectl expose deployment web --port=80 --target-port=8080')).toEqual({ stdout: 'service/web exposed\n', stderr: '', status: 0 });
    expect((await s.run("kubectl get svc web -o jsonpath='{.spec.selector.app} {.spec.ports[0].targetPort}'")).stdout).toBe('web 8080');
    expect((await s.run('kubectl expose deploy web --name=web-np --type=NodePort --dry-run=client')).stdout).toBe('service/web-np exposed (dry run)\n');
    expect((await s.run('kubectl expose deploy web')).stderr).toBe('Error from server (AlreadyExists): services "web" already exists\n');
  });

  it('fails for missing objects, unexposable kinds and pods without ports', async () => {
    const s = await scenario();
    expect((await s.run('kubectl expose deployment nope --port=80')).stderr).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
    expect((await s.run('kubectl expose node node01 --port=80')).stderr).toBe('error: cannot expose a Node\n');
    await s.run('kubectl run bare --image=busybox -- sleep 3600');
    expect((await s.run('kubectl expose pod bare')).stderr).toBe("error: couldn't find port via --port flag or introspection\n");
  });
});
