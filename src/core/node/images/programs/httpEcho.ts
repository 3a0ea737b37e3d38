/**
 * hashicorp/http-echo: a Go binary in a scratch image (no shell, so `kubectl exec … sh` fails)
 * that answers every path with `-text` plus a newline on `-listen` (default :5678).
 */
import type { Program } from '../../runtime/types.ts';
import type { ImageDefinition } from '../definition.ts';
import { byteLength, errorLogTime, requestLine, textResponse } from './format.ts';

function flag(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i].replace(/^--?/, '-');
    if (a.startsWith(`-${name}=`)) return a.slice(name.length + 2);
    if (a === `-${name}`) return argv[i + 1];
  }
  return undefined;
}

const httpEcho: Program = async (ctx) => {
  const text = flag(ctx.argv, 'text') ?? ctx.env.get('ECHO_TEXT');
  if (ctx.argv.includes('-version')) {
    ctx.log(`http-echo v${ctx.image.version} (0000000)`);
    return 0;
  }
  if (!text) {
    ctx.log('Missing -text option!', 'stderr');
    return 127;
  }
  const listen = flag(ctx.argv, 'listen') ?? ':5678';
  const status = Number(flag(ctx.argv, 'status-code') ?? 200);
  const port = Number(listen.slice(listen.lastIndexOf(':') + 1));
  ctx.log(`${errorLogTime(ctx.now())} [INFO] server is listening on ${listen}`, 'stderr');
  ctx.setUsage({ memoryBytes: 2 * 1024 * 1024 });
  ctx.listen(port, 'HTTP', (req) => {
    const res = req.path === '/health' ? textResponse(200, '{"status":"ok"}', 'application/json') : textResponse(status, `${text}\n`, 'text/plain; charset=utf-8', { 'x-app-name': 'http-echo', 'x-app-version': ctx.image.version });
    ctx.log(`${errorLogTime(ctx.now())} ${req.headers.host ?? `${ctx.podIP}:${port}`} ${req.fromIP}:${req.fromPort ?? 40000} "${requestLine(req)}" ${res.status} ${byteLength(res.body)} "${req.headers['user-agent'] ?? ''}" 18.25µs`, 'stderr');
    return res;
  });
  ctx.onSignal('SIGTERM', () => {
    ctx.log(`${errorLogTime(ctx.now())} [INFO] server is shutting down...`, 'stderr');
    ctx.exit(0);
  });
  return ctx.forever();
};

/** httpEchoImage is docker.io/hashicorp/http-echo. */
export const httpEchoImage: ImageDefinition = {
  repository: 'docker.io/hashicorp/http-echo',
  sizeBytes: 3_500_000,
  tags: { aliases: { latest: '1.0.0', '1.0': '1.0.0', '1.0.0': '1.0.0', '0.2.3': '0.2.3', '0.2.1': '0.2.1', alpine: '1.0.0-alpine' }, variants: ['-alpine'] },
  config: { entrypoint: ['/http-echo'], cmd: [], workingDir: '/', env: [['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin']], exposedPorts: ['5678/tcp'], stopSignal: 'SIGTERM' },
  programs: { 'http-echo': httpEcho },
  shells: [],
};
