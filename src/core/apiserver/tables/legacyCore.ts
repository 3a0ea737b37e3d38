/**
 * Tables of the older core/v1 kinds from printers.go: replicationcontrollers
 * (printReplicationController), podtemplates (printPodTemplate) and componentstatuses
 * (printComponentStatus).
 */
import { age, containerCells, formatLabels, int, type Dict } from './cells.ts';
import { ageColumn, column, containersColumn, imagesColumn, nameColumn, type TableDefinition } from './tableDefinition.ts';

/** replicationControllerTable: NAME, DESIRED, CURRENT, READY, AGE (+ CONTAINERS, IMAGES, SELECTOR). */
export const replicationControllerTable: TableDefinition = {
  columns: [
    nameColumn,
    column('Desired', 'integer', 'Replicas is the number of desired replicas. This is a pointer to distinguish between explicit zero and unspecified. Defaults to 1. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller#what-is-a-replicationcontroller'),
    column('Current', 'integer', 'Replicas is the most recently observed number of replicas. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller#what-is-a-replicationcontroller'),
    column('Ready', 'integer', 'The number of ready replicas for this replication controller.'),
    ageColumn,
    containersColumn,
    imagesColumn,
    column('Selector', 'string', 'Selector is a label query over pods that should match the Replicas count. If Selector is empty, it is defaulted to the labels present on the Pod template. Label keys and values that must match in order to be controlled by this replication controller, if empty defaulted to labels on Pod template. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors', { priority: 1 }),
  ],
  row(obj, now) {
    const rc = obj as Dict;
    const [containers, images] = containerCells(rc.spec?.template?.spec);
    return [obj.metadata.name, int(rc.spec?.replicas), int(rc.status?.replicas), int(rc.status?.readyReplicas), age(obj, now), containers, images, formatLabels(rc.spec?.selector)];
  },
};

/** podTemplateTable: NAME, CONTAINERS, IMAGES, POD LABELS. */
export const podTemplateTable: TableDefinition = {
  columns: [
    nameColumn,
    column('Containers', 'string', 'Names of each container in the template.'),
    column('Images', 'string', 'Images referenced by each container in the template.'),
    column('Pod Labels', 'string', 'The labels for the pod template.'),
  ],
  row(obj) {
    const pt = obj as Dict;
    const [containers, images] = containerCells(pt.template?.spec);
    return [obj.metadata.name, containers, images, formatLabels(pt.template?.metadata?.labels)];
  },
};

/** componentStatusTable: NAME, STATUS, MESSAGE, ERROR from the Healthy condition. */
export const componentStatusTable: TableDefinition = {
  columns: [
    nameColumn,
    column('Status', 'string', 'Status of the component conditions'),
    column('Message', 'string', 'Message of the component conditions'),
    column('Error', 'string', 'Error of the component conditions'),
  ],
  row(obj) {
    const healthy = ((obj as Dict).conditions ?? []).find((c: Dict) => c.type === 'Healthy');
    const status = healthy ? (healthy.status === 'True' ? 'Healthy' : 'Unhealthy') : 'Unknown';
    return [obj.metadata.name, status, healthy?.message ?? '', healthy?.error ?? ''];
  },
};
