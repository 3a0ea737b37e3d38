/**
 * The official `nginx` image: /docker-entrypoint.sh runs its configuration scripts (logging
 * the 1.27 lines), then `nginx -g 'daemon off;'` serves /usr/share/nginx/html on port 80
 * (`listen` and `root` are read from /etc/nginx/conf.d/default.conf, so a ConfigMap mounted
 * there or over the html directory changes what it serves), writes combined-format access
 * lines to stdout and errors to stderr, quits gracefully on SIGQUIT (the image's STOPSIGNAL)
 * and fast on SIGTERM. `nginx` without `daemon off;` daemonises, so PID 1 exits at once.
 */
import type { ProcessContext, Program, Request, RequestHandler, Response, Signal, SignalHandler } from '../../runtime/types.ts';
import { internString } from '../../runtime/intern.ts';
import { quoteArgv } from '../../runtime/shellRunner.ts';
import type { ImageDefinition } from '../definition.ts';
import { DEFAULT_PATH, writeFile } from '../definition.ts';
import { releaseLines } from '../tags.ts';
import { byteLength, combinedLog, errorLogTime, httpDate, requestLine } from './format.ts';
import { NGINX_50X_PAGE, NGINX_DEFAULT_CONF, NGINX_WELCOME_PAGE, nginxErrorPage } from './nginxFiles.ts';

const CONF = '/etc/nginx/conf.d/default.conf';
const MIME: Record<string, string> = {
  html: 'text/html', htm: 'text/html', css: 'text/css', js: 'application/javascript', json: 'application/json',
  txt: 'text/plain', xml: 'text/xml', svg: 'image/svg+xml', png: 'image/png', ico: 'image/x-icon',
};

/**
 * NGINX_IPV6_CONF is the packaged default.conf after 10-listen-on-ipv6-by-default.sh: one string
 * shared by every container that runs the script (it only edits the packaged file).
 */
const NGINX_IPV6_CONF = NGINX_DEFAULT_CONF.replace('    listen       80;\n', '    listen       80;\n    listen  [::]:80;\n');

/** IPV6_SCRIPT is the entrypoint script that edits default.conf, and the lines it prints. */
const IPV6_SCRIPT = '10-listen-on-ipv6-by-default.sh';
const IPV6_LINES = {
  missing: `${IPV6_SCRIPT}: info: /etc/nginx/conf.d/default.conf is not a file or does not exist`,
  checksum: `${IPV6_SCRIPT}: info: Getting the checksum of ${CONF}`,
  differs: `${IPV6_SCRIPT}: info: ${CONF} differs from the packaged version`,
  enabled: `${IPV6_SCRIPT}: info: Enabled listen on IPv6 in ${CONF}`,
  readOnly: `${IPV6_SCRIPT}: info: can not modify ${CONF} (read-only file system?)`,
};

/** entrypoint is /docker-entrypoint.sh: configure when the command is nginx, else exec the command. */
const entrypoint: Program = async (ctx) => {
  const cmd = ctx.argv.slice(1);
  if (cmd[0] !== 'nginx' && cmd[0] !== 'nginx-debug') return cmd.length === 0 ? 0 : ctx.sh(quoteArgv(cmd));
  const quiet = !!ctx.env.get('NGINX_ENTRYPOINT_QUIET_LOGS');
  say(ctx, quiet, '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration');
  say(ctx, quiet, '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/');
  say(ctx, quiet, '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh');
  let conf: string | undefined;
  try {
    conf = ctx.fs.read(CONF);
  } catch {
    conf = undefined;
  }
  if (conf === undefined) {
    say(ctx, quiet, IPV6_LINES.missing);
  } else if (conf !== NGINX_DEFAULT_CONF) {
    say(ctx, quiet, IPV6_LINES.checksum);
    say(ctx, quiet, IPV6_LINES.differs);
  } else {
    say(ctx, quiet, IPV6_LINES.checksum);
    try {
      ctx.fs.write(CONF, NGINX_IPV6_CONF);
      say(ctx, quiet, IPV6_LINES.enabled);
    } catch {
      say(ctx, quiet, IPV6_LINES.readOnly);
    }
  }
  say(ctx, quiet, '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh');
  say(ctx, quiet, '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh');
  say(ctx, quiet, '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh');
  say(ctx, quiet, '/docker-entrypoint.sh: Configuration complete; ready for start up');
  return nginxMain(ctx, cmd);
};

/**
 * say prints an entrypoint line unless NGINX_ENTRYPOINT_QUIET_LOGS is set. A function of its own,
 * not a closure per start: the lines are constants, shared by every container's log.
 */
function say(ctx: ProcessContext, quiet: boolean, line: string): void {
  if (!quiet) ctx.log(line);
}

function readConf(ctx: ProcessContext): { port: number; root: string } {
  let text = NGINX_DEFAULT_CONF;
  try {
    text = ctx.fs.read(CONF);
  } catch {
    // No default.conf: nginx.conf alone listens nowhere we model; keep the packaged defaults.
  }
  // Nearly every nginx reads one of the two packaged texts (shared strings): parsed once.
  if (lastConf && text === lastConf.text) return lastConf.parsed;
  const port = /^\s*listen\s+(\d+)/m.exec(text);
  const root = /^\s*root\s+([^;\s]+)\s*;/m.exec(text);
  const parsed = { port: port ? Number(port[1]) : 80, root: root ? root[1] : '/usr/share/nginx/html' };
  lastConf = { text, parsed };
  return parsed;
}

/** lastConf is the last default.conf text readConf parsed and what it found (never changed). */
let lastConf: { text: string; parsed: { port: number; root: string } } | undefined;

/** nginxMain is the nginx binary: `-v`, `-t`, daemon mode, or serving in the foreground. */
async function nginxMain(ctx: ProcessContext, argv: readonly string[]): Promise<number> {
  const version = ctx.image.version;
  if (argv.includes('-v') || argv.includes('-V')) {
    ctx.log(`nginx version: nginx/${version}`, 'stderr');
    return 0;
  }
  if (argv.includes('-t') || argv.includes('-T')) {
    ctx.log('nginx: the configuration file /etc/nginx/nginx.conf syntax is ok', 'stderr');
    ctx.log('nginx: configuration file /etc/nginx/nginx.conf test is successful', 'stderr');
    return 0;
  }
  const g = argv.indexOf('-g');
  const foreground = g >= 0 && /daemon\s+off\s*;/.test(argv[g + 1] ?? '');
  const lines = startLines(ctx.now(), version, ctx.cpus);
  for (const line of lines.master) ctx.log(line, 'stderr');
  // Without `daemon off;` nginx forks into the background and PID 1 returns: the container completes.
  if (!foreground) return 0;
  const workers = workerPids(ctx.cpus);
  for (const line of lines.workers) ctx.log(line, 'stderr');
  ctx.setUsage({ cpuMilli: 0, memoryBytes: (3 + 1.5 * workers.length) * 1024 * 1024 });

  const { port, root } = readConf(ctx);
  const server = new NginxServer(ctx, root, workers[0]);
  ctx.listen(port, 'HTTP', server);
  ctx.onSignal('SIGQUIT', server);
  ctx.onSignal('SIGTERM', server);
  ctx.onSignal('SIGINT', server);
  return ctx.forever();
}

/** notice writes an error-log notice line of process `pid` (nginx logs to stderr in the image). */
function notice(ctx: ProcessContext, pid: number, msg: string): void {
  ctx.log(noticeLine(ctx.now(), pid, msg), 'stderr');
}

function noticeLine(now: number, pid: number, msg: string): string {
  return `${errorLogTime(now)} [notice] ${pid}#${pid}: ${msg}`;
}

/** StartLines are the notices nginx's master prints on start: before it daemonises or not, then its workers. */
interface StartLines {
  second: number;
  version: string;
  cpus: number;
  master: readonly string[];
  workers: readonly string[];
}

/**
 * startLines are the start-up notices, the same text for every nginx of a version started in
 * the same second on as many CPUs: built once, interned, and reused, so the log's interning
 * finds each line by pointer (building, hashing and comparing each line per container was ~1.5%
 * of starting 3,000 pods).
 */
function startLines(now: number, version: string, cpus: number): StartLines {
  const second = Math.floor(now / 1000);
  const last = lastStart;
  if (last && last.second === second && last.version === version && last.cpus === cpus) return last;
  const workers = workerPids(cpus);
  lastStart = {
    second,
    version,
    cpus,
    master: [
      'using the "epoll" event method',
      `nginx/${version}`,
      'built by gcc 12.2.0 (Debian 12.2.0-14) ',
      'OS: Linux 6.8.0-51-generic',
      'getrlimit(RLIMIT_NOFILE): 1048576:1048576',
    ].map((msg) => internString(noticeLine(now, 1, msg))),
    workers: ['start worker processes', ...workers.map((w) => `start worker process ${w}`)].map((msg) => internString(noticeLine(now, 1, msg))),
  };
  return lastStart;
}

let lastStart: StartLines | undefined;

/** workerPids are the worker processes' PIDs: one per CPU (`worker_processes auto`), from 29. */
function workerPids(cpus: number): number[] {
  const pids: number[] = [];
  for (let i = 0; i < Math.max(1, cpus); i++) pids.push(29 + i);
  return pids;
}

/**
 * NginxServer is all a serving nginx keeps (heap per pod): its context, document root, first
 * worker and connection counter, answering requests and signals as one small object instead
 * of two closures with their contexts.
 */
class NginxServer implements RequestHandler, SignalHandler {
  private connection = 0;

  constructor(
    private readonly ctx: ProcessContext,
    private readonly root: string,
    private readonly worker: number,
  ) {}

  handle(req: Request): Response {
    return serve(this.ctx, req, this.root, this.worker, ++this.connection);
  }

  onSignal(signal: Signal): void {
    shutdown(this.ctx, signal);
  }
}

/** shutdown answers SIGQUIT with a graceful shutdown and SIGTERM/SIGINT with a fast one. */
function shutdown(ctx: ProcessContext, signal: Signal): void {
  const workers = workerPids(ctx.cpus);
  if (signal === 'SIGQUIT') {
    notice(ctx, 1, 'signal 3 (SIGQUIT) received, shutting down');
    for (const w of workers) notice(ctx, w, 'gracefully shutting down');
  } else {
    notice(ctx, 1, 'signal 15 (SIGTERM) received, exiting');
  }
  for (const w of workers) {
    notice(ctx, w, 'exiting');
    notice(ctx, w, 'exit');
  }
  for (const w of workers) {
    notice(ctx, 1, `signal 17 (SIGCHLD) received from ${w}`);
    notice(ctx, 1, `worker process ${w} exited with code 0`);
  }
  notice(ctx, 1, 'exit');
  ctx.exit(0);
}

function serve(ctx: ProcessContext, req: Request, root: string, worker: number, conn: number): Response {
  const version = ctx.image.version;
  const now = ctx.now();
  const base = { server: `nginx/${version}`, date: httpDate(now) };
  const error = (status: number, text: string): Response => {
    const body = nginxErrorPage(status, text, version);
    return { status, headers: { ...base, 'content-type': 'text/html', 'content-length': String(byteLength(body)), connection: 'keep-alive' }, body };
  };
  let path: string;
  try {
    path = decodeURIComponent(req.path.split('?')[0] || '/');
  } catch {
    const res = error(400, 'Bad Request');
    ctx.log(combinedLog(req, res, now, true));
    return res;
  }
  let res: Response;
  const file = root + (path.endsWith('/') ? path + 'index.html' : path);
  const fs = ctx.fs;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res = error(405, 'Not Allowed');
  } else if (fs.exists(file) && fs.stat(file).type === 'file') {
    const body = fs.read(file);
    const st = fs.stat(file);
    const ext = file.slice(file.lastIndexOf('.') + 1);
    res = {
      status: 200,
      headers: {
        ...base,
        'content-type': MIME[ext] ?? 'application/octet-stream',
        'content-length': String(st.size),
        'last-modified': httpDate(st.mtime),
        connection: 'keep-alive',
        etag: `"${Math.floor(st.mtime / 1000).toString(16)}-${st.size.toString(16)}"`,
        'accept-ranges': 'bytes',
      },
      body: req.method === 'HEAD' ? '' : body,
    };
  } else if (path === '/50x.html' && !fs.exists(file)) {
    res = error(404, 'Not Found');
  } else if (fs.exists(root + path) && fs.stat(root + path).type === 'dir' && !path.endsWith('/')) {
    res = { status: 301, headers: { ...base, location: `http://${req.headers.host ?? ctx.podIP}${path}/` }, body: nginxErrorPage(301, 'Moved Permanently', version) };
  } else {
    const dirIndex = path.endsWith('/');
    const msg = dirIndex && fs.exists(root + path)
      ? `directory index of "${root}${path}" is forbidden`
      : `open() "${file}" failed (2: No such file or directory)`;
    ctx.log(
      `${errorLogTime(now)} [error] ${worker}#${worker}: *${conn} ${msg}, client: ${req.fromIP}, server: localhost, request: "${requestLine(req)}", host: "${req.headers.host ?? ctx.podIP}"`,
      'stderr',
    );
    res = dirIndex && fs.exists(root + path) ? error(403, 'Forbidden') : error(404, 'Not Found');
  }
  ctx.log(combinedLog(req, res, now, true));
  return res;
}

/** nginxImage is docker.io/library/nginx. */
export const nginxImage: ImageDefinition = {
  repository: 'docker.io/library/nginx',
  sizeBytes: 72_950_530,
  variantSizes: { '-alpine': 20_500_000, '-alpine-slim': 5_300_000, '-perl': 79_800_000, '-bookworm': 72_950_530, '-alpine-perl': 31_200_000 },
  tags: {
    aliases: { latest: '1.27.3', mainline: '1.27.3', stable: '1.26.2' },
    lines: [...releaseLines(1, 19, 24, 0), { major: 1, minor: 25, maxPatch: 5 }, { major: 1, minor: 26, maxPatch: 2 }, { major: 1, minor: 27, maxPatch: 3 }],
    variants: ['-alpine', '-alpine-slim', '-alpine-perl', '-perl', '-bookworm'],
  },
  config: {
    entrypoint: ['/docker-entrypoint.sh'],
    cmd: ['nginx', '-g', 'daemon off;'],
    workingDir: '/',
    env: [
      ['PATH', DEFAULT_PATH],
      ['NGINX_VERSION', '1.27.3'],
      ['NJS_VERSION', '0.8.7'],
      ['NJS_RELEASE', '1~bookworm'],
      ['PKG_RELEASE', '1~bookworm'],
      ['DYNPKG_RELEASE', '1~bookworm'],
    ],
    exposedPorts: ['80/tcp'],
    versionEnv: 'NGINX_VERSION',
    stopSignal: 'SIGQUIT',
  },
  programs: { 'docker-entrypoint.sh': entrypoint, nginx: (ctx) => nginxMain(ctx, ctx.argv), 'nginx-debug': (ctx) => nginxMain(ctx, ctx.argv) },
  shells: ['sh', 'bash'],
  commands: {
    nginx: async (io) => {
      if (io.argv.includes('-v') || io.argv.includes('-V')) {
        io.stderr(`nginx version: nginx/${io.env.get('NGINX_VERSION') ?? '1.27.3'}\n`);
        return 0;
      }
      if (io.argv.includes('-t') || io.argv.includes('-T') || io.argv.includes('-s')) {
        if (!io.argv.includes('-s')) io.stderr('nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n');
        return 0;
      }
      io.stderr('nginx: [emerg] bind() to 0.0.0.0:80 failed (98: Address already in use)\n');
      return 1;
    },
  },
  populate(fs) {
    writeFile(fs, '/usr/share/nginx/html/index.html', NGINX_WELCOME_PAGE);
    writeFile(fs, '/usr/share/nginx/html/50x.html', NGINX_50X_PAGE);
    writeFile(fs, CONF, NGINX_DEFAULT_CONF);
    fs.mkdir('/docker-entrypoint.d', { parents: true });
    fs.mkdir('/var/log/nginx', { parents: true });
    fs.mkdir('/var/cache/nginx', { parents: true });
  },
};
