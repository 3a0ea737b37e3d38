/**
 * kubectl scale (staging/src/k8s.io/kubectl/pkg/cmd/scale/scale.go, kubectl/pkg/scale).
 *
 * Sets spec.replicas through the scale subresource: a merge patch `{"spec":{"replicas":N}}`,
 * or, with --current-replicas/--resource-version, a GET of the Scale, the precondition
 * check and a PUT. With --timeout it then waits for status.replicas to match.
 */
import type { Invocation, KubectlCommand } from '../command.ts';
import { CommandError } from '../errors.ts';
import { parseGoDuration } from '../flags.ts';
import { checkOutput, dryRunStrategy, printWritten, reportErrors, unservedResource } from './objectWrites.ts';
import { visitObjects } from './visit.ts';

export const scale: KubectlCommand = {
  name: 'scale',
  short: 'Set a new size for a deployment, replica set, or replication controller',
  run: runScale,
};

async function runScale(inv: Invocation): Promise<number> {
  const { ctx, flags } = inv;
  if (!flags.changed('replicas')) {
    // cobra's required-flag check fails before the command runs; component-base's cli.Run
    // then logs it through klog (header: severity, date, time, thread id, file:line).
    throw new CommandError(`${klogHeader('E', ctx.now())} run.go:72] "command failed" err="required flag(s) \\"replicas\\" not set"`);
  }
  const replicas = flags.int('replicas');
  if (replicas < 0) throw new CommandError('error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
  checkOutput(inv);
  const dryRun = dryRunStrategy(flags);
  const current = flags.int('current-replicas');
  const resourceVersion = flags.string('resource-version');
  const { found, errors } = visitObjects(inv, { args: inv.args, requireNames: true });
  // scale.go collects every object before scaling any: one lookup error stops them all.
  if (errors.length > 0) return reportErrors(inv, errors);
  if (found.length === 0 && errors.length === 0) throw new CommandError('error: no objects passed to scale');
  if (resourceVersion !== '' && found.length > 1) throw new CommandError('error: cannot use --resource-version with multiple resources');
  const timeout = parseGoDuration(flags.string('timeout') || '0') ?? 0;

  for (const { def, object } of found) {
    const ns = object.metadata.namespace ?? '';
    const name = object.metadata.name ?? '';
    try {
      // Kinds without a scale subresource fail where kubectl's ScaleClient does: a bare 404.
      if (!def.scale) throw unservedResource();
      if (dryRun === 'client') {
        // NOTE: kubectl prints the object as it was read: -o yaml shows the old replicas.
        printWritten(inv, def, object, 'scaled', dryRun);
        continue;
      }
      if (current >= 0 || resourceVersion !== '') {
        const scaleObj = ctx.client.getScale(def, ns, name) as { spec?: { replicas?: number }; metadata: { resourceVersion?: string } };
        const have = scaleObj.spec?.replicas ?? 0;
        if (current >= 0 && have !== current) throw new CommandError(`error: Expected replicas to be ${current}, was ${have}`);
        if (resourceVersion !== '' && scaleObj.metadata.resourceVersion !== resourceVersion) {
          throw new CommandError(`error: Expected resource version to be ${resourceVersion}, was ${scaleObj.metadata.resourceVersion}`);
        }
        ctx.client.updateScale(def, ns, name, { ...scaleObj, spec: { ...scaleObj.spec, replicas } } as never, { dryRun: dryRun === 'server' });
      } else {
        ctx.client.patch(def, ns, name, 'merge', { spec: { replicas } }, { dryRun: dryRun === 'server' }, 'scale');
      }
      if (timeout > 0 && dryRun === 'none') {
        await ctx.waitFor(() => {
          const s = ctx.client.getScale(def, ns, name) as { status?: { replicas?: number } };
          return (s.status?.replicas ?? 0) === replicas;
        }, timeout, ctx.signal);
      }
      printWritten(inv, def, ctx.client.get(def, ns, name), 'scaled', dryRun);
    } catch (err) {
      errors.push(err);
    }
  }
  return reportErrors(inv, errors);
}

/** klogHeader is klog's `Lmmdd hh:mm:ss.uuuuuu threadid` prefix, at the virtual clock's time. */
function klogHeader(severity: string, now: number): string {
  const d = new Date(now);
  const two = (n: number) => String(n).padStart(2, '0');
  const date = `${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}`;
  const time = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}.${String(d.getUTCMilliseconds() * 1000).padStart(6, '0')}`;
  return `${severity}${date} ${time}${'1'.padStart(8)}`;
}
