/**
 * The `-o name` printer (cli-runtime printers/name.go): "kind.group/name", kind lower-cased,
 * group omitted for the core group, optionally followed by an operation ("created").
 */
import type { KubeObject } from '../../core/api/types.ts';
import { parseApiVersion } from '../../core/api/types.ts';

/** resourceName renders "deployment.apps/web" or "pod/x" for an object with apiVersion and kind. */
export function resourceName(obj: Pick<KubeObject, 'apiVersion' | 'kind' | 'metadata'>): string {
  if (!obj.kind) throw new Error('missing apiVersion or kind; try GetObjectKind().SetGroupVersionKind() if you know the type');
  const { group } = parseApiVersion(obj.apiVersion ?? '');
  const kind = group ? `${obj.kind}.${group}` : obj.kind;
  return `${kind.toLowerCase()}/${obj.metadata.name ?? ''}`;
}

/** printName renders one line per object (list items expanded), with an optional operation such as "created". */
export function printName(objects: readonly KubeObject[], operation?: string): string {
  let out = '';
  for (const obj of objects) {
    if (obj.kind === 'List' || (obj.kind?.endsWith('List') && Array.isArray(obj.items))) {
      out += printName(obj.items as KubeObject[], operation);
      continue;
    }
    out += operation ? `${resourceName(obj)} ${operation}\n` : `${resourceName(obj)}\n`;
  }
  return out;
}
