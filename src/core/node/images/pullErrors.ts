/**
 * The registry's answers when a pull fails, in the words containerd's CRI plugin uses
 * (the kubelet puts them after `Failed to pull image "…": `). Which wording applies depends
 * on the registry: Docker Hub hides unknown repositories behind an authorization error,
 * ghcr.io refuses the anonymous token, unknown hosts fail DNS.
 */
import type { ImageReference } from './reference.ts';
import { referenceString } from './reference.ts';

/** PullErrorReason is the container waiting reason the kubelet shows for this failure. */
export type PullErrorReason = 'InvalidImageName' | 'ErrImagePull';

/** PullError is a failed resolve/pull: the waiting reason and the message the kubelet reports. */
export interface PullError {
  reason: PullErrorReason;
  /** message is the runtime's error text, e.g. `rpc error: code = NotFound desc = ...`. */
  message: string;
}

// Registries that answer a plain 404 for unknown repositories as well as unknown tags.
const PLAIN_NOT_FOUND_REGISTRIES = new Set(['registry.k8s.io', 'quay.io', 'gcr.io', 'mcr.microsoft.com', 'public.ecr.aws']);

function wrap(code: 'NotFound' | 'Unknown', ref: string, cause: string): PullError {
  return {
    reason: 'ErrImagePull',
    message: `rpc error: code = ${code} desc = failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": ${cause}`,
  };
}

/** invalidImageName is the kubelet's InvalidImageName error for an unparsable reference. */
export function invalidImageName(image: string, cause: string): PullError {
  return { reason: 'InvalidImageName', message: `couldn't parse image reference "${image}": ${cause}` };
}

/** manifestNotFound is the answer for a known repository without that tag or digest. */
export function manifestNotFound(ref: ImageReference): PullError {
  const s = referenceString(ref);
  return wrap('NotFound', s, `${s}: not found`);
}

/** repositoryNotFound is the answer for a repository the catalog does not have, per registry. */
export function repositoryNotFound(ref: ImageReference): PullError {
  const s = referenceString(ref);
  const host = ref.domain.split(':')[0];
  if (ref.domain === 'docker.io') {
    return wrap(
      'Unknown',
      s,
      'pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
    );
  }
  if (ref.domain === 'ghcr.io') {
    const scope = encodeURIComponent(`repository:${ref.path}:pull`);
    return wrap(
      'Unknown',
      s,
      `failed to authorize: failed to fetch anonymous token: unexpected status from GET request to https://ghcr.io/token?scope=${scope}&service=ghcr.io: 403 Forbidden`,
    );
  }
  if (PLAIN_NOT_FOUND_REGISTRIES.has(ref.domain)) return wrap('NotFound', s, `${s}: not found`);
  const manifest = `https://${ref.domain}/v2/${ref.path}/manifests/${ref.digest ?? ref.tag}`;
  if (host === 'localhost' || host === '127.0.0.1') {
    const port = ref.domain.split(':')[1] ?? '443';
    return wrap('Unknown', s, `failed to do request: Head "${manifest}": dial tcp 127.0.0.1:${port}: connect: connection refused`);
  }
  return wrap('Unknown', s, `failed to do request: Head "${manifest}": dial tcp: lookup ${host} on 127.0.0.53:53: no such host`);
}
