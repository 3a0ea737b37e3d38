/**
 * What the catalog knows about one image repository: the OCI image config that matters
 * to Kubernetes (ENTRYPOINT, CMD, WORKDIR, ENV, EXPOSE, STOPSIGNAL), its size, its tags,
 * the files it ships and the program PID 1 runs.
 */
import type { ExecCommand, Program, Signal, VirtualFS } from '../runtime/types.ts';
import type { TagPolicy } from './tags.ts';

/** ImageConfig is the part of an OCI image config the runtime uses. */
export interface ImageConfig {
  entrypoint: string[];
  cmd: string[];
  workingDir: string;
  /** env in image order, e.g. PATH, NGINX_VERSION. */
  env: [string, string][];
  /** exposedPorts like `80/tcp`, informational (Kubernetes ignores EXPOSE). */
  exposedPorts: string[];
  /** versionEnv names the ENV that carries the release (NGINX_VERSION), set to the resolved version. */
  versionEnv?: string;
  /** stopSignal is what containerd sends first on StopContainer (STOPSIGNAL, default SIGTERM). */
  stopSignal: Signal;
}

/** ImageDefinition is one repository of the catalog. */
export interface ImageDefinition {
  /** repository is the normalised name, e.g. `docker.io/library/nginx`. */
  repository: string;
  /** sizeBytes is the compressed size of the default variant (drives pull time). */
  sizeBytes: number;
  /** variantSizes overrides sizeBytes per variant, e.g. `-alpine`. */
  variantSizes?: Record<string, number>;
  tags: TagPolicy;
  config: ImageConfig;
  /**
   * programs are the executables with a behaviour of their own, by basename
   * (`nginx`, `docker-entrypoint.sh`, `redis-server`). Any other argv[0] runs through the
   * shell when the image has one, or fails with `executable file not found in $PATH`.
   */
  programs: Record<string, Program>;
  /**
   * shells are the shell names on PATH (`sh` for busybox/alpine, `sh` and `bash` for Debian
   * images, none for scratch and distroless images like http-echo).
   */
  shells: string[];
  /** commands adds image-specific executables to the shell (`redis-cli`, `nginx`). */
  commands?: Record<string, ExecCommand>;
  /** populate writes the image's files into a fresh root filesystem. */
  populate?: (fs: VirtualFS, version: string, variant: string) => void;
}

/** MB is 10^6 bytes, the unit registries and `crictl images` use for sizes. */
export const MB = 1_000_000;

/** DEFAULT_PATH is the PATH of Debian/Alpine based images. */
export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** writeFile creates parent directories and writes a file (used by populate functions). */
export function writeFile(fs: VirtualFS, path: string, data: string): void {
  const dir = path.slice(0, path.lastIndexOf('/')) || '/';
  fs.mkdir(dir, { parents: true });
  fs.write(path, data);
}
