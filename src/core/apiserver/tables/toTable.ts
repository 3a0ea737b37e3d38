/**
 * toTable builds the meta.k8s.io/v1 Table the API server returns for
 * `Accept: application/json;as=Table;v=v1;g=meta.k8s.io`.
 *
 * Like the real server it always fills the wide (priority 1) cells, and each row carries
 * the object as PartialObjectMetadata unless `includeObject` asks for the full object
 * or none (the `includeObject` query parameter of meta/v1 TableOptions).
 */
import type { KubeObject } from '../../api/types.ts';
import type { Table, TableRow } from '../../api/table.ts';
import type { TableDefinition } from './tableDefinition.ts';

/** IncludeObject is meta/v1 IncludeObjectPolicy. */
export type IncludeObject = 'None' | 'Metadata' | 'Object';

/** toTable renders `objects` with `def` at time `now` (ms since epoch). */
export function toTable(
  def: TableDefinition,
  objects: readonly KubeObject[],
  now: number,
  options: { includeObject?: IncludeObject; resourceVersion?: string } = {},
): Table {
  const include = options.includeObject ?? 'Metadata';
  const rows: TableRow[] = objects.map((obj) => {
    const result = def.row(obj, now);
    const row: TableRow = Array.isArray(result) ? { cells: result } : { cells: result.cells };
    if (!Array.isArray(result) && result.conditions) row.conditions = result.conditions;
    if (include === 'Object') row.object = obj;
    else if (include === 'Metadata') row.object = { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: obj.metadata };
    return row;
  });
  const metadata: Table['metadata'] = {};
  if (options.resourceVersion !== undefined) metadata.resourceVersion = options.resourceVersion;
  return { kind: 'Table', apiVersion: 'meta.k8s.io/v1', metadata, columnDefinitions: def.columns, rows };
}
