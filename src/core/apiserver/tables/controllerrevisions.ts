/** ControllerRevision table (printControllerRevision in printers.go): NAME, CONTROLLER, REVISION, AGE. */
import { age, type Dict } from './cells.ts';
import { ageColumn, column, nameColumn, type TableDefinition } from './tableDefinition.ts';

/** controllerRevisionTable is the Table definition of apps/v1 controllerrevisions. */
export const controllerRevisionTable: TableDefinition = {
  columns: [
    nameColumn,
    column('Controller', 'string', 'Controller of the object'),
    column('Revision', 'integer', 'Revision indicates the revision of the state represented by Data.'),
    ageColumn,
  ],
  row(obj, now) {
    const owner = (obj.metadata.ownerReferences ?? []).find((o) => o.controller);
    let controller = '<none>';
    if (owner) {
      // formatResourceName: lower-cased "Kind.group/name", group omitted for the core group.
      const slash = owner.apiVersion.indexOf('/');
      const group = slash < 0 ? '' : owner.apiVersion.slice(0, slash);
      controller = `${(group ? `${owner.kind}.${group}` : owner.kind).toLowerCase()}/${owner.name}`;
    }
    return [obj.metadata.name, controller, (obj as Dict).revision ?? 0, age(obj, now)];
  },
};
