import { describe, expect, it } from 'vitest';
import { RuntimeHarness } from '../../runtime/testHarness.ts';
import { POSTGRES_NO_PASSWORD } from './postgres.ts';
import { parseStressBytes } from './stress.ts';

describe('databases refuse to start without a password', () => {
  it('mysql exits 1 with the entrypoint error', async () => {
    const h = new RuntimeHarness();
    const p = h.run('mysql:8.4');
    await h.advance(0);
    expect(p.exitStatus).toMatchObject({ exitCode: 1, reason: 'Error' });
    expect(p.log.text()).toBe(
      [
        '2024-12-10 10:00:00+00:00 [Note] [Entrypoint]: Entrypoint script for MySQL Server 8.4.3-1.el9 started.',
        "2024-12-10 10:00:00+00:00 [Note] [Entrypoint]: Switching to dedicated user 'mysql'",
        '2024-12-10 10:00:00+00:00 [Note] [Entrypoint]: Entrypoint script for MySQL Server 8.4.3-1.el9 started.',
        '2024-12-10 10:00:00+00:00 [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified',
        '    You need to specify one of the following as an environment variable:',
        '    - MYSQL_ROOT_PASSWORD',
        '    - MYSQL_ALLOW_EMPTY_PASSWORD',
        '    - MYSQL_RANDOM_ROOT_PASSWORD',
        '',
      ].join('\n'),
    );
  });

  it('mysql with MYSQL_ROOT_PASSWORD initialises and listens on 3306', async () => {
    const h = new RuntimeHarness();
    const p = h.run('mysql', { env: [['MYSQL_ROOT_PASSWORD', 's3cret']] });
    expect(p.accepts(3306)).toBe(false);
    await h.advance(6000);
    expect(p.accepts(3306)).toBe(true);
    expect(p.log.text()).toContain("/usr/sbin/mysqld: ready for connections. Version: '9.1.0'");
  });

  it('postgres exits 1 without POSTGRES_PASSWORD and starts with it', async () => {
    const h = new RuntimeHarness();
    const bad = h.run('postgres:16');
    await h.advance(0);
    expect(bad.exitStatus?.exitCode).toBe(1);
    expect(bad.log.text()).toBe(POSTGRES_NO_PASSWORD + '\n');
    expect(bad.log.lines().every((l) => l.stream === 'stderr')).toBe(true);
    const good = h.run('postgres', { env: [['POSTGRES_PASSWORD', 'pw']] });
    await h.advance(3000);
    expect(good.accepts(5432)).toBe(true);
    expect(good.log.text()).toContain('UTC [1] LOG:  database system is ready to accept connections\n');
  });
});

describe('language images', () => {
  it('python and node REPLs complete at once without a TTY', async () => {
    const h = new RuntimeHarness();
    const py = h.run('python:3.12');
    const node = h.run('node:22');
    await h.advance(0);
    expect(py.exitStatus).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(node.exitStatus).toMatchObject({ exitCode: 0, reason: 'Completed' });
  });

  it('python -m http.server serves the working directory, logging requests to stderr', async () => {
    const h = new RuntimeHarness();
    const p = h.run('python', { command: ['python', '-m', 'http.server', '8000'], workingDir: '/srv' });
    p.fs.write('/srv/hello.txt', 'hi\n');
    expect(p.log.text()).toBe(''); // the banner sits in a buffered stdout
    const res = await h.get(p, 8000, '/hello.txt');
    expect(res?.body).toBe('hi\n');
    expect(p.log.text()).toBe('10.244.1.1 - - [10/Dec/2024 10:00:00] "GET /hello.txt HTTP/1.1" 200 -\n');
  });

  it('python -c prints; node fails on a missing module', async () => {
    const h = new RuntimeHarness();
    const py = h.run('python', { command: ['python3', '-c', "print('hello')"] });
    const node = h.run('node', { args: ['server.js'] });
    await h.advance(0);
    expect(py.log.text()).toBe('hello\n');
    expect(node.exitStatus?.exitCode).toBe(1);
    expect(node.log.text()).toContain("Error: Cannot find module '/server.js'\n");
    expect(node.log.text()).toContain('Node.js v23.4.0\n');
  });
});

describe('small servers', () => {
  it('http-echo answers its text on :5678 and needs -text', async () => {
    const h = new RuntimeHarness();
    const p = h.run('hashicorp/http-echo', { args: ['-text=apple'] });
    expect((await h.get(p, 5678, '/anything'))?.body).toBe('apple\n');
    const bad = h.run('hashicorp/http-echo');
    await h.advance(0);
    expect(bad.exitStatus?.exitCode).toBe(127);
    expect(bad.log.text()).toBe('Missing -text option!\n');
  });

  it('httpd says It works!', async () => {
    const h = new RuntimeHarness();
    const p = h.run('httpd:2.4');
    const res = await h.get(p, 80, '/');
    expect(res?.body).toBe('<html><body><h1>It works!</h1></body></html>\n');
    expect(p.log.text()).toContain('AH00489: Apache/2.4.62 (Unix) configured -- resuming normal operations\n');
    expect(await p.stop('SIGWINCH', 30_000)).toMatchObject({ exitCode: 0 });
  });

  it('pause exits 0 on SIGTERM', () => {
    const h = new RuntimeHarness();
    const p = h.run('registry.k8s.io/pause:3.10');
    p.signal('SIGTERM');
    expect(p.exitStatus?.exitCode).toBe(0);
    expect(p.log.text()).toBe('Shutting down, got signal: Terminated\n');
  });
});

describe('ghcr.io/kubeplay/demo', () => {
  it('v1 says hello with its hostname and version', async () => {
    const h = new RuntimeHarness();
    const p = h.run('ghcr.io/kubeplay/demo:v1', { hostname: 'web-7c5ddbdf54-x2k7q' });
    expect((await h.get(p, 8080, '/'))?.body).toBe('Hello from web-7c5ddbdf54-x2k7q (version v1)\n');
  });

  it('v3-broken panics after a second with exit 2', async () => {
    const h = new RuntimeHarness();
    const p = h.run('ghcr.io/kubeplay/demo:v3-broken');
    await h.advance(1000);
    expect(p.exitStatus).toMatchObject({ exitCode: 2, reason: 'Error' });
    expect(p.log.text()).toContain('panic: config: missing required key "DATABASE_URL"\n');
  });

  it('v4-slow only listens after 20 seconds', async () => {
    const h = new RuntimeHarness();
    const p = h.run('ghcr.io/kubeplay/demo:v4-slow');
    await h.advance(19_999);
    expect(p.accepts(8080)).toBe(false);
    await h.advance(1);
    expect((await h.get(p, 8080, '/'))?.body).toBe('Hello from test-pod (version v4)\n');
  });
});

describe('parseStressBytes', () => {
  it('reads sizes 1024-based like stress', () => {
    expect(parseStressBytes('150M')).toBe(150 * 1024 * 1024);
    expect(parseStressBytes('1G')).toBe(1024 ** 3);
    expect(parseStressBytes('4096')).toBe(4096);
    expect(parseStressBytes('lots')).toBeNaN();
  });
});
