/**
 * ImageManager is the kubelet's image manager (pkg/kubelet/images/image_manager.go) on one node:
 * it applies imagePullPolicy against the node's image cache, pulls through the simulated
 * registry (the catalog) with a duration from the image size, serialises pulls as the default
 * `serializeImagePulls: true` does, and backs off failed pulls (ErrImagePull → ImagePullBackOff)
 * with 10 s doubling to 5 min. It records the upstream events on the pod.
 */
import type { PodEventRecorder } from './context.ts';
import type { Clock } from '../../sim/clock.ts';
import type { Random } from '../../sim/random.ts';
import type { ImageCatalog, ResolvedImage, ResolveResult } from '../images/catalog.ts';
import {
  alreadyPresentMessage, invalidImageNameMessage, pulledMessage, pullDurationMs, pullFailedMessage, pullingMessage, PULL_LATENCY_MS,
} from '../images/pullEvents.ts';
import { Backoff } from './backoff.ts';
import type { NodeImage } from './nodeObject.ts';

/** RESOLVED_LIMIT bounds the remembered resolutions per catalog (distinct image strings are few). */
const RESOLVED_LIMIT = 256;

/** resolvedBy holds each catalog's remembered resolutions (see ImageManager.resolve). */
const resolvedBy = new WeakMap<ImageCatalog, Map<string, ResolveResult>>();

/** ImageState is what a container's image looks like to the pod worker. */
export type ImageState =
  | { state: 'ready'; image: ResolvedImage }
  | { state: 'pulling' }
  | { state: 'error'; reason: 'ErrImagePull' | 'ImagePullBackOff' | 'ErrImageNeverPull' | 'InvalidImageName'; message: string };

interface Pull {
  until: number;
  started: number;
  requested: number;
  image?: ResolvedImage;
  error?: string;
}

interface Failure {
  at: number;
  retryAt: number;
  message: string;
  reported: boolean;
}

/** ImageManagerDeps are the node-wide things the manager needs. */
export interface ImageManagerDeps {
  catalog: ImageCatalog;
  clock: Clock;
  random: Random;
  recorder: PodEventRecorder;
  /** wake asks for the pod to be synced again at a later time. */
  wake(podKey: string, atMs: number): void;
}

/** ImageManager owns one node's image cache and pulls. */
export class ImageManager {
  /** cache maps a normalised reference to the image the node has. */
  private readonly cache = new Map<string, ResolvedImage>();
  private readonly pulls = new Map<string, Pull>();
  private readonly failures = new Map<string, Failure>();
  private readonly backoff = new Backoff();
  private readonly announced = new Set<string>();
  /** pulled keeps a finished pull for its container until the container starts (see taken). */
  private readonly pulled = new Map<string, ResolvedImage>();
  private queueFreeAt = 0;
  /** listed is nodeImages' answer until the cache changes. */
  private listed: readonly NodeImage[] | undefined;

  constructor(private readonly deps: ImageManagerDeps) {}

  /** preload puts images on the node without events (what the machine image ships with). */
  preload(images: readonly string[]): void {
    for (const name of images) {
      const r = this.resolve(name);
      if (r.ok) this.cache.set(r.image.reference, r.image);
    }
    this.listed = undefined;
  }

  /** has says whether the node holds the image (by normalised reference). */
  has(image: string): boolean {
    const r = this.resolve(image);
    return r.ok && this.cache.has(r.image.reference);
  }

  /**
   * nodeImages is status.images: newest-largest first as the kubelet sorts them (by size).
   * The list is frozen and kept until an image arrives: the node status heartbeat asks every 10 s.
   */
  nodeImages(): readonly NodeImage[] {
    this.listed ??= Object.freeze(
      [...this.cache.values()]
        .sort((a, b) => b.sizeBytes - a.sizeBytes || a.reference.localeCompare(b.reference))
        .map((i) => Object.freeze({ names: Object.freeze([i.imageID, i.reference]) as string[], sizeBytes: i.sizeBytes })),
    );
    return this.listed;
  }

  /**
   * ensure is EnsureImageExists for one container: `key` identifies the pod's container (for
   * back-off and one-time events), `fieldPath` is `spec.containers{name}` for events.
   */
  ensure(pod: object, podKey: string, key: string, image: string, policy: string, fieldPath: string): ImageState {
    const rec = this.deps.recorder;
    const now = this.deps.clock.now();
    const resolved = this.resolve(image);
    if (!resolved.ok && resolved.error.reason === 'InvalidImageName') {
      this.once(key, 'invalid', () => {
        rec.warning(pod, 'InspectFailed', invalidImageNameMessage(image, resolved.error.message), fieldPath);
        rec.warning(pod, 'Failed', 'Error: InvalidImageName', fieldPath);
      });
      return { state: 'error', reason: 'InvalidImageName', message: invalidImageNameMessage(image, resolved.error.message) };
    }
    const present = resolved.ok ? this.cache.get(resolved.image.reference) : undefined;
    if (policy === 'Never' && !present) {
      const msg = `Container image "${image}" is not present with pull policy of Never`;
      this.once(key, 'never', () => {
        rec.warning(pod, 'ErrImageNeverPull', msg, fieldPath);
        rec.warning(pod, 'Failed', 'Error: ErrImageNeverPull', fieldPath);
      });
      return { state: 'error', reason: 'ErrImageNeverPull', message: msg };
    }
    if (present && policy !== 'Always') {
      // The pod worker asks only when it is about to create the container, so this fires once per start.
      rec.normal(pod, 'Pulled', alreadyPresentMessage(image), fieldPath);
      // A pull this container queued while another pod's pull of the same image was running is
      // not needed any more (its slot in the serialised queue stays taken): without this it
      // stayed in `pulls` until the pod went away (~0.5 KB per pod).
      this.pulls.delete(key);
      return { state: 'ready', image: present };
    }

    const done = this.pulled.get(key);
    if (done) return { state: 'ready', image: done };
    const pull = this.pulls.get(key);
    if (pull) {
      if (pull.until > now) {
        // Ask again when it finishes: an earlier wake (another container's pull) may be the
        // only one queued for this pod, since the work queue keeps the earliest request.
        this.deps.wake(podKey, pull.until);
        return { state: 'pulling' };
      }
      this.pulls.delete(key);
      if (pull.image) {
        this.cache.set(pull.image.reference, pull.image);
        this.listed = undefined;
        this.backoff.reset(key);
        this.failures.delete(key);
        this.pulled.set(key, pull.image);
        rec.normal(pod, 'Pulled', pulledMessage(image, pull.until - pull.started, pull.until - pull.requested, pull.image.sizeBytes), fieldPath);
        return { state: 'ready', image: pull.image };
      }
      const message = pullFailedMessage(image, pull.error ?? '');
      rec.warning(pod, 'Failed', message, fieldPath);
      rec.warning(pod, 'Failed', 'Error: ErrImagePull', fieldPath);
      this.backoff.next(key, now);
      // The container shows ErrImagePull until the pod worker syncs again (a few seconds on a
      // real node, from PLEG or the worker's retry); that sync finds the pull in back-off.
      const retryAt = now + 2000 + this.deps.random.int(3000);
      this.failures.set(key, { at: now, message, reported: false, retryAt });
      this.deps.wake(podKey, retryAt);
      return { state: 'error', reason: 'ErrImagePull', message: pull.error ?? '' };
    }

    const failure = this.failures.get(key);
    if (failure && now < failure.retryAt) {
      this.deps.wake(podKey, failure.retryAt);
      return { state: 'error', reason: 'ErrImagePull', message: failure.message.replace(/^Failed to pull image "[^"]*": /, '') };
    }
    if (failure) {
      const remaining = this.backoff.remainingSince(key, failure.at, now);
      if (remaining > 0) {
        if (!failure.reported) {
          failure.reported = true;
          rec.normal(pod, 'BackOff', `Back-off pulling image "${image}"`, fieldPath);
          rec.warning(pod, 'Failed', 'Error: ImagePullBackOff', fieldPath);
        }
        this.deps.wake(podKey, now + remaining);
        return { state: 'error', reason: 'ImagePullBackOff', message: `Back-off pulling image "${image}"` };
      }
    }

    // Start a pull. Serialised pulls wait for the one ahead ("including waiting").
    rec.normal(pod, 'Pulling', pullingMessage(image), fieldPath);
    const started = Math.max(now, this.queueFreeAt);
    // A re-pull of an image the node has (policy Always) only fetches the manifest: no layers.
    const duration = resolved.ok && !present
      ? pullDurationMs(resolved.image.sizeBytes, { random: this.deps.random })
      : PULL_LATENCY_MS + this.deps.random.int(600);
    const until = started + duration;
    this.queueFreeAt = until;
    this.pulls.set(key, resolved.ok ? { until, started, requested: now, image: resolved.image } : { until, started, requested: now, error: resolved.error.message });
    if (failure) failure.reported = false;
    this.deps.wake(podKey, until);
    return { state: 'pulling' };
  }

  /** taken tells the manager the container started, so the next start applies the pull policy again. */
  taken(key: string): void {
    this.pulled.delete(key);
  }

  /** forget drops per-container state when a pod goes away. */
  forget(keyPrefix: string): void {
    for (const m of [this.pulls, this.failures, this.pulled] as Map<string, unknown>[]) {
      for (const k of [...m.keys()]) if (k.startsWith(keyPrefix)) m.delete(k);
    }
    for (const k of [...this.announced]) if (k.startsWith(keyPrefix)) this.announced.delete(k);
  }

  /**
   * resolve is the catalog's resolve, remembered per image string: the catalog never changes
   * after it is built, and every container start resolves its image (parsing the reference
   * and its tag each time was ~1% of starting 3,000 pods). The table is the catalog's, shared
   * by the kubelets of every node (one parse per image string, not one per node). Results are
   * shared, so they are never changed. The table starts over when full.
   */
  private resolve(image: string): ResolveResult {
    const catalog = this.deps.catalog;
    let resolved = resolvedBy.get(catalog);
    if (!resolved) resolvedBy.set(catalog, (resolved = new Map()));
    let r = resolved.get(image);
    if (!r) {
      if (resolved.size >= RESOLVED_LIMIT) resolved.clear();
      r = catalog.resolve(image);
      resolved.set(image, r);
    }
    return r;
  }

  private once(key: string, what: string, fn: () => void): void {
    const k = `${key}\u0000${what}`;
    if (this.announced.has(k)) return;
    this.announced.add(k);
    fn();
  }

  save(): unknown {
    return { cache: [...this.cache.keys()], backoff: this.backoff.save() };
  }

  load(data: unknown): void {
    const d = data as { cache: string[]; backoff: Parameters<Backoff['load']>[0] };
    this.cache.clear();
    this.listed = undefined;
    this.preload(d.cache);
    this.backoff.load(d.backoff);
  }
}
