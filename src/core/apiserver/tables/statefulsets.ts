/** StatefulSet table (printStatefulSet in printers.go): NAME, READY, AGE (+ CONTAINERS, IMAGES). */
import { age, containerCells, int, type Dict } from './cells.ts';
import { ageColumn, column, containersColumn, imagesColumn, nameColumn, type TableDefinition } from './tableDefinition.ts';

/** statefulSetTable is the Table definition of apps/v1 statefulsets. */
export const statefulSetTable: TableDefinition = {
  columns: [nameColumn, column('Ready', 'string', 'Number of the pod with ready state'), ageColumn, containersColumn, imagesColumn],
  row(obj, now) {
    const s = obj as Dict;
    const [containers, images] = containerCells(s.spec?.template?.spec);
    return [obj.metadata.name, `${int(s.status?.readyReplicas)}/${int(s.spec?.replicas)}`, age(obj, now), containers, images];
  },
};
