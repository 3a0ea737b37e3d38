/**
 * kubectl set image (set/set_image.go): `kubectl set image deployment/web nginx=nginx:1.25`
 * (or `*=image` for every container) → `deployment.apps/web image updated`.
 */
import type { Container } from 'kubernetes-types/core/v1';
import type { Invocation, KubectlCommand } from '../../command.ts';
import { CommandError } from '../../errors.ts';
import { splitResourcesAndPairs } from '../metadataUpdate.ts';
import { runPodSpecUpdate } from './podSpecUpdate.ts';

export const image: KubectlCommand = {
  name: 'image',
  short: 'Update the image of a pod template',
  run: runSetImage,
};

function runSetImage(inv: Invocation): number {
  const { resources, pairs } = splitResourcesAndPairs(inv.args, 'image');
  const images = new Map<string, string>();
  for (const p of pairs) {
    const eq = p.indexOf('=');
    if (eq <= 0 || eq === p.length - 1) throw new CommandError(`error: invalid image format: ${p}`);
    images.set(p.slice(0, eq), p.slice(eq + 1));
  }
  return runPodSpecUpdate(inv, {
    args: resources,
    message: 'image updated',
    validate() {
      if (images.size === 0) throw new CommandError('error: at least one image update is required');
      if (images.size > 1 && images.has('*')) {
        throw new CommandError('error: all containers are already specified by *, but saw more than one container_name=container_image pairs');
      }
    },
    change(spec, _found, errors) {
      for (const [name, img] of images) {
        const inInit = setImage(spec.initContainers ?? [], name, img);
        const inMain = setImage(spec.containers, name, img);
        if (!inInit && !inMain) errors.push(new CommandError(`error: unable to find container named "${name}"`));
      }
    },
  });
}

function setImage(containers: Container[], name: string, img: string): boolean {
  let found = false;
  for (const c of containers) {
    if (c.name === name || name === '*') {
      c.image = img;
      found = true;
    }
  }
  return found;
}
