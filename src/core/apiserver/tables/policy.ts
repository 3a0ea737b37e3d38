/** Policy and scheduling tables from printers.go: poddisruptionbudgets, priorityclasses, resourcequotas, limitranges. */
import type { KubeObject } from '../../api/types.ts';
import { age, int, type Dict } from './cells.ts';
import { AGE_DESCRIPTION, ageColumn, column, nameColumn, type TableDefinition } from './tableDefinition.ts';

/** createdAt renders creationTimestamp in RFC 3339 UTC, as the "Created At" columns do. */
export function createdAt(obj: KubeObject): string {
  const ts = obj.metadata.creationTimestamp;
  const t = ts ? Date.parse(ts) : NaN;
  if (Number.isNaN(t)) return '0001-01-01T00:00:00Z';
  return new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** createdAtColumn is the "Created At" column used by roles, limitranges and the default convertor. */
export const createdAtColumn = column('Created At', 'date', AGE_DESCRIPTION);

/** pdbTable: NAME, MIN AVAILABLE, MAX UNAVAILABLE, ALLOWED DISRUPTIONS, AGE ("N/A" when unset). */
export const pdbTable: TableDefinition = {
  columns: [
    nameColumn,
    column('Min Available', 'string', 'The minimum number of pods that must be available.'),
    column('Max Unavailable', 'string', 'The maximum number of pods that may be unavailable.'),
    column('Allowed Disruptions', 'integer', 'Calculated number of pods that may be disrupted at this time.'),
    ageColumn,
  ],
  row: (obj, now) => {
    const pdb = obj as Dict;
    const show = (v: unknown) => (v === undefined || v === null ? 'N/A' : String(v));
    return [obj.metadata.name, show(pdb.spec?.minAvailable), show(pdb.spec?.maxUnavailable), int(pdb.status?.disruptionsAllowed), age(obj, now)];
  },
};

/** priorityClassTable: NAME, VALUE, GLOBAL-DEFAULT, AGE, PREEMPTIONPOLICY. */
export const priorityClassTable: TableDefinition = {
  columns: [
    nameColumn,
    column('Value', 'integer', 'value represents the integer value of this priority class. This is the actual priority that pods receive when they have the name of this class in their pod spec.'),
    column('Global-Default', 'boolean', 'globalDefault specifies whether this PriorityClass should be considered as the default priority for pods that do not have any priority class. Only one PriorityClass can be marked as `globalDefault`. However, if more than one PriorityClasses exists with their `globalDefault` field set to true, the smallest value of such global default PriorityClasses will be used as the default priority.'),
    ageColumn,
    column('PreemptionPolicy', 'string', 'preemptionPolicy is the Policy for preempting pods with lower priority. One of Never, PreemptLowerPriority. Defaults to PreemptLowerPriority if unset.'),
  ],
  row: (obj, now) => {
    const pc = obj as Dict;
    return [obj.metadata.name, int(pc.value), pc.globalDefault === true, age(obj, now), pc.preemptionPolicy ?? ''];
  },
};

/** resourceQuotaTable: NAME, AGE, REQUEST, LIMIT ("resource: used/hard" pairs; limits.* go to LIMIT). */
export const resourceQuotaTable: TableDefinition = {
  columns: [
    nameColumn,
    ageColumn,
    column('Request', 'string', 'Request represents a minimum amount of cpu/memory that a container may consume.'),
    column('Limit', 'string', 'Limits control the maximum amount of cpu/memory that a container may use independent of contention on the node.'),
  ],
  row: (obj, now) => {
    const rq = obj as Dict;
    const hard: Record<string, string> = rq.status?.hard ?? {};
    const used: Record<string, string> = rq.status?.used ?? {};
    const request: string[] = [];
    const limit: string[] = [];
    for (const resource of Object.keys(hard).sort()) {
      const text = `${resource}: ${used[resource] ?? '0'}/${hard[resource]}`;
      const pieces = resource.split('.');
      (pieces.length > 1 && pieces[0] === 'limits' ? limit : request).push(text);
    }
    return [obj.metadata.name, age(obj, now), request.join(', '), limit.join(', ')];
  },
};

/** limitRangeTable: NAME, CREATED AT. */
export const limitRangeTable: TableDefinition = {
  columns: [nameColumn, createdAtColumn],
  row: (obj) => [obj.metadata.name, createdAt(obj)],
};
