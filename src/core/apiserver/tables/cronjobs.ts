/** CronJob table (printCronJob in printers.go): NAME, SCHEDULE, TIMEZONE, SUSPEND, ACTIVE, LAST SCHEDULE, AGE (+ CONTAINERS, IMAGES, SELECTOR). */
import { translateTimestampSince } from '../../api/humanDuration.ts';
import { age, containerCells, formatLabelSelector, type Dict } from './cells.ts';
import { ageColumn, column, containersColumn, imagesColumn, nameColumn, type TableDefinition } from './tableDefinition.ts';

/** cronJobTable is the Table definition of batch/v1 cronjobs. */
export const cronJobTable: TableDefinition = {
  columns: [
    nameColumn,
    column('Schedule', 'string', 'The schedule in Cron format, see https://en.wikipedia.org/wiki/Cron.'),
    column('Timezone', 'string', 'The time zone name for the given schedule, see https://en.wikipedia.org/wiki/List_of_tz_database_time_zones. If not specified, this will default to the time zone of the kube-controller-manager process. The set of valid time zone names and the time zone offset is loaded from the system-wide time zone database by the API server during CronJob validation and the controller manager during execution. If no system-wide time zone database can be found a bundled version of the database is used instead. If the time zone name becomes invalid during the lifetime of a CronJob or due to a change in host configuration, the controller will stop creating new new Jobs and will create a system event with the reason UnknownTimeZone. More information can be found in https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#time-zones'),
    column('Suspend', 'boolean', 'This flag tells the controller to suspend subsequent executions, it does not apply to already started executions.  Defaults to false.'),
    column('Active', 'integer', 'A list of pointers to currently running jobs.'),
    column('Last Schedule', 'string', 'Information when was the last time the job was successfully scheduled.'),
    ageColumn,
    containersColumn,
    imagesColumn,
    column('Selector', 'string', 'A label query over pods that should match the pod count. Normally, the system sets this field for you. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors', { priority: 1 }),
  ],
  row(obj, now) {
    const cj = obj as Dict;
    const jobSpec: Dict = cj.spec?.jobTemplate?.spec ?? {};
    const suspend = typeof cj.spec?.suspend === 'boolean' ? (cj.spec.suspend ? 'True' : 'False') : '<unset>';
    const last = cj.status?.lastScheduleTime ? translateTimestampSince(cj.status.lastScheduleTime, now) : '<none>';
    const [containers, images] = containerCells(jobSpec.template?.spec);
    return [
      obj.metadata.name,
      cj.spec?.schedule ?? '',
      cj.spec?.timeZone ?? '<none>',
      suspend,
      (cj.status?.active ?? []).length,
      last,
      age(obj, now),
      containers,
      images,
      formatLabelSelector(jobSpec.selector),
    ];
  },
};
