/** Deployment table (printDeployment in printers.go): NAME, READY, UP-TO-DATE, AVAILABLE, AGE (+ CONTAINERS, IMAGES, SELECTOR). */
import { age, containerCells, int, labelSelectorString, type Dict } from './cells.ts';
import { ageColumn, column, containersColumn, imagesColumn, nameColumn, type TableDefinition } from './tableDefinition.ts';

/** deploymentTable is the Table definition of apps/v1 deployments. */
export const deploymentTable: TableDefinition = {
  columns: [
    nameColumn,
    column('Ready', 'string', 'Number of the pod with ready state'),
    column('Up-to-date', 'integer', 'Total number of non-terminated pods targeted by this deployment that have the desired template spec.'),
    column('Available', 'integer', 'Total number of available pods (ready for at least minReadySeconds) targeted by this deployment.'),
    ageColumn,
    containersColumn,
    imagesColumn,
    column('Selector', 'string', 'Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment.', { priority: 1 }),
  ],
  row(obj, now) {
    const d = obj as Dict;
    const [containers, images] = containerCells(d.spec?.template?.spec);
    return [
      obj.metadata.name,
      `${int(d.status?.readyReplicas)}/${int(d.spec?.replicas)}`,
      int(d.status?.updatedReplicas),
      int(d.status?.availableReplicas),
      age(obj, now),
      containers,
      images,
      // NOTE: deployments print selector.String() without the "<none>" fallback.
      labelSelectorString(d.spec?.selector),
    ];
  },
};
