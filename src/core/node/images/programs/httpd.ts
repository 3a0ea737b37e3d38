/**
 * The official `httpd` image: `httpd-foreground` serves /usr/local/apache2/htdocs on port 80
 * ("It works!"), logs the startup notices to stderr and access lines (common format) to stdout,
 * and stops gracefully on SIGWINCH, its STOPSIGNAL.
 */
import type { ImageDefinition } from '../definition.ts';
import { DEFAULT_PATH, writeFile } from '../definition.ts';
import { apacheErrorTime, byteLength, commonLogTime, httpDate, requestLine } from './format.ts';
import type { Program, Response } from '../../runtime/types.ts';

const HTDOCS = '/usr/local/apache2/htdocs';

/** IT_WORKS is the image's htdocs/index.html (45 bytes). */
export const IT_WORKS = '<html><body><h1>It works!</h1></body></html>\n';

const NOT_FOUND = `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">
<html><head>
<title>404 Not Found</title>
</head><body>
<h1>Not Found</h1>
<p>The requested URL was not found on this server.</p>
</body></html>
`;

const httpdForeground: Program = async (ctx) => {
  const t = (): string => apacheErrorTime(ctx.now());
  const ip = ctx.podIP || '127.0.0.1';
  for (let i = 0; i < 2; i++) {
    ctx.log(`AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${ip}. Set the 'ServerName' directive globally to suppress this message`, 'stderr');
  }
  ctx.log(`[${t()}] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/${ctx.image.version} (Unix) configured -- resuming normal operations`, 'stderr');
  ctx.log(`[${t()}] [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'`, 'stderr');
  ctx.setUsage({ memoryBytes: 6 * 1024 * 1024 });
  ctx.listen(80, 'HTTP', (req) => {
    const path = req.path.split('?')[0];
    const file = HTDOCS + (path.endsWith('/') ? path + 'index.html' : path);
    let res: Response;
    if (ctx.fs.exists(file) && ctx.fs.stat(file).type === 'file') {
      const body = ctx.fs.read(file);
      res = { status: 200, headers: { date: httpDate(ctx.now()), server: `Apache/${ctx.image.version} (Unix)`, 'content-length': String(byteLength(body)), 'content-type': 'text/html' }, body };
    } else {
      res = { status: 404, headers: { date: httpDate(ctx.now()), server: `Apache/${ctx.image.version} (Unix)`, 'content-type': 'text/html; charset=iso-8859-1' }, body: NOT_FOUND };
    }
    ctx.log(`${req.fromIP} - - [${commonLogTime(ctx.now())}] "${requestLine(req)}" ${res.status} ${byteLength(res.body)}`);
    return res;
  });
  const stop = (how: string, code: string): void => {
    ctx.log(`[${t()}] [mpm_event:notice] [pid 1:tid 1] ${code}: caught ${how}`, 'stderr');
    ctx.exit(0);
  };
  ctx.onSignal('SIGWINCH', () => stop('SIGWINCH, shutting down gracefully', 'AH00492'));
  ctx.onSignal('SIGTERM', () => stop('SIGTERM, shutting down', 'AH00491'));
  return ctx.forever();
};

/** httpdImage is docker.io/library/httpd (2.4). */
export const httpdImage: ImageDefinition = {
  repository: 'docker.io/library/httpd',
  sizeBytes: 58_900_000,
  variantSizes: { '-alpine': 22_100_000 },
  tags: { aliases: { latest: '2.4.62', '2': '2.4.62' }, lines: [{ major: 2, minor: 4, maxPatch: 62 }], variants: ['-alpine', '-bookworm'] },
  config: {
    entrypoint: [],
    cmd: ['httpd-foreground'],
    workingDir: '/usr/local/apache2',
    env: [['PATH', `/usr/local/apache2/bin:${DEFAULT_PATH}`], ['HTTPD_PREFIX', '/usr/local/apache2'], ['HTTPD_VERSION', '2.4.62']],
    exposedPorts: ['80/tcp'],
    versionEnv: 'HTTPD_VERSION',
    stopSignal: 'SIGWINCH',
  },
  programs: { 'httpd-foreground': httpdForeground },
  shells: ['sh', 'bash'],
  populate(fs) {
    writeFile(fs, `${HTDOCS}/index.html`, IT_WORKS);
    fs.mkdir('/usr/local/apache2/conf', { parents: true });
  },
};
