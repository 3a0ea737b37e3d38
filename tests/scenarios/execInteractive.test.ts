import { describe, expect, it } from 'vitest';
import { scenario } from './harness.ts';

describe('kubectl exec -it into a shell', () => {
  it('sends later input to the container shell with its prompt until exit', async () => {
    const s = await scenario();
    await s.run('kubectl run bb --image=busybox --restart=Never -- sleep 3600');
    await s.run('kubectl wait --for=condition=Ready pod/bb');
    expect(await s.run('kubectl exec -it bb -- sh')).toEqual({ stdout: '', stderr: '', status: 0 });
    expect(s.session.prompt()).toBe('/ # ');
    expect(await s.out('cd /tmp && echo hi > x && cat x && hostname')).toBe('hi\nbb\n');
    expect(s.session.prompt()).toBe('/tmp # ');
    expect(await s.out('kubectl get pods')).toBe('sh: kubectl: not found\n');
    expect(await s.run('exit 3')).toEqual({ stdout: '', stderr: 'command terminated with exit code 3\n', status: 3 });
    expect(s.session.prompt()).toBe('controlplane:~$ ');
    expect(await s.out('hostname')).toBe('controlplane\n');
  });

  it('uses bash\'s prompt for bash and keeps the container files between exec sessions', async () => {
    const s = await scenario();
    await s.run('kubectl run web --image=nginx');
    await s.run('kubectl wait --for=condition=Ready pod/web');
    await s.run('kubectl exec -it web -- bash');
    expect(s.session.prompt()).toBe('root@web:/# ');
    await s.run('echo kept > /root/note');
    expect(await s.run('exit')).toEqual({ stdout: '', stderr: '', status: 0 });
    expect(await s.out('kubectl exec web -- cat /root/note')).toBe('kept\n');
  });
});

describe('kubectl run --rm -it', () => {
  it('opens the container shell and removes the pod after exit', async () => {
    const s = await scenario();
    expect(await s.run('kubectl run tmp --rm -it --image=busybox --restart=Never -- sh')).toEqual({
      stdout: '',
      stderr: "If you don't see a command prompt, try pressing enter.\n",
      status: 0,
    });
    expect(await s.out('echo inside $(hostname)')).toBe('inside tmp\n');
    expect(await s.out('exit')).toBe('pod "tmp" deleted\n');
    expect(await s.out('kubectl get pods')).toBe('No resources found in default namespace.\n');
  });
});
