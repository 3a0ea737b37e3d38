/**
 * kubectl autoscale (staging/src/k8s.io/kubectl/pkg/cmd/autoscale/autoscale.go, v1.32):
 * for each Deployment, ReplicaSet, StatefulSet or ReplicationController named, builds an
 * autoscaling/v1 HorizontalPodAutoscaler (`--min`, required `--max`, `--cpu-percent`, `--name`)
 * and creates it: `horizontalpodautoscaler.autoscaling/web autoscaled`. This API server stores
 * HPAs as autoscaling/v2, so the object is converted on the way in and back for `-o`.
 */
import type { HorizontalPodAutoscaler as HPAv1 } from 'kubernetes-types/autoscaling/v1';
import { hpaV1ToV2, hpaV2ToV1 } from '../../core/api/hpaConversion.ts';
import type { KubeObject } from '../../core/api/types.ts';
import type { ResourceDefinition } from '../../core/client/client.ts';
import type { Invocation, KubectlCommand } from '../command.ts';
import { CommandError } from '../errors.ts';
import { renderUsageError, requiredFlagsError } from '../generators/usageError.ts';
import { klogPrefix } from './create/generatorFlags.ts';
import { checkOutput, dryRunStrategy, printWritten, reportErrors, withLastApplied } from './objectWrites.ts';
import { visitObjects } from './visit.ts';

const HPAS = { group: 'autoscaling', resource: 'horizontalpodautoscalers' };

export const autoscale: KubectlCommand = {
  name: 'autoscale',
  short: 'Auto-scale a deployment, replica set, stateful set, or replication controller',
  run: runAutoscale,
};

/** gvrString is schema.GroupVersionResource.String(): "apps/v1, Resource=deployments", "/v1, Resource=pods". */
function gvrString(def: ResourceDefinition): string {
  return `${def.group}/${def.version}, Resource=${def.resource}`;
}

/** buildHPA is createHorizontalPodAutoscaler: the v1 object kubectl sends (struct order, for -o json). */
function buildHPA(inv: Invocation, def: ResourceDefinition, target: string): HPAv1 {
  const min = inv.flags.int('min');
  const cpu = inv.flags.int('cpu-percent');
  return {
    kind: 'HorizontalPodAutoscaler',
    apiVersion: 'autoscaling/v1',
    metadata: {
      name: inv.flags.string('name') || target,
      ...(inv.explicitNamespace ? { namespace: inv.namespace } : {}),
      creationTimestamp: null as unknown as string,
    },
    spec: {
      scaleTargetRef: { kind: def.kind, name: target, apiVersion: def.group ? `${def.group}/${def.version}` : def.version },
      ...(min > 0 ? { minReplicas: min } : {}),
      maxReplicas: inv.flags.int('max'),
      ...(cpu >= 0 ? { targetCPUUtilizationPercentage: cpu } : {}),
    },
    status: { currentReplicas: 0, desiredReplicas: 0 },
  };
}

async function runAutoscale(inv: Invocation): Promise<number> {
  const { ctx, flags } = inv;
  if (!flags.changed('max')) {
    // cobra's MarkFlagRequired check runs before the command; cli.Run logs it through klog.
    throw new CommandError(renderUsageError(requiredFlagsError(['max']), 'autoscale', klogPrefix(ctx.now())).trimEnd());
  }
  const max = flags.int('max');
  const min = flags.int('min');
  if (max < 1) throw new CommandError(`error: --max=MAXPODS is required and must be at least 1, max: ${max}`);
  if (max < min) throw new CommandError(`error: --max=MAXPODS must be larger or equal to --min=MINPODS, max: ${max}, min: ${min}`);
  checkOutput(inv);
  const dryRun = dryRunStrategy(flags);
  const { found, errors } = visitObjects(inv, { args: inv.args, requireNames: true });
  const hpaDef = ctx.client.def(HPAS);
  let count = 0;
  for (const { def, object } of found) {
    try {
      if (!def.scale) throw new CommandError(`error: cannot autoscale a ${def.kind}: could not find scale subresource for ${gvrString(def)} in discovery information`);
      let hpa = buildHPA(inv, def, object.metadata.name ?? '') as unknown as KubeObject;
      count++;
      if (dryRun === 'client') {
        printWritten(inv, hpaDef, hpa, 'created', dryRun);
        continue;
      }
      if (flags.bool('save-config')) hpa = withLastApplied(hpa, true);
      const body = hpaV1ToV2(hpa as unknown as HPAv1) as unknown as KubeObject;
      delete (body.metadata as { creationTimestamp?: unknown }).creationTimestamp;
      const created = ctx.client.create(HPAS, inv.namespace, body, { fieldManager: flags.string('field-manager') || 'kubectl-autoscale', dryRun: dryRun === 'server' });
      printWritten(inv, hpaDef, hpaV2ToV1(created as never) as unknown as KubeObject, 'autoscaled', dryRun);
    } catch (err) {
      errors.push(err);
    }
  }
  if (errors.length === 0 && count === 0) throw new CommandError('error: no objects passed to autoscale');
  return reportErrors(inv, errors);
}
