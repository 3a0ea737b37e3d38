/** HorizontalPodAutoscaler table (printHorizontalPodAutoscaler in printers.go): NAME, REFERENCE, TARGETS, MINPODS, MAXPODS, REPLICAS, AGE. */
import { age, int, type Dict } from './cells.ts';
import { ageColumn, column, nameColumn, type TableDefinition } from './tableDefinition.ts';

/** formatHPAMetrics is the TARGETS cell, e.g. "cpu: 40%/80%", at most two metrics then "+ N more...". */
export function formatHPAMetrics(specs: Dict[] | undefined, statuses: Dict[] | undefined): string {
  if (!specs || specs.length === 0) return '<none>';
  const list: string[] = [];
  const st = statuses ?? [];
  specs.forEach((spec, i) => {
    const status: Dict | undefined = st[i];
    switch (spec.type) {
      case 'Resource':
      case 'ContainerResource': {
        const src: Dict = spec.type === 'Resource' ? spec.resource : spec.containerResource;
        const cur: Dict | undefined = spec.type === 'Resource' ? status?.resource : status?.containerResource;
        if (src?.target?.averageValue !== undefined) {
          list.push(`${src.name}: ${cur?.current?.averageValue ?? '<unknown>'}/${src.target.averageValue}`);
        } else {
          const current = typeof cur?.current?.averageUtilization === 'number' ? `${cur.current.averageUtilization}%` : '<unknown>';
          const target = typeof src?.target?.averageUtilization === 'number' ? `${src.target.averageUtilization}%` : '<auto>';
          list.push(`${src?.name}: ${current}/${target}`);
        }
        break;
      }
      case 'Pods':
        list.push(`${status?.pods?.current?.averageValue ?? '<unknown>'}/${spec.pods?.target?.averageValue}`);
        break;
      case 'External':
      case 'Object': {
        const key = spec.type === 'External' ? 'external' : 'object';
        const target: Dict = spec[key]?.target ?? {};
        if (target.averageValue !== undefined) {
          list.push(`${status?.[key]?.current?.averageValue ?? '<unknown>'}/${target.averageValue} (avg)`);
        } else {
          list.push(`${status?.[key]?.current?.value ?? '<unknown>'}/${target.value}`);
        }
        break;
      }
      default:
        list.push('<unknown type>');
    }
  });
  if (list.length > 2) return `${list.slice(0, 2).join(', ')} + ${list.length - 2} more...`;
  return list.join(', ');
}

/** hpaTable is the Table definition of autoscaling/v2 horizontalpodautoscalers. */
export const hpaTable: TableDefinition = {
  columns: [
    nameColumn,
    column('Reference', 'string', 'reference to scaled resource; horizontal pod autoscaler will learn the current resource consumption and will set the desired number of pods by using its Scale subresource.'),
    column('Targets', 'string', 'metrics contains the specifications for which to use to calculate the desired replica count (the maximum replica count across all metrics will be used).'),
    column('MinPods', 'string', 'minReplicas is the lower limit for the number of replicas to which the autoscaler can scale down.'),
    column('MaxPods', 'integer', 'maxReplicas is the upper limit for the number of replicas to which the autoscaler can scale up.'),
    column('Replicas', 'integer', 'currentReplicas is current number of replicas of pods managed by this autoscaler, as last seen by the autoscaler.'),
    ageColumn,
  ],
  row: (obj, now) => {
    const hpa = obj as Dict;
    const ref: Dict = hpa.spec?.scaleTargetRef ?? {};
    return [
      obj.metadata.name,
      `${ref.kind ?? ''}/${ref.name ?? ''}`,
      formatHPAMetrics(hpa.spec?.metrics, hpa.status?.currentMetrics),
      typeof hpa.spec?.minReplicas === 'number' ? String(hpa.spec.minReplicas) : '<unset>',
      int(hpa.spec?.maxReplicas),
      int(hpa.status?.currentReplicas),
      age(obj, now),
    ];
  },
};
