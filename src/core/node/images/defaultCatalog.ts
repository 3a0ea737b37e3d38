/** The images every kubeplay cluster can pull (see README.md for the list and their behaviours). */
import { ImageCatalog } from './catalog.ts';
import type { ImageDefinition } from './definition.ts';
import { corednsImage } from './programs/coredns.ts';
import { demoImage } from './programs/demo.ts';
import { helloAppImage } from './programs/helloApp.ts';
import { hpaExampleImage } from './programs/hpaExample.ts';
import { httpdImage } from './programs/httpd.ts';
import { httpEchoImage } from './programs/httpEcho.ts';
import { localPathProvisionerImage } from './programs/localPathProvisioner.ts';
import { mysqlImage } from './programs/mysql.ts';
import { nginxImage } from './programs/nginx.ts';
import { nginxSlimImage } from './programs/nginxSlim.ts';
import { nodeImage } from './programs/node.ts';
import { pauseImage } from './programs/pause.ts';
import { perlImage } from './programs/perl.ts';
import { postgresImage } from './programs/postgres.ts';
import { pythonImage } from './programs/python.ts';
import { redisImage } from './programs/redis.ts';
import { alpineImage, busyboxImage } from './programs/shellImages.ts';
import { polinuxStressImage, vishStressImage } from './programs/stress.ts';

/** DEFAULT_IMAGES lists the catalog's repositories. */
export const DEFAULT_IMAGES: readonly ImageDefinition[] = [
  nginxImage, httpdImage, busyboxImage, alpineImage, redisImage, mysqlImage, postgresImage, pythonImage,
  nodeImage, httpEchoImage, hpaExampleImage, demoImage, polinuxStressImage, vishStressImage, pauseImage,
  corednsImage, localPathProvisionerImage, perlImage, nginxSlimImage, helloAppImage,
];

/** defaultCatalog returns a catalog of DEFAULT_IMAGES. */
export function defaultCatalog(): ImageCatalog {
  return new ImageCatalog(DEFAULT_IMAGES);
}
