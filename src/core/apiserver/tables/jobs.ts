/** Job table (printJob in printers.go): NAME, STATUS, COMPLETIONS, DURATION, AGE (+ CONTAINERS, IMAGES, SELECTOR). */
import { humanDuration } from '../../api/humanDuration.ts';
import { age, containerCells, formatLabelSelector, int, type Dict } from './cells.ts';
import { ageColumn, column, containersColumn, imagesColumn, nameColumn, type TableDefinition } from './tableDefinition.ts';

function hasCondition(job: Dict, type: string): boolean {
  return (job.status?.conditions ?? []).some((c: Dict) => c.type === type && c.status === 'True');
}

/** jobStatus is the STATUS cell: the first of Complete, Failed, Terminating, Suspended, FailureTarget, else Running. */
export function jobStatus(job: Dict): string {
  if (hasCondition(job, 'Complete')) return 'Complete';
  if (hasCondition(job, 'Failed')) return 'Failed';
  if (job.metadata?.deletionTimestamp) return 'Terminating';
  if (hasCondition(job, 'Suspended')) return 'Suspended';
  if (hasCondition(job, 'FailureTarget')) return 'FailureTarget';
  return 'Running';
}

/** jobTable is the Table definition of batch/v1 jobs. */
export const jobTable: TableDefinition = {
  columns: [
    nameColumn,
    column('Status', 'string', 'Status of the job.'),
    column('Completions', 'string', 'The completion status of the job.'),
    column('Duration', 'string', 'Time required to complete the job.'),
    ageColumn,
    containersColumn,
    imagesColumn,
    column('Selector', 'string', 'A label query over pods that should match the pod count. Normally, the system sets this field for you. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors', { priority: 1 }),
  ],
  row(obj, now) {
    const job = obj as Dict;
    const succeeded = int(job.status?.succeeded);
    let completions: string;
    if (typeof job.spec?.completions === 'number') {
      completions = `${succeeded}/${job.spec.completions}`;
    } else {
      const parallelism = int(job.spec?.parallelism);
      completions = parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
    }
    let duration = '';
    const start: string | undefined = job.status?.startTime;
    const end: string | undefined = job.status?.completionTime;
    if (start) duration = humanDuration((end ? Date.parse(end) : now) - Date.parse(start));
    const [containers, images] = containerCells(job.spec?.template?.spec);
    return [obj.metadata.name, jobStatus(job), completions, duration, age(obj, now), containers, images, formatLabelSelector(job.spec?.selector)];
  },
};
