/**
 * gcr.io/google-samples/hello-app: the Go sample server of the Kubernetes docs' Ingress tutorial
 * (and GKE quickstarts), from GoogleCloudPlatform/kubernetes-engine-samples quickstarts/hello-app.
 * On `PORT` (default 8080) every path answers `Hello, world!`, `Version: <tag>.0` and
 * `Hostname: <pod>`; each request is logged with Go's log prefix. Distroless: no shell. It sets
 * no SIGTERM handler, so the signal kills it (exit 143).
 */
import type { Program } from '../../runtime/types.ts';
import type { ImageDefinition } from '../definition.ts';
import { errorLogTime, textResponse } from './format.ts';

const helloApp: Program = async (ctx) => {
  const port = ctx.env.get('PORT') || '8080';
  const log = (msg: string): void => ctx.log(`${errorLogTime(ctx.now())} ${msg}`, 'stderr');
  log(`Server listening on port ${port}`);
  ctx.setUsage({ memoryBytes: 3 * 1024 * 1024, cpuMilli: 1 });
  ctx.listen(Number(port), 'HTTP', (req) => {
    log(`Serving request: ${req.path.split('?')[0]}`);
    return textResponse(200, `Hello, world!\nVersion: ${ctx.image.version}\nHostname: ${ctx.hostname}\n`);
  });
  return ctx.forever();
};

/** helloAppImage is gcr.io/google-samples/hello-app (tags 1.0 and 2.0). */
export const helloAppImage: ImageDefinition = {
  repository: 'gcr.io/google-samples/hello-app',
  sizeBytes: 11_200_000,
  tags: { aliases: { '1.0': '1.0.0', '2.0': '2.0.0' } },
  config: { entrypoint: [], cmd: ['/hello-app'], workingDir: '/', env: [['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin']], exposedPorts: [], stopSignal: 'SIGTERM' },
  programs: { 'hello-app': helloApp },
  shells: [],
};
