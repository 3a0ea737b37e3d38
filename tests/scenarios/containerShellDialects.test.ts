/**
 * Shells inside containers speak their image's dialect: busybox/alpine `sh` is ash,
 * Debian-based images' `sh` is dash and their `bash` is bash; the host terminal stays bash.
 */
import { describe, expect, it } from 'vitest';
import { scenario } from './harness.ts';

describe('container shell dialects', () => {
  it('words errors as ash, dash or bash, by image and program', async () => {
    const s = await scenario();
    await s.run('kubectl run bb --image=busybox -- sleep 3600');
    await s.run('kubectl run web --image=nginx');
    await s.run('kubectl wait --for=condition=Ready pod/bb pod/web --timeout=120s');
    expect(await s.run("kubectl exec bb -- sh -c 'foo'")).toEqual({ stdout: '', stderr: 'sh: foo: not found\ncommand terminated with exit code 127\n', status: 127 });
    expect(await s.out("kubectl exec bb -- sh -c 'cat < /nope'")).toBe("sh: can't open '/nope': No such file or directory\ncommand terminated with exit code 1\n");
    expect(await s.out("kubectl exec bb -- sh -c 'echo )'")).toBe('sh: syntax error: unexpected ")"\ncommand terminated with exit code 2\n');
    expect(await s.out("kubectl exec web -- sh -c 'foo'")).toBe('sh: 1: foo: not found\ncommand terminated with exit code 127\n');
    expect(await s.out("kubectl exec web -- sh -c 'echo )'")).toBe('sh: 1: Syntax error: ")" unexpected\ncommand terminated with exit code 2\n');
    expect(await s.out("kubectl exec web -- bash -c 'foo'")).toBe('bash: foo: command not found\ncommand terminated with exit code 127\n');
    // The host terminal keeps bash's wording.
    expect(await s.run('foo')).toEqual({ stdout: '', stderr: 'bash: foo: command not found\n', status: 127 });
  });

  it('gives an interactive `kubectl exec -it` shell the same dialect', async () => {
    const s = await scenario();
    await s.run('kubectl run bb --image=busybox -- sleep 3600');
    await s.run('kubectl wait --for=condition=Ready pod/bb --timeout=120s');
    await s.run('kubectl exec -it bb -- sh');
    expect(await s.run('foo')).toEqual({ stdout: '', stderr: 'sh: foo: not found\n', status: 127 });
    await s.run('exit');
    expect((await s.run('foo')).stderr).toBe('bash: foo: command not found\n');
  });
});
