import { describe, expect, it } from 'vitest';
import { waitingText } from './logsExec.ts';
import { createPod, getPod, nodeCluster, run, runUntil } from './testCluster.ts';

describe('KubeletNodeProxy', () => {
  it('tailLines, sinceSeconds and follow', async () => {
    const cluster = nodeCluster();
    createPod(cluster, { containers: [{ name: 'web', image: 'busybox', command: ['sh', '-c', 'i=0; while true; do i=$((i+1)); echo line $i; sleep 10; done'] }] });
    await run(cluster, 45_000);
    const client = cluster.client();
    // The container started ~1.5 s in (sandbox + pull), so lines came at 1.5 s, 11.5 s, ... 41.5 s.
    expect(client.logs('default', 'web', { container: 'web', tailLines: 2 })).toBe('line 4\nline 5\n');
    expect(client.logs('default', 'web', { container: 'web', sinceSeconds: 10 })).toBe('line 5\n');
    let followed = '';
    const f = client.followLogs('default', 'web', { container: 'web', tailLines: 1 }, (t) => (followed += t));
    await run(cluster, 20_000);
    f.stop();
    await run(cluster, 20_000);
    expect(followed).toBe('line 5\nline 6\nline 7\n');
  });

  it('asks for a container name when the pod has several', async () => {
    const cluster = nodeCluster();
    createPod(cluster, {
      initContainers: [{ name: 'init', image: 'busybox', command: ['true'] }],
      containers: [{ name: 'a', image: 'busybox', command: ['sleep', '3600'] }, { name: 'b', image: 'busybox', command: ['sleep', '3600'] }],
    });
    await run(cluster, 10_000);
    expect(() => cluster.client().logs('default', 'web', { container: '' })).toThrow(
      'a container name must be specified for pod web, choose one of: [a b] or one of the init containers: [init]',
    );
  });

  it('exec into a terminated container fails; exit codes pass through', async () => {
    const cluster = nodeCluster();
    createPod(cluster, { restartPolicy: 'Never', containers: [{ name: 'web', image: 'busybox', command: ['sh', '-c', 'sleep 5'] }] });
    await run(cluster, 3000);
    const io = { container: 'web', stdin: '', tty: false, stdout: () => {}, stderr: () => {} };
    expect(await cluster.client().exec('default', 'web', { ...io, command: ['sh', '-c', 'exit 7'] })).toBe(7);
    await run(cluster, 10_000);
    expect(getPod(cluster).status?.phase).toBe('Succeeded');
    await expect(cluster.client().exec('default', 'web', { ...io, command: ['ls'] })).rejects.toThrow('unable to upgrade connection: container not found ("web")');
  });

  it('pods get kubelet-managed /etc/hosts and resolv.conf', async () => {
    const cluster = nodeCluster();
    createPod(cluster, { containers: [{ name: 'web', image: 'busybox', command: ['sleep', '3600'] }] });
    await run(cluster, 5000);
    let out = '';
    await cluster.client().exec('default', 'web', { container: 'web', stdin: '', tty: false, command: ['cat', '/etc/resolv.conf', '/etc/hosts'], stdout: (t) => (out += t), stderr: (t) => (out += t) });
    expect(out).toBe(
      'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n' +
        '# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n10.244.1.2\tweb\n',
    );
  });

  it('words image pull failures as validateContainerLogStatus does', async () => {
    expect(waitingText('ErrImagePull')).toBe("image can't be pulled");
    expect(waitingText('ContainerCreating')).toBe('ContainerCreating');
    const cluster = nodeCluster();
    createPod(cluster, { containers: [{ name: 'web', image: 'nginx:bad' }] });
    await runUntil(cluster, () => getPod(cluster).status?.containerStatuses?.[0].state?.waiting?.reason === 'ImagePullBackOff', 20_000);
    expect(() => cluster.client().logs('default', 'web', { container: 'web' })).toThrow(
      'container "web" in pod "web" is waiting to start: trying and failing to pull image',
    );
  });
});

describe('exec with stdin', () => {
  it('feeds stdin to a shell and to cat, as kubectl exec -i does', async () => {
    const cluster = nodeCluster();
    createPod(cluster, { containers: [{ name: 'bb', image: 'busybox', command: ['sleep', '3600'] }] });
    await runUntil(cluster, () => getPod(cluster).status?.containerStatuses?.[0]?.ready === true, 20_000);
    const run = async (command: string[], stdin: string) => {
      let out = '';
      const code = await cluster.client().exec('default', 'web', { container: 'bb', command, stdin, tty: false, stdout: (t) => (out += t), stderr: (t) => (out += t) });
      return `${code}:${out}`;
    };
    expect(await run(['sh'], 'echo hi from stdin\n')).toBe('0:hi from stdin\n');
    expect(await run(['cat'], 'hello\n')).toBe('0:hello\n');
  });
});
