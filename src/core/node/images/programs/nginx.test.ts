import { describe, expect, it } from 'vitest';
import { MemoryFS } from '../../../../shell/memoryFS.ts';
import { RuntimeHarness } from '../../runtime/testHarness.ts';

describe('nginx image', () => {
  it('logs the 1.27 entrypoint and startup lines', async () => {
    const h = new RuntimeHarness();
    const p = h.run('nginx');
    expect(p.argv).toEqual(['/docker-entrypoint.sh', 'nginx', '-g', 'daemon off;']);
    expect(p.log.text()).toBe(
      [
        '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
        '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
        '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
        '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
        '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
        '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
        '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
        '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
        '/docker-entrypoint.sh: Configuration complete; ready for start up',
        '2024/12/10 10:00:00 [notice] 1#1: using the "epoll" event method',
        '2024/12/10 10:00:00 [notice] 1#1: nginx/1.27.3',
        '2024/12/10 10:00:00 [notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14) ',
        '2024/12/10 10:00:00 [notice] 1#1: OS: Linux 6.8.0-51-generic',
        '2024/12/10 10:00:00 [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576',
        '2024/12/10 10:00:00 [notice] 1#1: start worker processes',
        '2024/12/10 10:00:00 [notice] 1#1: start worker process 29',
        '2024/12/10 10:00:00 [notice] 1#1: start worker process 30',
        '',
      ].join('\n'),
    );
    expect(p.log.lines()[9].stream).toBe('stderr');
    expect(p.log.lines()[0].stream).toBe('stdout');
    expect(p.ports()).toEqual([{ port: 80, protocol: 'HTTP' }]);
  });

  it('serves the welcome page, 404s the rest, and writes access/error log lines', async () => {
    const h = new RuntimeHarness();
    const p = h.run('nginx:1.25');
    await h.advance(5000);
    const ok = await h.get(p, 80, '/');
    expect(ok?.status).toBe(200);
    expect(ok?.body).toContain('<title>Welcome to nginx!</title>');
    expect(ok?.headers['content-length']).toBe('615');
    expect(ok?.headers.server).toBe('nginx/1.25.5');
    const missing = await h.get(p, 80, '/nope');
    expect(missing?.status).toBe(404);
    expect(missing?.body).toContain('<hr><center>nginx/1.25.5</center>');
    expect(missing?.body.length).toBe(153);
    const lines = p.log.text().trim().split('\n').slice(-3);
    expect(lines).toEqual([
      '10.244.1.1 - - [10/Dec/2024:10:00:05 +0000] "GET / HTTP/1.1" 200 615 "-" "curl/8.5.0" "-"',
      '2024/12/10 10:00:05 [error] 29#29: *2 open() "/usr/share/nginx/html/nope" failed (2: No such file or directory), client: 10.244.1.1, server: localhost, request: "GET /nope HTTP/1.1", host: "10.244.1.5:80"',
      '10.244.1.1 - - [10/Dec/2024:10:00:05 +0000] "GET /nope HTTP/1.1" 404 153 "-" "curl/8.5.0" "-"',
    ]);
  });

  it('serves a volume mounted over the html directory', async () => {
    const h = new RuntimeHarness();
    const vol = new MemoryFS();
    vol.write('/index.html', '<h1>custom</h1>\n');
    const p = h.run('nginx', { mounts: [{ path: '/usr/share/nginx/html', fs: vol, readOnly: true }] });
    expect((await h.get(p, 80, '/'))?.body).toBe('<h1>custom</h1>\n');
  });

  it('says it cannot edit a read-only default.conf and honours its listen port', async () => {
    const h = new RuntimeHarness();
    const vol = new MemoryFS();
    vol.write('/default.conf', 'server {\n    listen 8080;\n    root /usr/share/nginx/html;\n}\n');
    const p = h.run('nginx', { mounts: [{ path: '/etc/nginx/conf.d', fs: vol, readOnly: true }] });
    expect(p.log.text()).toContain('10-listen-on-ipv6-by-default.sh: info: /etc/nginx/conf.d/default.conf differs from the packaged version\n');
    expect(p.ports()).toEqual([{ port: 8080, protocol: 'HTTP' }]);
  });

  it('quits gracefully on SIGQUIT (its STOPSIGNAL) with exit 0', async () => {
    const h = new RuntimeHarness();
    const p = h.run('nginx');
    await h.advance(60_000);
    const status = p.stop('SIGQUIT', 30_000);
    await h.advance(0);
    expect(await status).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(p.log.text()).toContain('2024/12/10 10:01:00 [notice] 1#1: signal 3 (SIGQUIT) received, shutting down\n');
    expect(p.log.text()).toContain('[notice] 1#1: worker process 30 exited with code 0\n');
    expect(p.ports()).toEqual([]);
    expect(h.clock.pendingTimers()).toBe(0);
  });

  it('exits at once when started without `daemon off;` (it daemonises)', async () => {
    const h = new RuntimeHarness();
    const p = h.run('nginx', { command: ['nginx'] });
    await h.advance(0);
    expect(p.exitStatus).toMatchObject({ exitCode: 0, reason: 'Completed' });
  });
});
