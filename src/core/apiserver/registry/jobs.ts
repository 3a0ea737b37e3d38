/**
 * jobs: batch/v1 Job (pkg/registry/batch/job/strategy.go, v1.32), with the `status`
 * subresource. Unless `spec.manualSelector` is true, the registry generates the selector
 * `batch.kubernetes.io/controller-uid=<uid>` and puts the four job labels on the pod
 * template, so a Job's pods can only ever match that Job.
 */
import type { Job } from 'kubernetes-types/batch/v1';
import type { KubeObject } from '../../api/types.ts';
import { JOB_LABELS, validateJob } from '../../api/validation/batch.ts';
import { clearStatus, define } from './define.ts';

/**
 * generateSelector is the strategy's generateSelector: template labels job-name,
 * controller-uid (legacy and batch.kubernetes.io/ forms) unless the user set them, and a
 * selector on the batch.kubernetes.io/controller-uid label. Conflicting user values are
 * left for validation to refuse.
 */
export function generateSelector(job: Job & KubeObject): void {
  const spec = job.spec!;
  spec.manualSelector ??= false;
  if (spec.manualSelector) return;
  const template = (spec.template ??= {});
  const labels = ((template.metadata ??= {}).labels ??= {});
  const name = job.metadata.name ?? '';
  const uid = job.metadata.uid ?? '';
  labels[JOB_LABELS.legacyJobName] ??= name;
  labels[JOB_LABELS.jobName] ??= name;
  labels[JOB_LABELS.legacyControllerUid] ??= uid;
  labels[JOB_LABELS.controllerUid] ??= uid;
  const selector = (spec.selector ??= {});
  const matchLabels = (selector.matchLabels ??= {});
  matchLabels[JOB_LABELS.controllerUid] ??= uid;
  // SetDefaults_Job copies the template labels to a Job without labels each time the object
  // is decoded, so a stored Job shows the generated labels too.
  if (Object.keys(job.metadata.labels ?? {}).length === 0) job.metadata.labels = { ...labels };
}

export const jobs = define({
  group: 'batch',
  version: 'v1',
  resource: 'jobs',
  kind: 'Job',
  namespaced: true,
  categories: ['all'],
  subresources: ['status'],
  hasStatus: true,
  generation: true,
  prepareForCreate: clearStatus(),
  // NOTE: selector generation needs the UID, which the generic create fills after
  // prepareForCreate; it runs just before validation instead, as the strategy's Validate
  // did before upstream moved UID generation earlier.
  validate: (obj) => {
    generateSelector(obj as Job & KubeObject);
    return validateJob(obj as Job);
  },
  // batch/v1 orphans a Job's pods by default, for backwards compatibility
  // (jobStrategy.DefaultGarbageCollectionPolicy); kubectl sends Background explicitly.
  defaultPropagation: 'Orphan',
  fieldLabels: (o) => ({ 'status.successful': String((o as Job).status?.succeeded ?? 0) }),
});
