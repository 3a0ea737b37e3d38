/**
 * registry.k8s.io/hpa-example: the php-apache server of the HorizontalPodAutoscaler walkthrough.
 * Every request runs a CPU-heavy loop and answers `OK!`; each costs 5 ms of CPU, averaged by the
 * runtime over the last 10 s, so a `wget` loop drives it past its request and the HPA scales.
 */
import type { Program } from '../../runtime/types.ts';
import type { ImageDefinition } from '../definition.ts';
import { DEFAULT_PATH } from '../definition.ts';
import { apacheErrorTime, commonLogTime, requestLine, textResponse } from './format.ts';

/** CPU_MS_PER_REQUEST is the CPU time one request burns (index.php's sqrt loop). */
export const CPU_MS_PER_REQUEST = 5;
const IDLE_MILLI = 1;

const apacheForeground: Program = async (ctx) => {
  const ip = ctx.podIP || '127.0.0.1';
  for (let i = 0; i < 2; i++) {
    ctx.log(`AH00558: apache2: Could not reliably determine the server's fully qualified domain name, using ${ip}. Set the 'ServerName' directive globally to suppress this message`, 'stderr');
  }
  ctx.log(`[${apacheErrorTime(ctx.now())}] [mpm_prefork:notice] [pid 1] AH00163: Apache/2.4.10 (Debian) PHP/5.6.14 configured -- resuming normal operations`, 'stderr');
  ctx.log(`[${apacheErrorTime(ctx.now())}] [core:notice] [pid 1] AH00094: Command line: 'apache2 -D FOREGROUND'`, 'stderr');
  // Each request runs index.php's sqrt loop; the runtime averages that cost over 10 s.
  ctx.setUsage({ cpuMilli: IDLE_MILLI, memoryBytes: 10 * 1024 * 1024 });
  ctx.setRequestCost(CPU_MS_PER_REQUEST);
  ctx.listen(80, 'HTTP', (req) => {
    const res = textResponse(200, 'OK!', 'text/html', { server: 'Apache/2.4.10 (Debian)', 'x-powered-by': 'PHP/5.6.14' });
    ctx.log(`${req.fromIP} - - [${commonLogTime(ctx.now())}] "${requestLine(req)}" 200 203 "-" "${req.headers['user-agent'] ?? '-'}"`);
    return res;
  });
  ctx.onSignal('SIGWINCH', () => ctx.exit(0));
  ctx.onSignal('SIGTERM', () => {
    ctx.log(`[${apacheErrorTime(ctx.now())}] [mpm_prefork:notice] [pid 1] AH00169: caught SIGTERM, shutting down`, 'stderr');
    ctx.exit(0);
  });
  return ctx.forever();
};

/** hpaExampleImage is registry.k8s.io/hpa-example. */
export const hpaExampleImage: ImageDefinition = {
  repository: 'registry.k8s.io/hpa-example',
  sizeBytes: 179_000_000,
  tags: { aliases: { latest: 'latest' } },
  config: {
    entrypoint: [],
    cmd: ['apache2-foreground'],
    workingDir: '/var/www/html',
    env: [['PATH', DEFAULT_PATH], ['PHP_INI_DIR', '/usr/local/etc/php'], ['PHP_VERSION', '5.6.14']],
    exposedPorts: ['80/tcp'],
    stopSignal: 'SIGTERM',
  },
  programs: { 'apache2-foreground': apacheForeground },
  shells: ['sh', 'bash'],
};
