/**
 * limitranges: core/v1 LimitRange (pkg/registry/core/limitrange). The defaulter is
 * SetDefaults_LimitRangeItem (pkg/apis/core/v1/defaults.go): for Container items a max
 * without a default becomes the default limit, a default limit without a default
 * request becomes the default request, and a min without a default request becomes it.
 * The LimitRanger admission plugin applies and enforces these (admission/limitRanger.ts).
 */
import type { KubeObject } from '../../api/types.ts';
import { define } from './define.ts';

type ResourceList = Record<string, string>;
/** LimitRangeItem is core/v1 LimitRangeItem. */
export interface LimitRangeItem {
  type: string;
  max?: ResourceList;
  min?: ResourceList;
  default?: ResourceList;
  defaultRequest?: ResourceList;
  maxLimitRequestRatio?: ResourceList;
}

/** defaultLimitRange applies SetDefaults_LimitRangeItem to every Container item. */
export function defaultLimitRange(obj: KubeObject): void {
  const spec = obj.spec as { limits?: LimitRangeItem[] } | undefined;
  for (const item of spec?.limits ?? []) {
    if (item.type !== 'Container') continue;
    const def = (item.default ??= {});
    const req = (item.defaultRequest ??= {});
    for (const [k, v] of Object.entries(item.max ?? {})) if (!(k in def)) def[k] = v;
    for (const [k, v] of Object.entries(def)) if (!(k in req)) req[k] = v;
    for (const [k, v] of Object.entries(item.min ?? {})) if (!(k in req)) req[k] = v;
  }
}

export const limitranges = define({
  group: '',
  version: 'v1',
  resource: 'limitranges',
  kind: 'LimitRange',
  namespaced: true,
  shortNames: ['limits'],
  defaulter: defaultLimitRange,
});
