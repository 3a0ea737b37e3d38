/** DaemonSet table (printDaemonSet in printers.go): NAME, DESIRED, CURRENT, READY, UP-TO-DATE, AVAILABLE, NODE SELECTOR, AGE (+ CONTAINERS, IMAGES, SELECTOR). */
import { age, containerCells, formatLabels, formatLabelSelector, int, type Dict } from './cells.ts';
import { ageColumn, column, containersColumn, imagesColumn, nameColumn, type TableDefinition } from './tableDefinition.ts';

/** daemonSetTable is the Table definition of apps/v1 daemonsets. */
export const daemonSetTable: TableDefinition = {
  columns: [
    nameColumn,
    column('Desired', 'integer', 'The total number of nodes that should be running the daemon pod (including nodes correctly running the daemon pod). More info: https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/'),
    column('Current', 'integer', 'The number of nodes that are running at least 1 daemon pod and are supposed to run the daemon pod. More info: https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/'),
    column('Ready', 'integer', 'numberReady is the number of nodes that should be running the daemon pod and have one or more of the daemon pod running with a Ready Condition.'),
    column('Up-to-date', 'integer', 'The total number of nodes that are running updated daemon pod'),
    column('Available', 'integer', 'The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and available (ready for at least spec.minReadySeconds)'),
    column('Node Selector', 'string', "NodeSelector is a selector which must be true for the pod to fit on a node. Selector which must match a node's labels for the pod to be scheduled on that node. More info: https://kubernetes.io/docs/concepts/configuration/assign-pod-node/"),
    ageColumn,
    containersColumn,
    imagesColumn,
    column('Selector', 'string', 'A label query over pods that are managed by the daemon set. Must match in order to be controlled. It must match the pod template\'s labels. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors', { priority: 1 }),
  ],
  row(obj, now) {
    const ds = obj as Dict;
    const st: Dict = ds.status ?? {};
    const [containers, images] = containerCells(ds.spec?.template?.spec);
    return [
      obj.metadata.name,
      int(st.desiredNumberScheduled),
      int(st.currentNumberScheduled),
      int(st.numberReady),
      int(st.updatedNumberScheduled),
      int(st.numberAvailable),
      formatLabels(ds.spec?.template?.spec?.nodeSelector),
      age(obj, now),
      containers,
      images,
      formatLabelSelector(ds.spec?.selector),
    ];
  },
};
