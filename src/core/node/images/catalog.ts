/**
 * ImageCatalog is the simulated registry: it turns the `image` of a container into a resolved
 * image (normalised reference, digest, image ID, size, definition) or the pull error a real
 * registry would cause. Digests are the SHA-256 of `repository:canonicalTag`, so `nginx`,
 * `nginx:latest` and `nginx:1.27.3` share one digest and every run gives the same IDs.
 */
import type { ImageDefinition } from './definition.ts';
import { sha256Hex } from './sha256.ts';
import { InvalidReferenceError, parseImageReference, referenceString, repository } from './reference.ts';
import type { PullError } from './pullErrors.ts';
import { invalidImageName, manifestNotFound, repositoryNotFound } from './pullErrors.ts';
import { resolveTag } from './tags.ts';

/** ResolvedImage is an image the registry has, as the kubelet and container status need it. */
export interface ResolvedImage {
  /** image is the string from the pod spec. */
  image: string;
  /** reference is the normalised reference (`docker.io/library/nginx:latest`), status.containerStatuses[].image. */
  reference: string;
  /** repository is `docker.io/library/nginx`. */
  repository: string;
  /** canonicalTag is the tag all aliases map to, e.g. `1.27.3`. */
  canonicalTag: string;
  /** version and variant split canonicalTag (`1.27.3`, `-alpine`). */
  version: string;
  variant: string;
  /** digest is the manifest digest, `sha256:<64 hex>`. */
  digest: string;
  /** imageID is `repository@digest`, status.containerStatuses[].imageID. */
  imageID: string;
  /** sizeBytes is the compressed size, for pull time and the Pulled event. */
  sizeBytes: number;
  definition: ImageDefinition;
}

/** ResolveResult is either a resolved image or the error a pull would fail with. */
export type ResolveResult = { ok: true; image: ResolvedImage } | { ok: false; error: PullError };

/** ImageCatalog looks images up by reference. */
export class ImageCatalog {
  private readonly byRepository = new Map<string, ImageDefinition>();

  constructor(definitions: readonly ImageDefinition[]) {
    for (const d of definitions) this.byRepository.set(d.repository, d);
  }

  /** definitions lists every repository of the catalog, in registration order. */
  definitions(): ImageDefinition[] {
    return [...this.byRepository.values()];
  }

  /** resolve looks `image` up as containerd would on a pull. */
  resolve(image: string): ResolveResult {
    let ref;
    try {
      ref = parseImageReference(image);
    } catch (err) {
      if (err instanceof InvalidReferenceError) return { ok: false, error: invalidImageName(image, err.message) };
      throw err;
    }
    const definition = this.byRepository.get(repository(ref));
    if (!definition) return { ok: false, error: repositoryNotFound(ref) };

    let tag = ref.tag !== undefined ? resolveTag(definition.tags, ref.tag) : undefined;
    if (ref.tag !== undefined && !tag) return { ok: false, error: manifestNotFound(ref) };
    if (ref.digest !== undefined) {
      // A digest must be one we would have produced for some tag; with a tag too, the digest wins (as in containerd).
      const byDigest = this.tagForDigest(definition, ref.digest);
      if (!byDigest) return { ok: false, error: manifestNotFound(ref) };
      tag = byDigest;
    }
    const resolved = tag!;
    const digest = digestOf(definition.repository, resolved.canonical);
    return {
      ok: true,
      image: {
        image,
        reference: referenceString(ref),
        repository: definition.repository,
        canonicalTag: resolved.canonical,
        version: resolved.version,
        variant: resolved.variant,
        digest,
        imageID: `${definition.repository}@${digest}`,
        sizeBytes: definition.variantSizes?.[resolved.variant] ?? definition.sizeBytes,
        definition,
      },
    };
  }

  /** tagForDigest finds which known alias target has this digest (aliases only: they are the published tags). */
  private tagForDigest(def: ImageDefinition, digest: string): ReturnType<typeof resolveTag> {
    for (const tag of Object.keys(def.tags.aliases)) {
      const t = resolveTag(def.tags, tag);
      if (t && digestOf(def.repository, t.canonical) === digest.toLowerCase()) return t;
    }
    for (const line of def.tags.lines ?? []) {
      for (const variant of ['', ...(def.tags.variants ?? [])]) {
        const t = resolveTag(def.tags, `${line.major}.${line.minor}.${line.maxPatch}${variant}`);
        if (t && digestOf(def.repository, t.canonical) === digest.toLowerCase()) return t;
      }
    }
    return undefined;
  }
}

/** digestOf is the deterministic manifest digest of a canonical tag. */
export function digestOf(repo: string, canonicalTag: string): string {
  // Memoised: every container start resolves its image, and the digest never changes.
  const key = `${repo}:${canonicalTag}`;
  let digest = digests.get(key);
  if (digest === undefined) digests.set(key, (digest = `sha256:${sha256Hex(key)}`));
  return digest;
}

/** digests caches digestOf by `repo:tag` (a handful of catalog entries). */
const digests = new Map<string, string>();
