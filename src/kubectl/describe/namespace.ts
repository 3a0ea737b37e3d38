/**
 * `kubectl describe namespace` (describe.go: describeNamespace,
 * DescribeResourceQuotas, DescribeLimitRanges).
 */
import type { LimitRange, Namespace, ResourceQuota } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../core/api/types.ts';
import { formatRFC1123Z } from './format.ts';
import { printAnnotationsMultiline, printLabelsMultiline } from './metaSections.ts';
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from './prefixWriter.ts';
import { canonicalQuantity } from './quantity.ts';
import type { DescribeContext } from './types.ts';

const SCOPE_HELP: Record<string, string> = {
  Terminating:
    'Matches all pods that have an active deadline. These pods have a limited lifespan on a node before being actively terminated by the system.',
  NotTerminating:
    'Matches all pods that do not have an active deadline. These pods usually include long running pods whose container command is not expected to terminate.',
  BestEffort:
    'Matches all pods that do not have resource requirements set. These pods have a best effort quality of service.',
  NotBestEffort:
    'Matches all pods that have at least one resource requirement set. These pods have a burstable or guaranteed quality of service.',
};

/** scopeHelp is helpTextForResourceQuotaScope: a sentence per well-known quota scope, "" otherwise. */
export function scopeHelp(scope: string): string {
  return SCOPE_HELP[scope] ?? '';
}

/** describeResourceQuotas writes every quota's Used/Hard table, or "No resource quota.". */
function describeResourceQuotas(quotas: ResourceQuota[], w: PrefixWriter): void {
  if (quotas.length === 0) {
    w.write(LEVEL_0, 'No resource quota.\n');
    return;
  }
  const sorted = [...quotas].sort((a, b) => ((a.metadata?.name ?? '') < (b.metadata?.name ?? '') ? -1 : 1));
  w.write(LEVEL_0, 'Resource Quotas\n');
  for (const q of sorted) {
    w.write(LEVEL_1, `Name:\t${q.metadata?.name ?? ''}\n`);
    const scopes = [...(q.spec?.scopes ?? [])].sort();
    if (scopes.length > 0) {
      w.write(LEVEL_1, `Scopes:\t${scopes.join(', ')}\n`);
      for (const scope of scopes) {
        const help = scopeHelp(scope);
        if (help) w.write(LEVEL_1, `* ${help}\n`);
      }
    }
    w.write(LEVEL_1, 'Resource\tUsed\tHard\n');
    w.write(LEVEL_1, '--------\t---\t---\n');
    const hard = q.status?.hard ?? {};
    for (const name of Object.keys(hard).sort()) {
      w.write(LEVEL_1, `${name}\t${canonicalQuantity(q.status?.used?.[name])}\t${canonicalQuantity(hard[name])}\n`);
    }
  }
}

/** describeLimitRangeSpec writes one row per limit type and resource; unset values print "-". */
export function describeLimitRangeSpec(limitRange: LimitRange, prefix: string, w: PrefixWriter): void {
  for (const item of limitRange.spec?.limits ?? []) {
    const names = new Set<string>();
    for (const list of [item.max, item.min, item.default, item.defaultRequest, item.maxLimitRequestRatio]) {
      for (const k of Object.keys(list ?? {})) names.add(k);
    }
    // NOTE: Go iterates a map here, so upstream order is random; we sort for stable output.
    for (const k of [...names].sort()) {
      const v = (list: Record<string, string | number> | undefined): string =>
        list?.[k] === undefined ? '-' : canonicalQuantity(list[k]);
      w.write(
        LEVEL_0,
        `${prefix}${item.type}\t${k}\t${v(item.min)}\t${v(item.max)}\t${v(item.defaultRequest)}\t${v(item.default)}\t${v(item.maxLimitRequestRatio)}\n`,
      );
    }
  }
}

/** describeLimitRanges merges the namespace's limit ranges into one table, or "No LimitRange resource.". */
function describeLimitRanges(limitRanges: LimitRange[], w: PrefixWriter): void {
  if (limitRanges.length === 0) {
    w.write(LEVEL_0, 'No LimitRange resource.\n');
    return;
  }
  w.write(LEVEL_0, 'Resource Limits\n Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n');
  w.write(LEVEL_0, ' ----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n');
  for (const lr of limitRanges) describeLimitRangeSpec(lr, ' ', w);
}

/** describeNamespace renders `kubectl describe namespace`. */
export function describeNamespace(obj: KubeObject, ctx: DescribeContext): string {
  const ns = obj as unknown as Namespace;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ns.metadata?.name ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', ns.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', ns.metadata?.annotations);
    w.write(LEVEL_0, `Status:\t${ns.status?.phase ?? ''}\n`);
    const conditions = ns.status?.conditions ?? [];
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n');
      w.write(LEVEL_1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t------------------\t------\t-------\n');
      for (const c of conditions) {
        w.write(LEVEL_1, `${c.type}\t${c.status}\t${formatRFC1123Z(c.lastTransitionTime)}\t${c.reason ?? ''}\t${c.message ?? ''}\n`);
      }
    }
    w.write(LEVEL_0, '\n');
    describeResourceQuotas(ctx.resourceQuotas ?? [], w);
    w.write(LEVEL_0, '\n');
    describeLimitRanges(ctx.limitRanges ?? [], w);
  });
}
