/**
 * registry.k8s.io/pause: the sandbox container. It sleeps forever and exits 0 on SIGTERM or
 * SIGINT after printing `psignal`'s line, as pause.c does.
 */
import type { Program } from '../../runtime/types.ts';
import type { ImageDefinition } from '../definition.ts';
import { releaseLines } from '../tags.ts';

const pause: Program = async (ctx) => {
  ctx.setUsage({ memoryBytes: 300 * 1024 });
  ctx.onSignal('SIGTERM', () => {
    ctx.log('Shutting down, got signal: Terminated', 'stderr');
    ctx.exit(0);
  });
  ctx.onSignal('SIGINT', () => {
    ctx.log('Shutting down, got signal: Interrupt', 'stderr');
    ctx.exit(0);
  });
  return ctx.forever();
};

/** pauseImage is registry.k8s.io/pause (3.10 for Kubernetes v1.32). */
export const pauseImage: ImageDefinition = {
  repository: 'registry.k8s.io/pause',
  sizeBytes: 320_000,
  tags: { aliases: { latest: '3.10' }, lines: releaseLines(3, 1, 10, 0), twoPart: true },
  config: { entrypoint: ['/pause'], cmd: [], workingDir: '/', env: [['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin']], exposedPorts: [], stopSignal: 'SIGTERM' },
  programs: { pause },
  shells: [],
};
