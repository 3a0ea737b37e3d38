import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../sim/clock.ts';
import { Random } from '../../sim/random.ts';
import { defaultCatalog } from '../images/defaultCatalog.ts';
import { ImageManager } from './imageManager.ts';

/** setup is one node's image manager on a virtual clock, recording events as `reason message`. */
function setup() {
  const clock = new VirtualClock(Date.UTC(2026, 0, 15, 9));
  const events: string[] = [];
  const record = (_o: object, reason: string, message: string) => events.push(`${reason} ${message}`);
  const images = new ImageManager({ catalog: defaultCatalog(), clock, random: new Random(1), recorder: { normal: record, warning: record }, wake: () => {} });
  return { clock, images, events };
}

describe('ImageManager', () => {
  it('lists a pulled image in nodeImages once the pull finished (the list is cached until the cache changes)', () => {
    const { clock, images } = setup();
    images.preload(['busybox:1.36']);
    const before = images.nodeImages();
    expect(images.nodeImages()).toBe(before);
    expect(images.ensure({}, 'default/a', 'a/web', 'nginx:1.27', 'IfNotPresent', 'spec.containers{web}')).toEqual({ state: 'pulling' });
    expect(images.nodeImages()).toBe(before);
    clock.setTime(clock.now() + 10 * 60_000);
    expect(images.ensure({}, 'default/a', 'a/web', 'nginx:1.27', 'IfNotPresent', 'spec.containers{web}').state).toBe('ready');
    const after = images.nodeImages();
    expect(after).not.toBe(before);
    expect(after.map((i) => i.names[1])).toEqual(expect.arrayContaining(['docker.io/library/nginx:1.27', 'docker.io/library/busybox:1.36']));
    expect(after).toHaveLength(2);
    images.load(images.save());
    expect(images.nodeImages()).toEqual(after);
  });

  it('drops a queued pull once another pod brought the image, and pulls again after an image change', () => {
    const { clock, images, events } = setup();
    images.ensure({}, 'default/a', 'a/web', 'nginx:1.27', 'IfNotPresent', 'f');
    images.ensure({}, 'default/b', 'b/web', 'nginx:1.27', 'IfNotPresent', 'f');
    clock.setTime(clock.now() + 10 * 60_000);
    images.ensure({}, 'default/a', 'a/web', 'nginx:1.27', 'IfNotPresent', 'f');
    // b's own pull is not needed: the image is on the node now.
    expect(images.ensure({}, 'default/b', 'b/web', 'nginx:1.27', 'IfNotPresent', 'f').state).toBe('ready');
    // b's container changes image: a new pull, not the forgotten one of nginx:1.27.
    expect(images.ensure({}, 'default/b', 'b/web', 'busybox:1.36', 'IfNotPresent', 'f')).toEqual({ state: 'pulling' });
    expect(events.filter((e) => e.startsWith('Pull'))).toEqual([
      'Pulling Pulling image "nginx:1.27"',
      'Pulling Pulling image "nginx:1.27"',
      expect.stringMatching(/^Pulled Successfully pulled image "nginx:1.27"/),
      'Pulled Container image "nginx:1.27" already present on machine',
      'Pulling Pulling image "busybox:1.36"',
    ]);
  });

  it('answers repeated asks for one image string alike (resolutions are remembered), invalid names included', () => {
    const { images } = setup();
    images.preload(['nginx:1.27']);
    const a = images.ensure({}, 'default/a', 'a/web', 'nginx:1.27', 'IfNotPresent', 'f');
    const b = images.ensure({}, 'default/b', 'b/web', 'nginx:1.27', 'IfNotPresent', 'f');
    expect(a.state === 'ready' && b.state === 'ready' && a.image === b.image).toBe(true);
    expect(images.has('nginx:1.27')).toBe(true);
    expect(images.has('docker.io/library/nginx:1.27')).toBe(true);
    for (const key of ['c/web', 'd/web']) expect(images.ensure({}, 'default/c', key, 'NGINX:bad:', 'IfNotPresent', 'f')).toMatchObject({ state: 'error', reason: 'InvalidImageName' });
  });
});
