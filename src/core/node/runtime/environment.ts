/**
 * The environment of a container process, in the order `env` prints it on a real node:
 * the OCI default PATH, HOSTNAME (set by containerd's CRI plugin), the image's ENV (PATH
 * replaced in place), the container's env from the kubelet (later wins, position kept),
 * and HOME=/root appended by runc when nothing set it.
 */
import { DEFAULT_PATH } from '../images/definition.ts';

/** containerEnv merges the layers into one ordered Map. */
export function containerEnv(
  hostname: string,
  imageEnv: readonly (readonly [string, string])[],
  podEnv: readonly (readonly [string, string])[],
): Map<string, string> {
  const env = new Map<string, string>([
    ['PATH', DEFAULT_PATH],
    ['HOSTNAME', hostname],
  ]);
  for (const [k, v] of imageEnv) env.set(k, v);
  for (const [k, v] of podEnv) env.set(k, v);
  if (!env.has('HOME')) env.set('HOME', '/root');
  return env;
}
