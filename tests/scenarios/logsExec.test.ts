import { describe, expect, it } from 'vitest';
import { scenario } from './harness.ts';

const BUSYBOX = "kubectl run b --image=busybox -- sh -c 'echo one; echo two; echo three; sleep 3600'";

describe('kubectl logs', () => {
  it('reads a container log with --tail, --prefix and -l', async () => {
    const s = await scenario();
    await s.run(BUSYBOX);
    expect(await s.run('kubectl logs b')).toEqual({
      stdout: '',
      stderr: 'Error from server (BadRequest): container "b" in pod "b" is waiting to start: ContainerCreating\n',
      status: 1,
    });
    await s.run('kubectl wait --for=condition=Ready pod/b');
    await s.run('sleep 1');
    expect(await s.out('kubectl logs b')).toBe('one\ntwo\nthree\n');
    expect(await s.out('kubectl logs b --tail=1')).toBe('three\n');
    expect(await s.out('kubectl logs pod/b --prefix --tail=2')).toBe('[pod/b/b] two\n[pod/b/b] three\n');
    expect(await s.out('kubectl logs -l run=b')).toBe('one\ntwo\nthree\n');
    expect(await s.out('kubectl logs -l run=nope')).toBe('No resources found in default namespace.\n');
    expect(await s.out('kubectl logs b -c x')).toBe('error: container x is not valid for pod b out of: b\n');
    expect(await s.out('kubectl logs b -p')).toBe('Error from server (BadRequest): previous terminated container "b" in pod "b" not found\n');
  });

  it('follows a log until the container ends, or until interrupted', async () => {
    const s = await scenario();
    await s.run("kubectl run j --image=busybox --restart=Never -- sh -c 'echo a; sleep 5; echo b'");
    await s.run('kubectl wait --for=condition=Ready pod/j');
    expect(await s.run('kubectl logs -f j')).toEqual({ stdout: 'a\nb\n', stderr: '', status: 0 });
    await s.run(BUSYBOX);
    await s.run('kubectl wait --for=condition=Ready pod/b');
    await s.run('sleep 1');
    expect(await s.run('timeout 3 kubectl logs -f b --tail=1')).toEqual({ stdout: 'three\n', stderr: '', status: 124 });
  });

  it('picks a pod of a deployment and says so', async () => {
    const s = await scenario();
    await s.run('kubectl create deployment web --image=nginx --replicas=2');
    await s.run('kubectl rollout status deployment/web');
    const r = await s.run('kubectl logs deployment/web --tail=1');
    expect(r.stderr).toMatch(/^Found 2 pods, using pod\/web-6dc5cd68db-[a-z0-9]{5}\n$/);
    expect(r.status).toBe(0);
    const all = await s.run('kubectl logs deployment/web --all-pods --prefix --tail=1');
    expect(all.stderr).toBe('');
    expect(all.stdout).toMatch(/^\[pod\/web-6dc5cd68db-[a-z0-9]{5}\/nginx\] .+\n\[pod\/web-6dc5cd68db-[a-z0-9]{5}\/nginx\] .+\n$/);
  });

  it('defaults the container of a multi-container pod', async () => {
    const s = await scenario();
    await s.run(`cat > two.yaml <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: two
spec:
  containers:
  - name: a
    image: busybox
    command: ["sh", "-c", "echo from-a; sleep 3600"]
  - name: b
    image: busybox
    command: ["sh", "-c", "echo from-b; sleep 3600"]
EOF`);
    await s.run('kubectl create -f two.yaml');
    await s.run('sleep 10');
    expect(await s.run('kubectl logs two')).toEqual({ stdout: 'from-a\n', stderr: 'Defaulted container "a" out of: a, b\n', status: 0 });
    expect(await s.out('kubectl logs two -c a --prefix')).toBe('[pod/two/a] from-a\n');
    // NOTE: the fake kubelet starts only the first container for now; this asserts -c reaches b.
    expect(await s.out('kubectl logs two -c b')).toMatch(/^(from-b|Error from server \(BadRequest\): container "b" in pod "two" is waiting to start: ContainerCreating)\n$/);
  });

  it('fails without a pod', async () => {
    const s = await scenario();
    expect(await s.run('kubectl logs')).toEqual({
      stdout: '',
      stderr:
        "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n",
      status: 1,
    });
    expect((await s.run('kubectl logs -l app=x pod')).stderr).toBe("error: only a selector (-l) or a POD name is allowed\nSee 'kubectl logs -h' for help and examples\n");
  });
});

describe('kubectl exec and cp', () => {
  it('runs commands and passes their exit status', async () => {
    const s = await scenario();
    await s.run(BUSYBOX);
    await s.run('kubectl wait --for=condition=Ready pod/b');
    expect(await s.run("kubectl exec b -- sh -c 'echo hi > /tmp/x; cat /tmp/x'")).toEqual({ stdout: 'hi\n', stderr: '', status: 0 });
    expect(await s.run("kubectl exec b -- sh -c 'exit 3'")).toEqual({ stdout: '', stderr: 'command terminated with exit code 3\n', status: 3 });
    expect(await s.run('kubectl exec b')).toEqual({ stdout: '', stderr: 'error: you must specify at least one command for the container\n', status: 1 });
    expect(await s.run('kubectl exec b ls')).toEqual({
      stdout: '',
      stderr: "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n",
      status: 1,
    });
    expect(await s.out('kubectl exec')).toBe('error: pod, type/name or --filename must be specified\n');
    expect(await s.out('kubectl exec b -c x -- ls')).toBe('error: container x not found in pod b\n');
    // -i without -t has no terminal to attach: the shell reads an empty stdin and exits.
    expect(await s.out('kubectl exec -i b -- sh')).toBe(
      "error: interactive shells are not available in this playground yet; run one command at a time, e.g. kubectl exec b -- sh -c 'ls /'\n",
    );
  });

  it('cannot exec into a container that has not started', async () => {
    const s = await scenario();
    await s.run(BUSYBOX);
    expect(await s.out('kubectl exec b -- ls')).toBe('error: unable to upgrade connection: container not found ("b")\n');
  });

  it('copies files to and from a container', async () => {
    const s = await scenario();
    await s.run(BUSYBOX);
    await s.run('kubectl wait --for=condition=Ready pod/b');
    await s.run(`printf "hello 'world'\\nline2\\n" > f.txt`);
    expect(await s.run('kubectl cp f.txt b:/tmp/f.txt')).toEqual({ stdout: '', stderr: '', status: 0 });
    expect(await s.out('kubectl exec b -- cat /tmp/f.txt')).toBe("hello 'world'\nline2\n");
    // busybox's tar names the leading '/' it strips (GNU tar capitalises "Removing").
    expect(await s.run('kubectl cp default/b:/tmp/f.txt g.txt')).toEqual({ stdout: '', stderr: "tar: removing leading '/' from member names\n", status: 0 });
    expect(await s.out('cat g.txt')).toBe("hello 'world'\nline2\n");
    expect(await s.out('kubectl cp nope.txt b:/tmp/x')).toBe("error: nope.txt doesn't exist in local filesystem\n");
    expect(await s.out('kubectl cp a b')).toBe('error: one of src or dest must be a remote file specification\n');
    expect(await s.out('kubectl cp b:/a b:/c')).toBe('error: one of src or dest must be a local file specification\n');
    expect(await s.out('kubectl cp a')).toBe('error: source and destination are required\n');
  });
});

describe('kubectl port-forward', () => {
  it('prints the forwarding lines and holds until interrupted', async () => {
    const s = await scenario();
    await s.run('kubectl create deployment web --image=nginx');
    await s.run('kubectl rollout status deployment/web');
    expect(await s.run('timeout 2 kubectl port-forward deployment/web 8080:80')).toEqual({
      stdout: 'Forwarding from 127.0.0.1:8080 -> 80\nForwarding from [::1]:8080 -> 80\n',
      stderr: '',
      status: 124,
    });
    expect(await s.out('kubectl port-forward deployment/web 8080:http')).toMatch(/^error: Pod 'web-6dc5cd68db-[a-z0-9]{5}' does not have a named port 'http'\n$/);
    expect(await s.out('kubectl port-forward web')).toBe(
      "error: TYPE/NAME and list of ports are required for port-forward\nSee 'kubectl port-forward -h' for help and examples\n",
    );
  });
});
