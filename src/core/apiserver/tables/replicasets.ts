/** ReplicaSet table (printReplicaSet in printers.go): NAME, DESIRED, CURRENT, READY, AGE (+ CONTAINERS, IMAGES, SELECTOR). */
import { age, containerCells, formatLabelSelector, int, type Dict } from './cells.ts';
import { ageColumn, column, containersColumn, imagesColumn, nameColumn, type TableDefinition } from './tableDefinition.ts';

/** replicaSetTable is the Table definition of apps/v1 replicasets. */
export const replicaSetTable: TableDefinition = {
  columns: [
    nameColumn,
    column('Desired', 'integer', 'Replicas is the number of desired pods. This is a pointer to distinguish between explicit zero and unspecified. Defaults to 1. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicaset'),
    column('Current', 'integer', 'Replicas is the most recently observed number of non-terminating pods. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicaset'),
    column('Ready', 'integer', 'The number of non-terminating pods targeted by this ReplicaSet with a Ready Condition.'),
    ageColumn,
    containersColumn,
    imagesColumn,
    column('Selector', 'string', 'Selector is a label query over pods that should match the replica count. Label keys and values that must match in order to be controlled by this replica set. It must match the pod template\'s labels. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors', { priority: 1 }),
  ],
  row(obj, now) {
    const rs = obj as Dict;
    const [containers, images] = containerCells(rs.spec?.template?.spec);
    return [
      obj.metadata.name,
      int(rs.spec?.replicas),
      int(rs.status?.replicas),
      int(rs.status?.readyReplicas),
      age(obj, now),
      containers,
      images,
      formatLabelSelector(rs.spec?.selector),
    ];
  },
};
