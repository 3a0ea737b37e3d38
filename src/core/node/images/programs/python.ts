/**
 * The official `python` image: the default `python3` is a REPL, which without a TTY reads EOF
 * and exits 0 at once (Completed). `python -m http.server [port]` serves the working directory;
 * like the real one, its "Serving HTTP" banner goes to a buffered stdout and only appears with
 * PYTHONUNBUFFERED or `-u`, while request lines go to stderr.
 */
import type { Program, ProcessContext } from '../../runtime/types.ts';
import type { ImageDefinition } from '../definition.ts';
import { DEFAULT_PATH } from '../definition.ts';
import { releaseLines } from '../tags.ts';
import { byteLength, pythonLogTime, requestLine } from './format.ts';
import { runMiniScript } from './miniScript.ts';

function listing(ctx: ProcessContext, dir: string, path: string): string {
  const items = ctx.fs.list(dir).map((n) => {
    const isDir = ctx.fs.stat(`${dir}/${n}`).type === 'dir';
    const shown = isDir ? `${n}/` : n;
    return `<li><a href="${shown}">${shown}</a></li>`;
  });
  return `<!DOCTYPE HTML>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Directory listing for ${path}</title>\n</head>\n<body>\n<h1>Directory listing for ${path}</h1>\n<hr>\n<ul>\n${items.join('\n')}\n</ul>\n<hr>\n</body>\n</html>\n`;
}

async function httpServer(ctx: ProcessContext, port: number, unbuffered: boolean): Promise<number> {
  if (unbuffered) ctx.log(`Serving HTTP on 0.0.0.0 port ${port} (http://0.0.0.0:${port}/) ...`);
  ctx.setUsage({ memoryBytes: 12 * 1024 * 1024 });
  ctx.listen(port, 'HTTP', (req) => {
    const path = req.path.split('?')[0];
    const target = ctx.fs.resolve('.' + path, ctx.cwd);
    let status = 200;
    let body: string;
    if (ctx.fs.exists(target) && ctx.fs.stat(target).type === 'dir') {
      body = ctx.fs.exists(`${target}/index.html`) ? ctx.fs.read(`${target}/index.html`) : listing(ctx, target, path);
    } else if (ctx.fs.exists(target)) {
      body = ctx.fs.read(target);
    } else {
      status = 404;
      body = `<!DOCTYPE HTML>\n<html lang="en">\n    <head>\n        <meta charset="utf-8">\n        <title>Error response</title>\n    </head>\n    <body>\n        <h1>Error response</h1>\n        <p>Error code: 404</p>\n        <p>Message: File not found.</p>\n        <p>Error code explanation: 404 - Nothing matches the given URI.</p>\n    </body>\n</html>\n`;
      ctx.log(`${req.fromIP} - - [${pythonLogTime(ctx.now())}] code 404, message File not found`, 'stderr');
    }
    ctx.log(`${req.fromIP} - - [${pythonLogTime(ctx.now())}] "${requestLine(req)}" ${status} -`, 'stderr');
    return { status, headers: { server: `SimpleHTTP/0.6 Python/${ctx.image.version}`, 'content-type': 'text/html; charset=utf-8', 'content-length': String(byteLength(body)) }, body };
  });
  // Python has no SIGTERM handler: the default action applies... except for PID 1, so it waits for SIGKILL.
  ctx.onSignal('SIGINT', () => ctx.exit(130));
  return ctx.forever();
}

const python: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  const unbuffered = args.includes('-u') || !!ctx.env.get('PYTHONUNBUFFERED');
  const rest = args.filter((a) => a !== '-u');
  if (rest[0] === '--version' || rest[0] === '-V') {
    ctx.log(`Python ${ctx.image.version}`);
    return 0;
  }
  if (rest[0] === '-m' && rest[1] === 'http.server') return httpServer(ctx, Number(rest[2] ?? 8000), unbuffered);
  if (rest[0] === '-c') return runMiniScript(ctx, rest[1] ?? '');
  if (rest.length === 0 || rest[0] === '-i') {
    // The REPL reads stdin: EOF without `stdin: true`, a prompt waiting for `kubectl attach` with it.
    return ctx.stdin ? ctx.forever() : 0;
  }
  const file = rest[0];
  if (!ctx.fs.exists(file, ctx.cwd)) {
    ctx.log(`python3: can't open file '${ctx.fs.resolve(file, ctx.cwd)}': [Errno 2] No such file or directory`, 'stderr');
    return 2;
  }
  return runMiniScript(ctx, ctx.fs.read(file, ctx.cwd));
};

/** pythonImage is docker.io/library/python (3.13). */
export const pythonImage: ImageDefinition = {
  repository: 'docker.io/library/python',
  sizeBytes: 372_000_000,
  variantSizes: { '-slim': 43_000_000, '-alpine': 17_800_000, '-slim-bookworm': 43_000_000 },
  tags: {
    aliases: { latest: '3.13.1', '3': '3.13.1' },
    lines: [...releaseLines(3, 8, 8, 20), ...releaseLines(3, 9, 9, 21), ...releaseLines(3, 10, 10, 16), ...releaseLines(3, 11, 11, 11), ...releaseLines(3, 12, 12, 8), ...releaseLines(3, 13, 13, 1)],
    variants: ['-slim', '-alpine', '-bookworm', '-slim-bookworm'],
  },
  config: {
    entrypoint: [],
    cmd: ['python3'],
    workingDir: '/',
    env: [['PATH', `/usr/local/bin:${DEFAULT_PATH}`], ['LANG', 'C.UTF-8'], ['GPG_KEY', '7169605F62C751356D054A26A821E680E5FA6305'], ['PYTHON_VERSION', '3.13.1'], ['PYTHON_SHA256', '9cf9427bee9e2242e3877dd0f6b641c1853ca461f39d6503ce260a59c80bf0d9']],
    exposedPorts: [],
    versionEnv: 'PYTHON_VERSION',
    stopSignal: 'SIGTERM',
  },
  programs: { python, python3: python },
  shells: ['sh', 'bash'],
};
