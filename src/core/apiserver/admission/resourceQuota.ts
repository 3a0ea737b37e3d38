/**
 * ResourceQuota admission (plugin/pkg/admission/resourcequota, pkg/quota/v1): a create
 * that would take a namespace over a ResourceQuota's spec.hard is refused
 * (`exceeded quota: compute, requested: pods=1, used: pods=2, limited: pods=2`), and a
 * pod that does not set a compute resource the quota tracks is refused too
 * (`failed quota: compute: must specify limits.cpu for: nginx`). Usage is computed
 * live from storage rather than read from status, so it is never stale.
 */
import { forbidden } from '../../api/status.ts';
import { parseQuantity, type Quantity } from '../../api/quantity.ts';
import { missingComputeResources, namespaceUsage, objectUsage, type ResourceList } from '../../api/quotaUsage.ts';
import type { KubeObject, Pod } from '../../api/types.ts';
import type { AdmissionAttributes, AdmissionPlugin } from '../admission.ts';
import type { ApiServer } from '../apiserver.ts';
import { resourceKey } from '../resource.ts';

function prettyPrint(list: Record<string, Quantity>): string {
  return Object.keys(list)
    .sort()
    .map((k) => `${k}=${list[k].toString()}`)
    .join(',');
}

function refuse(attrs: AdmissionAttributes, why: string) {
  const meta = attrs.object?.metadata;
  return forbidden(attrs.resource.group, attrs.resource.resource, meta?.name || meta?.generateName || '', why);
}

/** resourceQuotaAdmission returns the plugin. */
export function resourceQuotaAdmission(server: ApiServer): AdmissionPlugin {
  const served = (resource: string, group: string) => server.resources().find((d) => d.resource === resource && d.group === group);
  const lister = (namespace: string) => (resource: string, group: string) => {
    const def = served(resource, group);
    return def ? (server.store.list(resourceKey(def), namespace).items as KubeObject[]) : [];
  };
  return {
    name: 'ResourceQuota',
    validate(attrs) {
      if (attrs.operation !== 'CREATE' || attrs.subresource !== '' || !attrs.object || !attrs.resource.namespaced) return;
      if (!server.serves('', 'resourcequotas')) return;
      const quotas = server.store.list('resourcequotas', attrs.namespace).items as KubeObject[];
      const { group, resource } = attrs.resource;
      const isPod = !group && resource === 'pods';
      for (const quota of quotas.sort((a, b) => (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''))) {
        const hard = ((quota.spec as { hard?: ResourceList } | undefined)?.hard ?? {}) as ResourceList;
        const delta = objectUsage(resource, group, attrs.object, hard);
        if (Object.keys(delta).length === 0) continue;
        if (isPod) {
          const missing = missingComputeResources(attrs.object as unknown as Pod, hard);
          if (missing.size > 0) {
            const parts = [...missing.keys()].sort().map((k) => `${k} for: ${missing.get(k)!.join(',')}`);
            throw refuse(attrs, `failed quota: ${quota.metadata.name}: must specify ${parts.join('; ')}`);
          }
        }
        const used = namespaceUsage(lister(attrs.namespace), hard, server.clock.now());
        const requested: Record<string, Quantity> = {};
        const failedUsed: Record<string, Quantity> = {};
        const limited: Record<string, Quantity> = {};
        for (const [k, v] of Object.entries(delta)) {
          const hardQ = parseOr(hard[k]);
          if (!hardQ) continue;
          const current = used[k];
          const total = current ? current.add(v) : v;
          if (total.cmp(hardQ) > 0) {
            requested[k] = v;
            failedUsed[k] = current ?? v.sub(v);
            limited[k] = hardQ;
          }
        }
        if (Object.keys(requested).length > 0) {
          throw refuse(attrs, `exceeded quota: ${quota.metadata.name}, requested: ${prettyPrint(requested)}, used: ${prettyPrint(failedUsed)}, limited: ${prettyPrint(limited)}`);
        }
      }
    },
  };
}

function parseOr(v: string | undefined): Quantity | undefined {
  if (v === undefined) return undefined;
  try {
    return parseQuantity(v);
  } catch {
    return undefined;
  }
}
