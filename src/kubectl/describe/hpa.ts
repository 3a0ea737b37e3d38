/**
 * `kubectl describe hpa` for autoscaling/v2 objects (describe.go:
 * describeHorizontalPodAutoscalerV2, printDirectionBehavior).
 */
import type { HPAScalingRules, HorizontalPodAutoscaler } from 'kubernetes-types/autoscaling/v2';
import type { KubeObject } from '../../core/api/types.ts';
import { describeEvents } from './events.ts';
import { formatRFC1123Z } from './format.ts';
import { printAnnotationsMultiline, printLabelsMultiline } from './metaSections.ts';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, tabbedString, type PrefixWriter } from './prefixWriter.ts';
import { canonicalQuantity } from './quantity.ts';
import type { DescribeContext } from './types.ts';

const q = (v: string | number | undefined): string => canonicalQuantity(v);

/** printDirectionBehavior writes one of the Scale Up / Scale Down behaviour blocks. */
function printDirectionBehavior(w: PrefixWriter, direction: string, rules: HPAScalingRules | undefined): void {
  if (!rules) return;
  w.write(LEVEL_1, `${direction}:\n`);
  if (rules.stabilizationWindowSeconds !== undefined) {
    w.write(LEVEL_2, `Stabilization Window: ${rules.stabilizationWindowSeconds} seconds\n`);
  }
  if ((rules.policies ?? []).length > 0) {
    w.write(LEVEL_2, `Select Policy: ${rules.selectPolicy ?? 'Max'}\n`);
    w.write(LEVEL_2, 'Policies:\n');
    for (const p of rules.policies!) {
      w.write(LEVEL_3, `- Type: ${p.type}\tValue: ${p.value}\tPeriod: ${p.periodSeconds} seconds\n`);
    }
  }
}

/** describeHorizontalPodAutoscaler renders `kubectl describe hpa` (metrics as "current / target"). */
export function describeHorizontalPodAutoscaler(obj: KubeObject, ctx: DescribeContext): string {
  const hpa = obj as unknown as HorizontalPodAutoscaler;
  const spec = hpa.spec ?? { maxReplicas: 0, scaleTargetRef: { kind: '', name: '' } };
  const current = hpa.status?.currentMetrics ?? [];
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${hpa.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${hpa.metadata?.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', hpa.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', hpa.metadata?.annotations);
    w.write(LEVEL_0, `CreationTimestamp:\t${formatRFC1123Z(hpa.metadata?.creationTimestamp)}\n`);
    w.write(LEVEL_0, `Reference:\t${spec.scaleTargetRef.kind}/${spec.scaleTargetRef.name}\n`);
    w.write(LEVEL_0, 'Metrics:\t( current / target )\n');
    (spec.metrics ?? []).forEach((metric, i) => {
      const cur = current[i];
      if (metric.type === 'Resource' && metric.resource) {
        const target = metric.resource.target;
        w.write(LEVEL_1, `resource ${metric.resource.name} on pods`);
        if (target.averageValue !== undefined) {
          const value = cur?.resource ? q(cur.resource.current.averageValue) : '<unknown>';
          w.write(LEVEL_0, `:\t${value} / ${q(target.averageValue)}\n`);
        } else {
          const c = cur?.resource?.current;
          const value =
            c && c.averageUtilization !== undefined ? `${c.averageUtilization}% (${q(c.averageValue)})` : '<unknown>';
          const t = target.averageUtilization !== undefined ? `${target.averageUtilization}%` : '<auto>';
          w.write(LEVEL_1, `(as a percentage of request):\t${value} / ${t}\n`);
        }
      } else if (metric.type === 'Pods' && metric.pods) {
        const value = cur?.pods ? q(cur.pods.current.averageValue) : '<unknown>';
        w.write(LEVEL_1, `${JSON.stringify(metric.pods.metric.name)} on pods:\t${value} / ${q(metric.pods.target.averageValue)}\n`);
      } else {
        w.write(LEVEL_1, `<unknown metric type ${JSON.stringify(metric.type)}>\n`);
      }
    });
    w.write(LEVEL_0, `Min replicas:\t${spec.minReplicas ?? '<unset>'}\n`);
    w.write(LEVEL_0, `Max replicas:\t${spec.maxReplicas}\n`);
    if (spec.behavior) {
      w.write(LEVEL_0, 'Behavior:\n');
      printDirectionBehavior(w, 'Scale Up', spec.behavior.scaleUp);
      printDirectionBehavior(w, 'Scale Down', spec.behavior.scaleDown);
    }
    w.write(LEVEL_0, `${spec.scaleTargetRef.kind} pods:\t`);
    w.write(LEVEL_0, `${hpa.status?.currentReplicas ?? 0} current / ${hpa.status?.desiredReplicas ?? 0} desired\n`);
    const conditions = hpa.status?.conditions ?? [];
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n');
      w.write(LEVEL_1, 'Type\tStatus\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t------\t-------\n');
      for (const c of conditions) w.write(LEVEL_1, `${c.type}\t${c.status}\t${c.reason ?? ''}\t${c.message ?? ''}\n`);
    }
    if (ctx.events) describeEvents(ctx.events, w, ctx.now);
  });
}
