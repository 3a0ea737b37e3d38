/**
 * NodeMetrics and PodMetrics tables, as metrics-server converts them (pkg/api/table.go
 * addNodeMetricsToTable, addPodMetricsToTable): NAME, one column per usage resource in sorted
 * order (cpu, memory; a pod's usage summed over its containers, printed as canonical
 * quantities: "20m", "40Mi") and WINDOW. There is no AGE column.
 */
import { Quantity } from '../../api/quantity.ts';
import type { KubeObject } from '../../api/types.ts';
import { column, type TableDefinition } from './tableDefinition.ts';

type Usage = Record<string, string>;

const columns = [
  column('Name', 'string', 'Name of the resource', { format: 'name' }),
  column('cpu', 'string', '', { format: 'quantity' }),
  column('memory', 'string', '', { format: 'quantity' }),
  column('Window', 'string', '', { format: 'duration' }),
];

function sum(usages: readonly Usage[], resource: string): string {
  return usages.reduce((q, u) => q.add(Quantity.parse(u[resource] ?? '0')), Quantity.parse('0')).toString();
}

function cells(obj: KubeObject, usages: readonly Usage[]): unknown[] {
  return [obj.metadata.name, sum(usages, 'cpu'), sum(usages, 'memory'), (obj as unknown as { window?: string }).window ?? ''];
}

/** nodeMetricsTable prints metrics.k8s.io nodes. */
export const nodeMetricsTable: TableDefinition = {
  columns,
  row: (obj) => cells(obj, [(obj as unknown as { usage?: Usage }).usage ?? {}]),
};

/** podMetricsTable prints metrics.k8s.io pods. */
export const podMetricsTable: TableDefinition = {
  columns,
  row: (obj) => cells(obj, ((obj as unknown as { containers?: { usage?: Usage }[] }).containers ?? []).map((c) => c.usage ?? {})),
};
