/**
 * Image reference parsing and normalisation, modelled on github.com/distribution/reference
 * (`ParseNormalizedNamed`, used by the kubelet's applyDefaultImageTag and by containerd):
 * `nginx` → `docker.io/library/nginx:latest`, `bitnami/redis` → `docker.io/bitnami/redis:latest`,
 * `registry.k8s.io/pause:3.10` stays as it is.
 */

/** ImageReference is a parsed, normalised image reference. */
export interface ImageReference {
  /** domain is the registry host (with port if any), `docker.io` when none is given. */
  domain: string;
  /** path is the repository inside the registry: `library/nginx`, `hashicorp/http-echo`. */
  path: string;
  /** tag is the tag; `latest` when neither a tag nor a digest was given. */
  tag?: string;
  /** digest is `sha256:<hex>` when the reference pins one. */
  digest?: string;
  /** original is the string the pod spec carried. */
  original: string;
}

/** DEFAULT_DOMAIN is where references without a registry host point (Docker Hub). */
export const DEFAULT_DOMAIN = 'docker.io';

// Grammar from distribution/reference regexp.go.
const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const DOMAIN_COMPONENT = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;

/** InvalidReferenceError is distribution/reference's ErrReferenceInvalidFormat and friends. */
export class InvalidReferenceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidReferenceError';
  }
}

/** repository returns `domain/path`, e.g. `docker.io/library/nginx`. */
export function repository(ref: ImageReference): string {
  return `${ref.domain}/${ref.path}`;
}

/** referenceString renders the full normalised reference: `docker.io/library/nginx:1.27`, or with `@sha256:…`. */
export function referenceString(ref: ImageReference): string {
  let s = repository(ref);
  if (ref.tag !== undefined) s += `:${ref.tag}`;
  if (ref.digest !== undefined) s += `@${ref.digest}`;
  return s;
}

/** isDomain applies the splitDockerDomain rule: a first component with `.` or `:`, or `localhost`. */
function isDomain(first: string): boolean {
  return first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase();
}

function validDomain(domain: string): boolean {
  const [host, port, extra] = domain.split(':');
  if (extra !== undefined || (port !== undefined && !/^[0-9]+$/.test(port))) return false;
  return host.split('.').every((part) => DOMAIN_COMPONENT.test(part));
}

/**
 * parseImageReference normalises `text` the way ParseNormalizedNamed + TagNameOnly do, so a
 * reference without tag or digest gets `:latest`. It throws InvalidReferenceError with the
 * library's message ("invalid reference format", "... must be lowercase").
 */
export function parseImageReference(text: string): ImageReference {
  const invalid = (): never => {
    throw new InvalidReferenceError('invalid reference format');
  };
  if (text === '' || text.trim() !== text) invalid();
  let rest = text;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) invalid();
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) invalid();
  }
  const slash = rest.indexOf('/');
  let domain = DEFAULT_DOMAIN;
  let path = rest;
  if (slash >= 0 && isDomain(rest.slice(0, slash))) {
    domain = rest.slice(0, slash);
    path = rest.slice(slash + 1);
    if (!validDomain(domain)) invalid();
  }
  if (domain === 'index.docker.io') domain = DEFAULT_DOMAIN;
  if (domain === DEFAULT_DOMAIN && !path.includes('/')) path = `library/${path}`;
  if (path.toLowerCase() !== path) {
    throw new InvalidReferenceError(`invalid reference format: repository name (${path}) must be lowercase`);
  }
  if (path === '' || !path.split('/').every((c) => COMPONENT.test(c))) invalid();
  if (`${domain}/${path}`.length > 255) throw new InvalidReferenceError('repository name must not be more than 255 characters');
  if (tag === undefined && digest === undefined) tag = 'latest';
  return { domain, path, tag, digest, original: text };
}
