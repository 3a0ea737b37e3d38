/**
 * Table definitions by resource: the API server's lookup from "group/resource" to the
 * printers.go handler that fills `kubectl get` columns. Kinds without a handler fall
 * back to NAME, AGE (what custom resources show).
 */
import { builtinTables } from './builtinTables.ts';
import { nameAgeTable } from './fallback.ts';
import type { TableDefinition } from './tableDefinition.ts';

export type { TableDefinition, RowResult } from './tableDefinition.ts';
export { toTable, type IncludeObject } from './toTable.ts';
export { nameAgeTable, defaultTable } from './fallback.ts';

/** TABLE_DEFINITIONS maps "group/resource" ("/pods" for the core group) to its table definition. */
export const TABLE_DEFINITIONS: ReadonlyMap<string, TableDefinition> = builtinTables;

/** tableDefinitionFor returns the table definition of a resource, or the NAME/AGE fallback. */
export function tableDefinitionFor(group: string, resource: string): TableDefinition {
  return TABLE_DEFINITIONS.get(`${group}/${resource}`) ?? nameAgeTable;
}
