/** RBAC tables from printers.go: roles and clusterroles (NAME, CREATED AT), rolebindings and clusterrolebindings. */
import { age, type Dict } from './cells.ts';
import { createdAt, createdAtColumn } from './policy.ts';
import { ageColumn, column, nameColumn, type TableDefinition } from './tableDefinition.ts';

/** roleTable serves both roles and clusterroles. */
export const roleTable: TableDefinition = {
  columns: [nameColumn, createdAtColumn],
  row: (obj) => [obj.metadata.name, createdAt(obj)],
};

/** roleBindingTable serves both rolebindings and clusterrolebindings: NAME, ROLE, AGE (+ USERS, GROUPS, SERVICEACCOUNTS). */
export const roleBindingTable: TableDefinition = {
  columns: [
    nameColumn,
    column('Role', 'string', 'Role reference of the binding'),
    ageColumn,
    column('Users', 'string', 'Users in the binding', { priority: 1 }),
    column('Groups', 'string', 'Groups in the binding', { priority: 1 }),
    column('ServiceAccounts', 'string', 'ServiceAccounts in the binding', { priority: 1 }),
  ],
  row: (obj, now) => {
    const rb = obj as Dict;
    const subjects: Dict[] = rb.subjects ?? [];
    const of = (kind: string) => subjects.filter((s) => s.kind === kind);
    return [
      obj.metadata.name,
      `${rb.roleRef?.kind ?? ''}/${rb.roleRef?.name ?? ''}`,
      age(obj, now),
      of('User').map((s) => s.name).join(', '),
      of('Group').map((s) => s.name).join(', '),
      of('ServiceAccount').map((s) => `${s.namespace ?? ''}:${s.name}`).join(', '),
    ];
  },
};
