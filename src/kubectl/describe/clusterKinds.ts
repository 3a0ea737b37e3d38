/**
 * Describers for small cluster-level kinds (describe.go: describeStorageClass,
 * describePriorityClass, describeIngressClassV1, describeQuota, describeLimitRange,
 * describePodDisruptionBudgetV1).
 */
import type { LimitRange, ResourceQuota } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { PriorityClass } from 'kubernetes-types/scheduling/v1';
import type { IngressClass } from 'kubernetes-types/networking/v1';
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import type { KubeObject } from '../../core/api/types.ts';
import { describeEvents } from './events.ts';
import { formatLabelSelector, formatLabels, intOrString } from './format.ts';
import { printAnnotationsMultiline, printLabelsMultiline } from './metaSections.ts';
import { describeLimitRangeSpec, scopeHelp } from './namespace.ts';
import { LEVEL_0, LEVEL_1, LEVEL_2, tabbedString } from './prefixWriter.ts';
import { Quantity, parseQuantity, quantityToString, quantityValue, ZERO_QUANTITY } from './quantity.ts';
import type { DescribeContext } from './types.ts';

/** isDefaultClassText is storageutil.IsDefaultAnnotationText: "Yes" when either default-class annotation is "true". */
function isDefaultClassText(annotations: Record<string, string> | undefined): string {
  return annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true' ||
    annotations?.['storageclass.beta.kubernetes.io/is-default-class'] === 'true'
    ? 'Yes'
    : 'No';
}

/** describeStorageClass renders `kubectl describe storageclass`. */
export function describeStorageClass(obj: KubeObject, ctx: DescribeContext): string {
  const sc = obj as unknown as StorageClass;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${sc.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `IsDefaultClass:\t${isDefaultClassText(sc.metadata?.annotations)}\n`);
    w.write(LEVEL_0, `Annotations:\t${formatLabels(sc.metadata?.annotations)}\n`);
    w.write(LEVEL_0, `Provisioner:\t${sc.provisioner}\n`);
    w.write(LEVEL_0, `Parameters:\t${formatLabels(sc.parameters)}\n`);
    const expand = sc.allowVolumeExpansion;
    w.write(LEVEL_0, `AllowVolumeExpansion:\t${expand === undefined ? '<unset>' : expand ? 'True' : 'False'}\n`);
    if ((sc.mountOptions ?? []).length === 0) {
      w.write(LEVEL_0, 'MountOptions:\t<none>\n');
    } else {
      w.write(LEVEL_0, 'MountOptions:\n');
      for (const option of sc.mountOptions!) w.write(LEVEL_1, `${option}\n`);
    }
    if (sc.reclaimPolicy) w.write(LEVEL_0, `ReclaimPolicy:\t${sc.reclaimPolicy}\n`);
    if (sc.volumeBindingMode) w.write(LEVEL_0, `VolumeBindingMode:\t${sc.volumeBindingMode}\n`);
    if (ctx.events) describeEvents(ctx.events, w, ctx.now);
  });
}

/** describePriorityClass renders `kubectl describe priorityclass`. */
export function describePriorityClass(obj: KubeObject, ctx: DescribeContext): string {
  const pc = obj as unknown as PriorityClass;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${pc.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Value:\t${pc.value}\n`);
    w.write(LEVEL_0, `GlobalDefault:\t${pc.globalDefault === true}\n`);
    w.write(LEVEL_0, `PreemptionPolicy:\t${pc.preemptionPolicy ?? ''}\n`);
    w.write(LEVEL_0, `Description:\t${pc.description ?? ''}\n`);
    w.write(LEVEL_0, `Annotations:\t${formatLabels(pc.metadata?.annotations)}\n`);
    if (ctx.events) describeEvents(ctx.events, w, ctx.now);
  });
}

/** describeIngressClass renders `kubectl describe ingressclass`. */
export function describeIngressClass(obj: KubeObject, ctx: DescribeContext): string {
  const ic = obj as unknown as IngressClass;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ic.metadata?.name ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', ic.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', ic.metadata?.annotations);
    w.write(LEVEL_0, `Controller:\t${ic.spec?.controller ?? ''}\n`);
    const params = ic.spec?.parameters;
    if (params) {
      w.write(LEVEL_0, 'Parameters:\n');
      if (params.apiGroup) w.write(LEVEL_1, `APIGroup:\t${params.apiGroup}\n`);
      w.write(LEVEL_1, `Kind:\t${params.kind}\n`);
      w.write(LEVEL_1, `Name:\t${params.name}\n`);
    }
    if (ctx.events) describeEvents(ctx.events, w, ctx.now);
  });
}

/** describeResourceQuota renders `kubectl describe quota`; a used value is re-expressed in its hard value's format. */
export function describeResourceQuota(obj: KubeObject, _ctx: DescribeContext): string {
  const rq = obj as unknown as ResourceQuota;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${rq.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${rq.metadata?.namespace ?? ''}\n`);
    const scopes = [...(rq.spec?.scopes ?? [])].sort();
    if (scopes.length > 0) {
      w.write(LEVEL_0, `Scopes:\t${scopes.join(', ')}\n`);
      for (const scope of scopes) {
        const help = scopeHelp(scope);
        if (help) w.write(LEVEL_0, ` * ${help}\n`);
      }
    }
    w.write(LEVEL_0, 'Resource\tUsed\tHard\n');
    w.write(LEVEL_0, '--------\t----\t----\n');
    const hard = rq.status?.hard ?? {};
    for (const name of Object.keys(hard).sort()) {
      const h = parseQuantity(hard[name]!);
      const raw = rq.status?.used?.[name];
      let used = raw === undefined ? ZERO_QUANTITY : parseQuantity(raw);
      if (raw === undefined || used.format !== h.format) {
        used = Quantity.fromValue(quantityValue(used), h.format);
      }
      w.write(LEVEL_0, `${name}\t${quantityToString(used)}\t${quantityToString(h)}\n`);
    }
  });
}

/** describeLimitRange renders `kubectl describe limitrange`. */
export function describeLimitRange(obj: KubeObject, _ctx: DescribeContext): string {
  const lr = obj as unknown as LimitRange;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${lr.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${lr.metadata?.namespace ?? ''}\n`);
    w.write(LEVEL_0, 'Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n');
    w.write(LEVEL_0, '----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n');
    describeLimitRangeSpec(lr, '', w);
  });
}

/** describePodDisruptionBudget renders `kubectl describe pdb`. */
export function describePodDisruptionBudget(obj: KubeObject, ctx: DescribeContext): string {
  const pdb = obj as unknown as PodDisruptionBudget;
  const spec = pdb.spec ?? {};
  const status = pdb.status;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${pdb.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${pdb.metadata?.namespace ?? ''}\n`);
    if (spec.minAvailable !== undefined) w.write(LEVEL_0, `Min available:\t${intOrString(spec.minAvailable)}\n`);
    else if (spec.maxUnavailable !== undefined) w.write(LEVEL_0, `Max unavailable:\t${intOrString(spec.maxUnavailable)}\n`);
    w.write(LEVEL_0, `Selector:\t${spec.selector ? formatLabelSelector(spec.selector) : '<unset>'}\n`);
    w.write(LEVEL_0, 'Status:\n');
    w.write(LEVEL_2, `Allowed disruptions:\t${status?.disruptionsAllowed ?? 0}\n`);
    w.write(LEVEL_2, `Current:\t${status?.currentHealthy ?? 0}\n`);
    w.write(LEVEL_2, `Desired:\t${status?.desiredHealthy ?? 0}\n`);
    w.write(LEVEL_2, `Total:\t${status?.expectedPods ?? 0}\n`);
    if (ctx.events) describeEvents(ctx.events, w, ctx.now);
  });
}
