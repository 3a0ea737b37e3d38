/**
 * `kubectl create job NAME --image=image [--from=cronjob/name] [-- COMMAND args...]`
 *
 * Models staging/src/k8s.io/kubectl/pkg/cmd/create/create_job.go: a Job with one
 * container named after the job and restartPolicy Never, or a copy of a CronJob's
 * jobTemplate annotated `cronjob.kubernetes.io/instantiate: manual`.
 */
import type { KubeObject } from '../../core/api/types.ts';
import type { GeneratorContext } from './context.ts';
import { objectMeta, type GeneratedObject } from './meta.ts';
import { UsageError, exactlyOneName } from './usageError.ts';

/** JobFlags are the parsed flags of `create job`. */
export interface JobFlags {
  /** --image: the container image. */
  image?: string;
  /** --from: "cronjob/NAME" (also "cronjobs/NAME", "cj/NAME", "cronjob.batch/NAME"). */
  from?: string;
  /** Arguments after `--`: the container command. */
  command?: string[];
}

/** generateJob builds the batch/v1 Job kubectl would create. */
export function generateJob(args: string[], flags: JobFlags, ctx?: GeneratorContext): GeneratedObject {
  const name = exactlyOneName(args);
  const image = flags.image ?? '';
  const from = flags.from ?? '';
  // create_job.go Validate: exactly one of the two, with the same words for none and both.
  if ((image === '') === (from === '')) throw new UsageError('either --image or --from must be specified');
  if (from !== '') return jobFromCronJob(name, from, ctx);
  const container: Record<string, unknown> = { name, image };
  if (flags.command && flags.command.length > 0) container.command = flags.command;
  container.resources = {};
  return {
    kind: 'Job',
    apiVersion: 'batch/v1',
    metadata: objectMeta(name, ctx),
    spec: { template: { metadata: { creationTimestamp: null }, spec: { containers: [container], restartPolicy: 'Never' } } },
    status: {},
  };
}

function jobFromCronJob(name: string, from: string, ctx: GeneratorContext | undefined): GeneratedObject {
  const slash = from.indexOf('/');
  const kind = slash < 0 ? '' : from.slice(0, slash);
  const cronName = from.slice(slash + 1);
  if (!['cronjob', 'cronjobs', 'cj', 'cronjob.batch', 'cronjobs.batch'].includes(kind)) {
    throw new UsageError(`from must be an existing cronjob: ${kind === '' ? from : kind}`);
  }
  const cronJob = ctx?.getObject?.('cronjobs', cronName);
  // The builder's Get fails with the server's NotFound, which CheckErr prints as such.
  if (!cronJob) throw new UsageError(`Error from server (NotFound): cronjobs.batch "${cronName}" not found`, 'raw');
  const spec = (cronJob.spec ?? {}) as { jobTemplate?: { metadata?: KubeObject['metadata']; spec?: unknown } };
  const template = spec.jobTemplate ?? {};
  const annotations = { 'cronjob.kubernetes.io/instantiate': 'manual', ...(template.metadata?.annotations ?? {}) };
  const metadata = objectMeta(name, ctx, { labels: template.metadata?.labels, annotations });
  metadata.ownerReferences = [
    { apiVersion: 'batch/v1', kind: 'CronJob', name: cronJob.metadata.name, uid: cronJob.metadata.uid, controller: true, blockOwnerDeletion: true },
  ];
  return { kind: 'Job', apiVersion: 'batch/v1', metadata, spec: template.spec ?? {}, status: {} };
}
