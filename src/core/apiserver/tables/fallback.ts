/**
 * Fallback tables for resources without a printers.go handler.
 *
 * `nameAgeTable` is what custom resources print without additionalPrinterColumns (NAME, AGE);
 * `defaultTable` is the registry's DefaultTableConvertor (NAME, CREATED AT) from
 * staging/src/k8s.io/apiserver/pkg/registry/rest/table.go.
 */
import { age } from './cells.ts';
import { createdAt, createdAtColumn } from './policy.ts';
import { ageColumn, nameColumn, type TableDefinition } from './tableDefinition.ts';

/** nameAgeTable: NAME, AGE. */
export const nameAgeTable: TableDefinition = {
  columns: [nameColumn, ageColumn],
  row: (obj, now) => [obj.metadata.name, age(obj, now)],
};

/** defaultTable: NAME, CREATED AT. */
export const defaultTable: TableDefinition = {
  columns: [nameColumn, createdAtColumn],
  row: (obj) => [obj.metadata.name, createdAt(obj)],
};
