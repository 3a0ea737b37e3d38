/**
 * kubectl logs (staging/src/k8s.io/kubectl/pkg/cmd/logs/logs.go with
 * polymorphichelpers/logsforobject.go).
 *
 * `POD [CONTAINER]`, `TYPE/NAME` (a workload picks its best pod: `Found 2 pods, using
 * pod/x`), or `-l SELECTOR` (every matching pod, --tail defaulting to 10). Without -c the
 * default container is used (`Defaulted container "a" out of: a, b`). Logs come from the
 * kubelet through the API server's node proxy, whose errors are printed as kubectl does:
 * `Error from server (BadRequest): container "web" in pod "x" is waiting to start: ...`.
 * With -f the stream stays open until the container stops, the request timeout passes, or
 * Ctrl-C.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { PodLogOptions } from '../../core/client/client.ts';
import type { Invocation, KubectlCommand } from '../command.ts';
import { CommandError, UsageFailure } from '../errors.ts';
import { parseGoDuration } from '../flags.ts';
import { allContainerNames, defaultContainer, findContainer, podForArgument, podsForSelector, selectorForObject } from './podTargets.ts';

export const logs: KubectlCommand = {
  name: 'logs',
  short: 'Print the logs for a container in a pod',
  run: runLogs,
};

/** LogRequest is one container's stream: which pod and container, and its --prefix. */
interface LogRequest {
  pod: Pod;
  container: string;
  prefix: string;
}

async function runLogs(inv: Invocation): Promise<number> {
  const { ctx, flags } = inv;
  const selector = flags.string('selector');
  const args = inv.args;
  if (args.length === 0 && selector === '') {
    throw new UsageFailure("expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command");
  }
  if (args.length > 0 && selector !== '') throw new UsageFailure('only a selector (-l) or a POD name is allowed');
  if (args.length > 2) throw new UsageFailure("expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command");
  let container = flags.string('container');
  if (args.length === 2 && container === '') container = args[1];
  const sinceTime = flags.string('since-time');
  if (sinceTime !== '' && Number.isNaN(Date.parse(sinceTime))) throw new CommandError(`error: --since-time only accepts times matching RFC3339, eg '2006-01-02T15:04:05Z'`);
  // Complete reads the object before Validate looks at the flags: a missing pod wins.
  if (args.length > 0) lookUp(inv, args[0]);
  const sinceSeconds = parseGoDuration(flags.string('since') || '0') ?? 0;
  if (sinceTime !== '' && sinceSeconds !== 0) throw new CommandError('error: at most one of `sinceTime` or `sinceSeconds` may be specified');
  const allContainers = flags.bool('all-containers');
  if (allContainers && container !== '') throw new CommandError('error: --all-containers=true should not be specified with --container');
  if (args.length === 2 && flags.string('container') !== '') throw new CommandError('error: only one of -c or an inline [CONTAINER] arg is allowed');
  if (flags.int('limit-bytes') < 0) throw new CommandError('error: --limit-bytes must be greater than 0');
  if (sinceSeconds < 0) throw new CommandError('error: --since must be greater than 0');
  let tail = flags.int('tail');
  if (tail < -1) throw new CommandError('error: --tail must be greater than or equal to -1');
  if (selector !== '' && !flags.changed('tail')) tail = 10;

  const opts: Omit<PodLogOptions, 'container'> = {
    previous: flags.bool('previous') || undefined,
    timestamps: flags.bool('timestamps') || undefined,
    tailLines: tail >= 0 ? tail : undefined,
    sinceSeconds: sinceSeconds > 0 ? Math.ceil(sinceSeconds / 1000) : undefined,
    sinceTime: sinceTime || undefined,
    limitBytes: flags.int('limit-bytes') > 0 ? flags.int('limit-bytes') : undefined,
  };
  const warn = (t: string) => ctx.stderr(t);

  // Which pods: one for POD or TYPE/NAME, every match for -l.
  let pods: Pod[];
  if (selector !== '') {
    pods = podsForSelector(ctx.client, inv.namespace, selector);
    if (pods.length === 0) {
      ctx.stderr(`No resources found in ${inv.namespace} namespace.\n`);
      return 0;
    }
  } else if (flags.bool('all-pods') && args[0].includes('/')) {
    // --all-pods: every pod of the workload, not just the one GetFirstPod would pick.
    const def = inv.mapper.resolve(args[0].slice(0, args[0].indexOf('/')));
    const obj = ctx.client.get(def, def.namespaced ? inv.namespace : '', args[0].slice(args[0].indexOf('/') + 1));
    pods = def.kind === 'Pod' ? [obj as unknown as Pod] : podsForSelector(ctx.client, inv.namespace, selectorForObject(def.kind, obj));
  } else {
    pods = [podForArgument(inv, args[0], warn)];
  }
  const prefixed = flags.bool('prefix');
  const requests: LogRequest[] = [];
  for (const pod of pods) {
    const names = containersToRead(pod, container, allContainers, pods.length > 1 || selector !== '' ? undefined : warn);
    for (const c of names) requests.push({ pod, container: c, prefix: prefixed ? `[pod/${pod.metadata?.name}/${c}] ` : '' });
  }

  if (flags.bool('follow')) {
    const max = flags.int('max-log-requests');
    if (requests.length > max) {
      throw new CommandError(
        `error: you are attempting to follow ${requests.length} log streams, but maximum allowed concurrency is ${max}, use --max-log-requests to increase the limit`,
      );
    }
    return follow(inv, requests, opts);
  }
  for (const r of requests) {
    try {
      const text = ctx.client.logs(r.pod.metadata?.namespace ?? inv.namespace, r.pod.metadata?.name ?? '', { ...opts, container: r.container });
      ctx.stdout(withPrefix(text, r.prefix));
    } catch (err) {
      if (!flags.bool('ignore-errors')) throw err;
      ctx.stderr(`error: ${(err as Error).message}\n`);
    }
  }
  return 0;
}

/** containersToRead is the container list for one pod: -c, all of them, or the default. */
function containersToRead(pod: Pod, container: string, all: boolean, warn: ((t: string) => void) | undefined): string[] {
  if (all) return [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? []), ...(pod.spec?.ephemeralContainers ?? [])].map((c) => c.name);
  if (container !== '') {
    if (!findContainer(pod, container)) {
      throw new CommandError(`error: container ${container} is not valid for pod ${pod.metadata?.name} out of: ${allContainerNames(pod)}`);
    }
    return [container];
  }
  return [defaultContainer(pod, warn).name];
}

/** follow streams every request until the containers stop, the timeout passes or Ctrl-C. */
async function follow(inv: Invocation, requests: LogRequest[], opts: Omit<PodLogOptions, 'container'>): Promise<number> {
  const { ctx } = inv;
  const streams: Array<{ stop(): void }> = [];
  try {
    for (const r of requests) {
      const ns = r.pod.metadata?.namespace ?? inv.namespace;
      streams.push(ctx.client.followLogs(ns, r.pod.metadata?.name ?? '', { ...opts, container: r.container }, (text) => ctx.stdout(withPrefix(text, r.prefix))));
    }
    const timeout = parseGoDuration(inv.flags.string('request-timeout') || '0') || Number.POSITIVE_INFINITY;
    await ctx.waitFor(() => ctx.signal.aborted || requests.every((r) => stopped(inv, r)), timeout, ctx.signal);
  } finally {
    for (const s of streams) s.stop();
  }
  return 0;
}

/** stopped tells whether a followed container has terminated (its stream then ends). */
function stopped(inv: Invocation, r: LogRequest): boolean {
  const pod = inv.ctx.client.tryGet({ group: '', resource: 'pods' }, r.pod.metadata?.namespace ?? '', r.pod.metadata?.name ?? '');
  if (!pod) return true;
  const status0 = (pod as unknown as Pod).status;
  const statuses = [...(status0?.containerStatuses ?? []), ...(status0?.initContainerStatuses ?? [])];
  const status = statuses.find((s) => s.name === r.container);
  return !!status?.state?.terminated;
}

function withPrefix(text: string, prefix: string): string {
  if (prefix === '' || text === '') return text;
  return text
    .split(/(?<=\n)/)
    .map((line) => prefix + line)
    .join('');
}

/** lookUp reads the POD or TYPE/NAME argument, failing as the Builder does when it is missing. */
function lookUp(inv: Invocation, arg: string): void {
  const slash = arg.indexOf('/');
  const def = slash < 0 ? inv.mapper.resolve('pods') : inv.mapper.resolve(arg.slice(0, slash));
  inv.ctx.client.get(def, def.namespaced ? inv.namespace : '', slash < 0 ? arg : arg.slice(slash + 1));
}
