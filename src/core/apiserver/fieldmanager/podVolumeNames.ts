/**
 * Pods and the created-set cache. The ServiceAccount admission names every pod's token
 * volume kube-api-access-<random> before the field manager runs, so no two pods of a
 * ReplicaSet have the same shape and each create compared and encoded its whole field set.
 * The volume's name appears in the set only as its list element
 * (f:spec/f:volumes/k:{"name":"kube-api-access-…"}); everything else is the template's. So
 * the cache is asked for the pod with those names replaced by placeholders, and the cached
 * set gets the real elements back in the same positions (the order fieldsV1 prints in),
 * sharing every other subtree and its encoding.
 */
import type { KubeObject } from '../../api/types.ts';
import { FieldSet } from './fieldSet.ts';
import { fieldType, type SsaType } from './structure.ts';
import { itemElement } from './typed.ts';

/** RANDOM_VOLUME_PREFIX is the ServiceAccount admission's volume name prefix. */
const RANDOM_VOLUME_PREFIX = 'kube-api-access-';
// NUL is not allowed in a volume name (a DNS-1123 label), so a placeholder never equals a
// real volume's name.
const PLACEHOLDER = '\u0000';

/** PlaceholderView is a pod as the cache sees it, and the elements to put back. */
export interface PlaceholderView {
  view: KubeObject;
  /** renames maps each placeholder volume's list element to the real one's. */
  renames: Map<string, string>;
}

/**
 * placeholderView returns the pod with its kube-api-access-* volumes renamed to
 * placeholders (a shallow copy down to the changed volumes), or undefined when it has none.
 */
export function placeholderView(pod: KubeObject, podType: SsaType): PlaceholderView | undefined {
  const spec = (pod as { spec?: unknown }).spec;
  if (!isObj(spec) || !Array.isArray(spec.volumes)) return undefined;
  const volumesType = fieldType(fieldType(podType, 'spec'), 'volumes');
  if (!volumesType?.list || volumesType.list === 'set') return undefined;
  const volumes = spec.volumes as unknown[];
  let out: unknown[] | undefined;
  const renames = new Map<string, string>();
  for (let i = 0; i < volumes.length; i++) {
    const v = volumes[i];
    if (!isObj(v) || typeof v.name !== 'string' || !v.name.startsWith(RANDOM_VOLUME_PREFIX)) continue;
    const placeholder = { ...v, name: PLACEHOLDER + String(i) };
    out ??= volumes.slice();
    out[i] = placeholder;
    renames.set(itemElement(placeholder, volumesType), itemElement(v, volumesType));
  }
  if (!out) return undefined;
  return { view: { ...pod, spec: { ...spec, volumes: out } } as KubeObject, renames };
}

/**
 * withRealVolumes is a placeholder view's set with the real volume elements put back: new
 * nodes for the root, f:spec and f:volumes (children in the same order), every other
 * subtree shared.
 */
export function withRealVolumes(set: FieldSet, renames: ReadonlyMap<string, string>): FieldSet {
  return withChild(set, 'f:spec', (spec) =>
    withChild(spec, 'f:volumes', (volumes) => {
      const out = new FieldSet();
      out.member = volumes.member;
      for (const [e, c] of volumes.children) out.setChild(renames.get(e) ?? e, c);
      return out;
    }),
  );
}

/** withChild is a copy of node with one child replaced, in its place. */
function withChild(node: FieldSet, element: string, replace: (child: FieldSet) => FieldSet): FieldSet {
  const out = new FieldSet();
  out.member = node.member;
  for (const [e, c] of node.children) out.setChild(e, e === element ? replace(c) : c);
  return out;
}

function isObj(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
