/**
 * LimitRanger admission (plugin/pkg/admission/limitranger/admission.go): on pod create,
 * containers without requests or limits get the defaults of the namespace's LimitRanges
 * (and the `kubernetes.io/limit-ranger` annotation saying so), then every Container and
 * Pod item's min, max and maxLimitRequestRatio is enforced with upstream's messages.
 */
import { parseQuantity, type Quantity } from '../../api/quantity.ts';
import type { KubeObject, Pod } from '../../api/types.ts';
import type { AdmissionPlugin } from '../admission.ts';
import type { ApiServer } from '../apiserver.ts';
import type { LimitRangeItem } from '../registry/limitranges.ts';
import { forbiddenPod, isPodCreate } from './serviceAccount.ts';

/** LIMIT_RANGER_ANNOTATION records which defaults the plugin set. */
export const LIMIT_RANGER_ANNOTATION = 'kubernetes.io/limit-ranger';

type Container = NonNullable<NonNullable<Pod['spec']>['containers']>[number];

function limitItems(server: ApiServer, namespace: string): LimitRangeItem[] {
  if (!server.serves('', 'limitranges')) return [];
  const ranges = server.store.list('limitranges', namespace).items as KubeObject[];
  return ranges.flatMap((lr) => ((lr.spec as { limits?: LimitRangeItem[] } | undefined)?.limits ?? []));
}

/** applyDefaults is mergeContainerResources for every container; returns the annotation text parts. */
export function applyDefaults(pod: Pod, items: LimitRangeItem[]): string[] {
  const defaults: LimitRangeItem = { type: 'Container', default: {}, defaultRequest: {} };
  for (const item of items) {
    if (item.type !== 'Container') continue;
    Object.assign(defaults.default!, item.default);
    Object.assign(defaults.defaultRequest!, item.defaultRequest);
  }
  const notes: string[] = [];
  const merge = (c: Container, prefix: string) => {
    const resources = (c.resources ??= {});
    const setRequests: string[] = [];
    const setLimits: string[] = [];
    for (const [k, v] of Object.entries(defaults.defaultRequest ?? {}).sort()) {
      if (resources.requests?.[k] !== undefined) continue;
      // A container with a limit but no request gets the request from its limit (already defaulted).
      (resources.requests ??= {})[k] = v;
      setRequests.push(k);
    }
    for (const [k, v] of Object.entries(defaults.default ?? {}).sort()) {
      if (resources.limits?.[k] !== undefined) continue;
      (resources.limits ??= {})[k] = v;
      setLimits.push(k);
    }
    if (setRequests.length) notes.push(`${setRequests.join(', ')} request for ${prefix} ${c.name}`);
    if (setLimits.length) notes.push(`${setLimits.join(', ')} limit for ${prefix} ${c.name}`);
  };
  for (const c of pod.spec?.initContainers ?? []) merge(c, 'init container');
  for (const c of pod.spec?.containers ?? []) merge(c, 'container');
  return notes;
}

function q(v: string | number | undefined): Quantity | undefined {
  if (v === undefined) return undefined;
  try {
    return parseQuantity(v);
  } catch {
    return undefined;
  }
}

/**
 * checkItem is minConstraint, maxConstraint and limitRequestRatioConstraint for one
 * object (a container, or the pod's sums): at most one error per resource and constraint,
 * the first that applies, as upstream returns.
 */
function checkItem(item: LimitRangeItem, kind: string, requests: Record<string, Quantity>, limits: Record<string, Quantity>): string[] {
  const errs: string[] = [];
  const sorted = (list: Record<string, string> | undefined) => Object.entries(list ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [k, v] of sorted(item.min)) {
    const min = q(v);
    if (!min) continue;
    const req = requests[k];
    const lim = limits[k];
    if (!req) errs.push(`minimum ${k} usage per ${kind} is ${min.toString()}.  No request is specified`);
    else if (req.cmp(min) < 0) errs.push(`minimum ${k} usage per ${kind} is ${min.toString()}, but request is ${req.toString()}`);
    else if (lim && lim.cmp(min) < 0) errs.push(`minimum ${k} usage per ${kind} is ${min.toString()}, but limit is ${lim.toString()}`);
  }
  for (const [k, v] of sorted(item.max)) {
    const max = q(v);
    if (!max) continue;
    const req = requests[k];
    const lim = limits[k];
    if (!lim) errs.push(`maximum ${k} usage per ${kind} is ${max.toString()}.  No limit is specified`);
    else if (lim.cmp(max) > 0) errs.push(`maximum ${k} usage per ${kind} is ${max.toString()}, but limit is ${lim.toString()}`);
    else if (req && req.cmp(max) > 0) errs.push(`maximum ${k} usage per ${kind} is ${max.toString()}, but request is ${req.toString()}`);
  }
  for (const [k, v] of sorted(item.maxLimitRequestRatio)) {
    const ratioMax = q(v);
    if (!ratioMax) continue;
    const req = requests[k];
    const lim = limits[k];
    const shown = ratioMax.toString();
    if (!req || req.isZero()) errs.push(`${k} max limit to request ratio per ${kind} is ${shown}, but no request is specified or request is 0`);
    else if (!lim || lim.isZero()) errs.push(`${k} max limit to request ratio per ${kind} is ${shown}, but no limit is specified or limit is 0`);
    else {
      const ratio = lim.milliValue() / req.milliValue();
      if (ratio * 1000 > ratioMax.milliValue()) errs.push(`${k} max limit to request ratio per ${kind} is ${shown}, but provided ratio is ${ratio.toFixed(6)}`);
    }
  }
  return errs;
}

function quantities(list: Record<string, string | number> | undefined): Record<string, Quantity> {
  const out: Record<string, Quantity> = {};
  for (const [k, v] of Object.entries(list ?? {})) {
    const parsed = q(v);
    if (parsed) out[k] = parsed;
  }
  return out;
}

/** validateLimits is PodValidateLimitFunc: per-container items, then pod items on the sums. */
export function validateLimits(pod: Pod, items: LimitRangeItem[]): string[] {
  const errs: string[] = [];
  const containers = pod.spec?.containers ?? [];
  for (const item of items) {
    if (item.type === 'Container') {
      for (const c of [...containers, ...(pod.spec?.initContainers ?? [])]) {
        errs.push(...checkItem(item, 'Container', quantities(c.resources?.requests), quantities(c.resources?.limits)));
      }
    } else if (item.type === 'Pod') {
      const sum = (pick: (c: Container) => Record<string, string | number> | undefined) => {
        const out: Record<string, Quantity> = {};
        for (const c of containers) for (const [k, v] of Object.entries(quantities(pick(c)))) out[k] = out[k] ? out[k].add(v) : v;
        return out;
      };
      errs.push(...checkItem(item, 'Pod', sum((c) => c.resources?.requests), sum((c) => c.resources?.limits)));
    }
  }
  return errs;
}

/** limitRangerAdmission returns the plugin. */
export function limitRangerAdmission(server: ApiServer): AdmissionPlugin {
  return {
    name: 'LimitRanger',
    admit(attrs) {
      if (!isPodCreate(attrs)) return;
      const items = limitItems(server, attrs.namespace);
      if (items.length === 0) return;
      const pod = attrs.object as unknown as Pod;
      const notes = applyDefaults(pod, items);
      if (notes.length > 0) {
        const meta = (attrs.object as KubeObject).metadata;
        meta.annotations = { ...meta.annotations, [LIMIT_RANGER_ANNOTATION]: `LimitRanger plugin set: ${notes.join('; ')}` };
      }
    },
    validate(attrs) {
      if (!isPodCreate(attrs)) return;
      const items = limitItems(server, attrs.namespace);
      if (items.length === 0) return;
      const errs = validateLimits(attrs.object as unknown as Pod, items);
      if (errs.length === 1) throw forbiddenPod(attrs, errs[0]);
      if (errs.length > 1) throw forbiddenPod(attrs, `[${errs.join(', ')}]`);
    },
  };
}
