/**
 * `kubectl create cronjob NAME --image=image --schedule='0/5 * * * ?' [--restart=OnFailure] [-- COMMAND args...]`
 *
 * Models staging/src/k8s.io/kubectl/pkg/cmd/create/create_cronjob.go. kubectl does not
 * check --restart or the schedule; the API server does.
 */
import type { GeneratorContext } from './context.ts';
import { objectMeta, type GeneratedObject } from './meta.ts';
import { exactlyOneName, requiredFlagsError } from './usageError.ts';

/** CronJobFlags are the parsed flags of `create cronjob`. */
export interface CronJobFlags {
  /** --image (required). */
  image?: string;
  /** --schedule (required), cron syntax. */
  schedule?: string;
  /** --restart: job's restartPolicy (default OnFailure). */
  restart?: string;
  /** Arguments after `--`: the container command. */
  command?: string[];
}

/** generateCronJob builds the batch/v1 CronJob kubectl would create. */
export function generateCronJob(args: string[], flags: CronJobFlags, ctx?: GeneratorContext): GeneratedObject {
  const missing = [];
  if (!flags.image) missing.push('image');
  if (!flags.schedule) missing.push('schedule');
  if (missing.length > 0) throw requiredFlagsError(missing);
  const name = exactlyOneName(args);
  const container: Record<string, unknown> = { name, image: flags.image };
  if (flags.command && flags.command.length > 0) container.command = flags.command;
  container.resources = {};
  return {
    kind: 'CronJob',
    apiVersion: 'batch/v1',
    metadata: objectMeta(name, ctx),
    spec: {
      schedule: flags.schedule,
      // kubectl names the job template but leaves its namespace unset.
      jobTemplate: {
        metadata: { name, creationTimestamp: null },
        spec: {
          template: {
            metadata: { creationTimestamp: null },
            spec: { containers: [container], restartPolicy: flags.restart || 'OnFailure' },
          },
        },
      },
    },
    status: {},
  };
}
