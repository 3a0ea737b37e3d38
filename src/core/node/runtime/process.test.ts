import { describe, expect, it } from 'vitest';
import { MemoryFS } from '../../../shell/memoryFS.ts';
import { execInContainer } from './exec.ts';
import { NetworkCommandsSource } from './start.ts';
import { RuntimeHarness } from './testHarness.ts';
import type { ExecCommand } from './types.ts';

describe('shell images (busybox, alpine)', () => {
  it('shares an emptyDir between two containers', async () => {
    const h = new RuntimeHarness();
    const shared = new MemoryFS();
    const writer = h.run('busybox', { command: ['sh', '-c', 'echo hello from writer > /shared/msg; sleep 3600'], mounts: [{ path: '/shared', fs: shared }] });
    const reader = h.run('alpine', { command: ['sh', '-c', 'sleep 2; cat /shared/msg'], mounts: [{ path: '/shared', fs: shared }] });
    await h.advance(3000);
    expect(reader.exitStatus).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(reader.log.text()).toBe('hello from writer\n');
    expect(reader.log.lines()[0].time).toBe(h.clock.now() - 1000);
    expect(writer.running).toBe(true);
  });

  it('exits with the script status: a crash loop of `exit 1` is Error/1', async () => {
    const h = new RuntimeHarness();
    const p = h.run('busybox', { command: ['sh', '-c', 'echo failing >&2; exit 1'] });
    await h.advance(0);
    expect(p.exitStatus).toMatchObject({ exitCode: 1, reason: 'Error' });
    expect(p.log.lines()).toEqual([{ time: h.clock.now(), stream: 'stderr', line: 'failing' }]);
  });

  it('runs a bare command through the shell, with env and $(VAR) expansion', async () => {
    const h = new RuntimeHarness();
    const p = h.run('busybox:1.36', { command: ['echo', '$(GREETING) world'], env: [['GREETING', 'hello']] });
    await h.advance(0);
    expect(p.log.text()).toBe('hello world\n');
    expect(p.env.get('HOSTNAME')).toBe('test-pod');
    expect([...p.env.keys()]).toEqual(['PATH', 'HOSTNAME', 'GREETING', 'HOME']);
  });

  it('loops on the virtual clock, with positional parameters', async () => {
    const h = new RuntimeHarness();
    const p = h.run('busybox', { command: ['sh', '-c', 'while true; do echo "$1 tick"; sleep 5; done', 'sh', 'clock'] });
    await h.advance(12_000);
    expect(p.log.lines().map((l) => [l.time - h.clock.now(), l.line])).toEqual([
      [-12_000, 'clock tick'],
      [-7_000, 'clock tick'],
      [-2_000, 'clock tick'],
    ]);
  });

  it('gives replicas handed the same env array the environment a fresh build gives, each with its HOSTNAME', () => {
    const h = new RuntimeHarness();
    const shared: [string, string][] = [['GREETING', 'hello']];
    const a = h.run('nginx:1.27', { hostname: 'web-a', env: shared });
    const b = h.run('nginx:1.27', { hostname: 'web-b', env: shared });
    const fresh = h.run('nginx:1.27', { hostname: 'web-b', env: [['GREETING', 'hello']] });
    expect([...b.env]).toEqual([...fresh.env]);
    expect(a.env.get('HOSTNAME')).toBe('web-a');
    expect(b.env.get('HOSTNAME')).toBe('web-b');
    // Another version of the image, or a pod env that sets HOSTNAME itself, is built again.
    expect(h.run('nginx:1.25', { hostname: 'web-c', env: shared }).env.get('NGINX_VERSION')).toBe('1.25.5');
    const own: [string, string][] = [['HOSTNAME', 'custom']];
    h.run('nginx:1.27', { hostname: 'web-d', env: own });
    expect(h.run('nginx:1.27', { hostname: 'web-e', env: own }).env.get('HOSTNAME')).toBe('custom');
  });

  it('sets the image version env from the resolved tag', () => {
    const h = new RuntimeHarness();
    expect(h.run('nginx:1.25').env.get('NGINX_VERSION')).toBe('1.25.5');
  });

  it('completes at once with the default `sh` and no stdin (the CrashLoopBackOff classic)', async () => {
    const h = new RuntimeHarness();
    const p = h.run('busybox');
    await h.advance(0);
    expect(p.exitStatus).toMatchObject({ exitCode: 0, reason: 'Completed' });
  });

  it('fails to start executables that are not on PATH', () => {
    const h = new RuntimeHarness();
    expect(h.start('busybox', { command: ['bash', '-c', 'true'] })).toEqual({
      ok: false,
      failure: {
        reason: 'StartError',
        exitCode: 128,
        message: 'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "bash": executable file not found in $PATH: unknown',
      },
    });
    expect(h.start('hashicorp/http-echo', { command: ['sleep', '10'] })).toMatchObject({ ok: false, failure: { reason: 'StartError' } });
  });

  it('starts a network client the image ships as PID 1 (busybox wget), and only those', async () => {
    const h = new RuntimeHarness();
    const wget: ExecCommand = async ({ argv, stdout }) => {
      stdout(`fetched ${argv[argv.length - 1]}\n`);
      return 0;
    };
    const p = h.run('busybox:1.36', { args: ['wget', '-qO-', 'http://web'], networkCommands: { wget } });
    await h.advance(0);
    expect(p.exitStatus).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(p.log.text()).toBe('fetched http://web\n');
    // nginx ships curl, not wget.
    expect(h.start('nginx', { command: ['wget', 'http://web'], networkCommands: { wget } })).toMatchObject({ ok: false, failure: { reason: 'StartError' } });
  });

  it('builds network clients from a NetworkCommandsSource once, when first needed', async () => {
    const h = new RuntimeHarness();
    let builds = 0;
    const wget: ExecCommand = async ({ argv, stdout }) => {
      stdout(`fetched ${argv[argv.length - 1]}\n`);
      return 0;
    };
    const source = new (class extends NetworkCommandsSource {
      build(): Record<string, ExecCommand> {
        builds++;
        return { wget };
      }
    })();
    const idle = h.run('busybox:1.36', { command: ['sleep', '3600'], networkCommands: source });
    expect(builds).toBe(0);
    const p = h.run('busybox:1.36', { args: ['wget', '-qO-', 'http://web'], networkCommands: source });
    await h.advance(0);
    expect(p.log.text()).toBe('fetched http://web\n');
    expect(builds).toBe(1);
    expect(idle.running).toBe(true);
  });

  it('calls exit watchers (objects or functions) once each, in order, also one added after the exit', async () => {
    const h = new RuntimeHarness();
    const p = h.run('busybox', { command: ['sh', '-c', 'exit 3'] });
    const seen: number[] = [];
    p.onExit({ exited: (s) => seen.push(s.exitCode) });
    p.onExit((s) => seen.push(s.exitCode + 10));
    p.onExit({ exited: (s) => seen.push(s.exitCode + 20) });
    await h.advance(0);
    p.onExit({ exited: (s) => seen.push(s.exitCode + 100) });
    expect(seen).toEqual([3, 13, 23, 103]);
  });
});

describe('signals and termination', () => {
  it('PID 1 sleep ignores SIGTERM and is SIGKILLed after the grace period (137)', async () => {
    const h = new RuntimeHarness();
    const p = h.run('busybox', { command: ['sleep', '3600'] });
    await h.advance(1000);
    const stopped = p.stop('SIGTERM', 30_000);
    await h.advance(29_999);
    expect(p.running).toBe(true);
    await h.advance(1);
    expect(await stopped).toMatchObject({ exitCode: 137, reason: 'Error', signal: 'SIGKILL' });
    expect(h.clock.pendingTimers()).toBe(0);
  });

  it('redis saves and exits 0 on SIGTERM', async () => {
    const h = new RuntimeHarness();
    const p = h.run('redis');
    expect(p.log.text()).toContain('* Ready to accept connections tcp\n');
    const reply = await p.request(6379, { method: '', path: '', headers: {}, body: 'PING\r\n', fromIP: '10.244.1.1' });
    expect(reply?.body).toBe('+PONG\r\n');
    p.signal('SIGTERM');
    expect(p.exitStatus).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(p.log.text()).toContain('# Redis is now ready to exit, bye bye...\n');
  });
});

describe('resources', () => {
  it('OOM-kills a memory hog above its limit (137, OOMKilled)', async () => {
    const h = new RuntimeHarness();
    const p = h.run('polinux/stress', {
      command: ['stress'],
      args: ['--vm', '1', '--vm-bytes', '250M', '--vm-hang', '1'],
      limits: { memoryBytes: 100 * 1024 * 1024 },
    });
    expect(p.log.text()).toBe('stress: info: [1] dispatching hogs: 0 cpu, 0 io, 1 vm, 0 hdd\n');
    await h.advance(100);
    expect(p.exitStatus).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
  });

  it('keeps a hog under its limit running and clamps CPU to the limit', async () => {
    const h = new RuntimeHarness();
    const p = h.run('polinux/stress', { command: ['stress'], args: ['--vm', '1', '--vm-bytes', '50M', '--cpu', '2'], limits: { memoryBytes: 200 * 1024 * 1024, cpuMilli: 500 } });
    await h.advance(1000);
    expect(p.running).toBe(true);
    expect(p.usage()).toEqual({ cpuMilli: 500, memoryBytes: 51 * 1024 * 1024 });
  });

  it('hpa-example burns CPU per request and cools down', async () => {
    const h = new RuntimeHarness();
    const p = h.run('registry.k8s.io/hpa-example');
    for (let i = 0; i < 100; i++) expect((await h.get(p, 80, '/'))?.body).toBe('OK!');
    expect(p.usage().cpuMilli).toBe(51);
    await h.advance(11_000);
    expect(p.usage().cpuMilli).toBe(1);
  });
});

describe('exec', () => {
  it('runs commands in the container filesystem and env', async () => {
    const h = new RuntimeHarness();
    const p = h.run('nginx');
    const r = await execInContainer(p, ['cat', '/usr/share/nginx/html/index.html']);
    expect(r.ok && r.result.stdout.length).toBe(615);
    const env = await execInContainer(p, ['sh', '-c', 'echo $NGINX_VERSION $HOSTNAME']);
    expect(env).toEqual({ ok: true, result: { exitCode: 0, stdout: '1.27.3 test-pod\n', stderr: '' } });
    expect(await execInContainer(p, ['nginx', '-v'])).toEqual({ ok: true, result: { exitCode: 0, stdout: '', stderr: 'nginx version: nginx/1.27.3\n' } });
  });

  it('finds the image shell by its path (kubectl exec POD -- /bin/sh -c ...)', async () => {
    const h = new RuntimeHarness();
    const p = h.run('nginx');
    expect(await execInContainer(p, ['/bin/sh', '-c', 'echo $HOSTNAME'])).toEqual({ ok: true, result: { exitCode: 0, stdout: 'test-pod\n', stderr: '' } });
    expect(await execInContainer(p, ['/bin/bash', '-c', 'echo hi'])).toEqual({ ok: true, result: { exitCode: 0, stdout: 'hi\n', stderr: '' } });
    const bb = h.run('busybox', { command: ['sleep', '3600'] });
    expect(await execInContainer(bb, ['/bin/sh', '-c', 'echo hi'])).toEqual({ ok: true, result: { exitCode: 0, stdout: 'hi\n', stderr: '' } });
    expect(await execInContainer(bb, ['/bin/bash'])).toEqual({
      ok: false,
      message: 'OCI runtime exec failed: exec failed: unable to start container process: exec: "/bin/bash": executable file not found in $PATH: unknown',
    });
  });

  it('fails in images without a shell, with runc wording', async () => {
    const h = new RuntimeHarness();
    const p = h.run('hashicorp/http-echo', { args: ['-text=hi'] });
    expect(await execInContainer(p, ['sh'])).toEqual({
      ok: false,
      message: 'OCI runtime exec failed: exec failed: unable to start container process: exec: "sh": executable file not found in $PATH: unknown',
    });
  });
});

describe('sleep as PID 1', () => {
  it('`sleep N` without a shell and `sleep` with a suffix through the shell end alike: silent, exit 0 on time', async () => {
    const h = new RuntimeHarness();
    const plain = h.run('busybox', { command: ['sleep', '60'] });
    const viaShell = h.run('busybox', { command: ['sleep', '1m'] });
    const bad = h.run('busybox', { command: ['sleep', 'forever'] });
    await h.advance(59_999);
    expect([plain.running, viaShell.running]).toEqual([true, true]);
    await h.advance(1);
    for (const p of [plain, viaShell]) {
      expect(p.exitStatus).toMatchObject({ exitCode: 0, reason: 'Completed', finishedAt: h.clock.now() });
      expect(p.log.text()).toBe('');
    }
    expect(bad.exitStatus).toMatchObject({ exitCode: 1, reason: 'Error' });
    expect(bad.log.text()).toBe("sleep: invalid time interval 'forever'\nTry 'sleep --help' for more information.\n");
  });
});
