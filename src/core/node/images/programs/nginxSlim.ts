/**
 * registry.k8s.io/nginx-slim: the small nginx build the Kubernetes docs' StatefulSet
 * tutorial runs (`web` with nginx-slim:0.21, updated to 0.24). It behaves as the nginx
 * image (same programs and files) but has no docker-entrypoint.sh: PID 1 is
 * `nginx -g 'daemon off;'` directly, so there are no entrypoint start-up lines.
 */
import type { ImageDefinition } from '../definition.ts';
import { DEFAULT_PATH } from '../definition.ts';
import { releaseLines } from '../tags.ts';
import { nginxImage } from './nginx.ts';

/** nginxSlimImage is registry.k8s.io/nginx-slim, tags 0.8 … 0.27. */
export const nginxSlimImage: ImageDefinition = {
  ...nginxImage,
  repository: 'registry.k8s.io/nginx-slim',
  sizeBytes: 40_500_000,
  variantSizes: undefined,
  tags: { aliases: {}, lines: releaseLines(0, 8, 27, 0), twoPart: true },
  config: {
    entrypoint: [],
    cmd: ['nginx', '-g', 'daemon off;'],
    workingDir: '/',
    env: [['PATH', DEFAULT_PATH]],
    exposedPorts: ['80/tcp', '443/tcp'],
    stopSignal: 'SIGQUIT',
  },
};
