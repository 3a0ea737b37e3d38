/**
 * TableDefinition: how the API server prints one resource as Table rows.
 *
 * Models a printers.go handler: a fixed list of column definitions and a function that
 * turns one object into cells. Like the real API server we always generate the wide
 * cells (priority 1 columns); kubectl decides whether to show them.
 */
import type { KubeObject } from '../../api/types.ts';
import type { TableColumnDefinition, TableRowCondition } from '../../api/table.ts';

/** RowResult is what a row function returns when it needs row conditions as well as cells. */
export interface RowResult {
  cells: unknown[];
  conditions?: TableRowCondition[];
}

/** TableDefinition pairs column definitions with the row function that fills them. */
export interface TableDefinition {
  columns: TableColumnDefinition[];
  /** row returns the cells of `obj` at time `now` (ms since epoch), in column order. */
  row(obj: KubeObject, now: number): unknown[] | RowResult;
}

/** column builds a TableColumnDefinition with upstream defaults (format "", priority 0). */
export function column(
  name: string,
  type: string,
  description: string,
  extra: { format?: string; priority?: number } = {},
): TableColumnDefinition {
  return { name, type, format: extra.format ?? '', description, priority: extra.priority ?? 0 };
}

/** NAME_DESCRIPTION is metav1.ObjectMeta{}.SwaggerDoc()["name"], used by every Name column. */
export const NAME_DESCRIPTION =
  'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names';

/** AGE_DESCRIPTION is metav1.ObjectMeta{}.SwaggerDoc()["creationTimestamp"], used by every Age column. */
export const AGE_DESCRIPTION =
  'CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata';

/** nameColumn is the first column of almost every table. */
export const nameColumn = column('Name', 'string', NAME_DESCRIPTION, { format: 'name' });

/** ageColumn is the AGE column of almost every table. */
export const ageColumn = column('Age', 'string', AGE_DESCRIPTION);

/** containersColumn and imagesColumn are the wide columns of workload tables. */
export const containersColumn = column('Containers', 'string', 'Names of each container in the template.', {
  priority: 1,
});
/** imagesColumn lists the images of each container in the template (wide). */
export const imagesColumn = column('Images', 'string', 'Images referenced by each container in the template.', {
  priority: 1,
});
