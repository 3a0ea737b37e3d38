/**
 * ghcr.io/kubeplay/demo: kubeplay's own versioned app for rollout lessons. On :8080 every
 * path answers `Hello from <hostname> (version vN)`; `/healthz` and `/ready` answer `ok`.
 *
 * | tag         | behaviour                                                              |
 * |-------------|------------------------------------------------------------------------|
 * | v1, v2      | healthy; v2 is `latest`                                                |
 * | v3-broken   | logs a Go panic 1 s after start and exits 2 (CrashLoopBackOff)         |
 * | v4-slow     | loads for 20 s before it listens at all (readiness fails meanwhile)    |
 */
import type { Program } from '../../runtime/types.ts';
import type { ImageDefinition } from '../definition.ts';
import { errorLogTime, requestLine, textResponse } from './format.ts';

const demo: Program = async (ctx) => {
  const version = ctx.image.version.replace(/-.*/, '');
  const port = Number(ctx.env.get('PORT') ?? 8080);
  const log = (msg: string): void => ctx.log(`${errorLogTime(ctx.now())} ${msg}`, 'stderr');
  log(`demo ${version} starting on :${port}`);
  ctx.setUsage({ memoryBytes: 6 * 1024 * 1024, cpuMilli: 1 });
  if (ctx.image.version === 'v3-broken') {
    await ctx.sleep(1000);
    ctx.log('panic: config: missing required key "DATABASE_URL"', 'stderr');
    ctx.log('', 'stderr');
    ctx.log('goroutine 1 [running]:', 'stderr');
    ctx.log('main.mustConfig(...)', 'stderr');
    ctx.log('\t/src/main.go:42 +0x1d4', 'stderr');
    ctx.log('main.main()', 'stderr');
    ctx.log('\t/src/main.go:17 +0x25', 'stderr');
    return 2;
  }
  if (ctx.image.version === 'v4-slow') {
    log('loading data (this takes a while)...');
    await ctx.sleep(20_000);
  }
  ctx.listen(port, 'HTTP', (req) => {
    const path = req.path.split('?')[0];
    const res = path === '/healthz' || path === '/ready' ? textResponse(200, 'ok\n') : path === '/version' ? textResponse(200, `${version}\n`) : textResponse(200, `Hello from ${ctx.hostname} (version ${version})\n`);
    log(`${req.fromIP} "${requestLine(req)}" ${res.status}`);
    return res;
  });
  log(`listening on :${port}`);
  ctx.onSignal('SIGTERM', () => {
    log('received terminated, shutting down');
    ctx.exit(0);
  });
  return ctx.forever();
};

/** demoImage is ghcr.io/kubeplay/demo (a scratch image: no shell). */
export const demoImage: ImageDefinition = {
  repository: 'ghcr.io/kubeplay/demo',
  sizeBytes: 4_200_000,
  tags: { aliases: { latest: 'v2', v1: 'v1', v2: 'v2', 'v3-broken': 'v3-broken', 'v4-slow': 'v4-slow' } },
  config: { entrypoint: ['/demo'], cmd: [], workingDir: '/', env: [['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin']], exposedPorts: ['8080/tcp'], stopSignal: 'SIGTERM' },
  programs: { demo },
  shells: [],
};
