/**
 * newestDefaultClass is the choice both default-class admission plugins make
 * (storageutil.GetDefaultClass, defaultingressclass getDefaultClass): among the classes
 * marked default, the newest wins, then the lowest name.
 */
import type { KubeObject } from './types.ts';

/** newestDefaultClass returns the default class among `classes`, if any is marked default. */
export function newestDefaultClass(classes: readonly KubeObject[], isDefault: (c: KubeObject) => boolean): KubeObject | undefined {
  const defaults = classes.filter(isDefault);
  defaults.sort((a, b) => {
    const ta = a.metadata.creationTimestamp ?? '';
    const tb = b.metadata.creationTimestamp ?? '';
    if (ta !== tb) return ta < tb ? 1 : -1;
    return (a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1;
  });
  return defaults[0];
}
