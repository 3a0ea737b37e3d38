/**
 * kubectl run (staging/src/k8s.io/kubectl/pkg/cmd/run/run.go).
 *
 * Builds a Pod (and with --expose a Service first) with the `run` generator and POSTs it
 * with the kubectl-run field manager. With -i/--attach kubectl waits for the pod to run,
 * attaches to its container (here: an exec of the container's command, fed the terminal's
 * input, or its log once it has finished), and with --rm deletes the pod afterwards
 * (`pod "x" deleted`). For Never/OnFailure pods the exit status is the container's.
 */
import { isStatusError } from '../../core/api/status.ts';
import type { KubeObject } from '../../core/api/types.ts';
import type { Invocation, KubectlCommand } from '../command.ts';
import { CommandError, UsageFailure } from '../errors.ts';
import { parseGoDuration } from '../flags.ts';
import { generateRun, renderUsageError, UsageError } from '../generators/index.ts';
import { generatorContext, generatorFlagDefs, generatorFlags, klogPrefix } from './create/generatorFlags.ts';
import { applyOverrides } from './runOverrides.ts';
import type { ResourceDefinition } from '../../core/client/client.ts';
import { checkOutput, dryRunOf, printWritten, reportErrors, unservedResource, withLastApplied, type DryRun } from './objectWrites.ts';

/** run is `kubectl run`. */
export const run: KubectlCommand = {
  name: 'run',
  short: 'Run a particular image on the cluster',
  flags: generatorFlagDefs('run'),
  run: runRun,
};

interface ContainerState {
  running?: object;
  waiting?: { reason?: string };
  terminated?: { exitCode: number; reason?: string; message?: string };
}

interface ContainerStatus {
  name: string;
  containerID?: string;
  state?: ContainerState;
  lastState?: ContainerState;
}

interface PodView extends KubeObject {
  spec?: { containers?: Array<{ name: string; command?: string[]; args?: string[] }> };
  status?: { phase?: string; containerStatuses?: ContainerStatus[] };
}

async function runRun(inv: Invocation): Promise<number> {
  const { ctx, flags } = inv;
  const stdin = flags.bool('stdin');
  const tty = flags.bool('tty');
  const attach = flags.bool('attach') || stdin;
  const dryRun = dryRunOf(inv);
  checkOutput(inv);
  if (flags.bool('rm') && !attach) throw new UsageFailure('--rm should only be used for attached containers');
  if (tty && !stdin) throw new UsageFailure('-i/--stdin is required for containers with -t/--tty=true');
  if (attach && dryRun !== 'none') throw new UsageFailure("--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)");

  let objects: KubeObject[];
  try {
    // run.go: the first argument is the name and every other one (before or after `--`)
    // is the container's args, or its command with --command; `run -- x` has no name.
    const args = inv.dashIndex === 0 ? [] : inv.args;
    objects = generateRun(args, { ...generatorFlags(inv, 'run'), args: args.slice(1) }, generatorContext(inv)) as KubeObject[];
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    ctx.stderr(renderUsageError(err, 'run', klogPrefix(ctx.now())));
    return 1;
  }
  // run.go creates the Pod first, then the --expose Service (printed at once, with a "---"
  // after it under -o yaml), and prints the Pod last; a failed Service is reported after.
  let pod = objects.find((o) => o.kind === 'Pod') as KubeObject;
  if (flags.string('overrides')) pod = applyOverrides(pod, flags.string('overrides'), flags.string('override-type') || 'merge');
  const service = objects.find((o) => o.kind === 'Service');
  const createdPod = createRunObject(inv, pod, dryRun);
  const errors: unknown[] = [];
  let printedService = false;
  if (service) {
    try {
      const written = createRunObject(inv, service, dryRun);
      printWritten(inv, written.def, written.object, 'created', dryRun);
      if (flags.string('output') === 'yaml') ctx.stdout('---\n');
      printedService = true;
    } catch (err) {
      errors.push(err);
    }
  }
  if (!attach) {
    printWritten(inv, createdPod.def, createdPod.object, 'created', dryRun, printedService ? '---\n' : '');
    return reportErrors(inv, errors);
  }
  if (dryRun !== 'none') return 0;
  return attachToPod(inv, createdPod.object.metadata.name ?? '', stdin, tty, service ? inv.mapper.forKind('v1', 'Service') : undefined);
}

/** createRunObject POSTs one generated object with the kubectl-run field manager (or keeps it, under client dry-run). */
function createRunObject(inv: Invocation, obj: KubeObject, dryRun: DryRun): { def: ResourceDefinition; object: KubeObject } {
  const def = inv.mapper.forKind(obj.apiVersion ?? '', obj.kind ?? '');
  if (!def) throw unservedResource();
  if (dryRun === 'client') return { def, object: obj };
  const body = inv.flags.bool('save-config') ? withLastApplied(obj, true) : obj;
  const object = inv.ctx.client.create(def, inv.namespace, body, { fieldManager: inv.flags.string('field-manager') || 'kubectl-run', dryRun: dryRun === 'server' });
  return { def, object };
}

/** attachToPod waits for the pod, streams it, then removes it with --rm and reports the exit status. */
async function attachToPod(inv: Invocation, name: string, stdin: boolean, tty: boolean, services?: ResourceDefinition): Promise<number> {
  const { ctx, flags } = inv;
  const pods = inv.mapper.resolve('pods');
  const current = (): PodView => ctx.client.get(pods, inv.namespace, name) as PodView;
  const timeout = parseGoDuration(flags.string('pod-running-timeout') || '1m0s') ?? 60_000;
  const finished = (p: PodView) => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';
  const ready = await ctx.waitFor(() => {
    const p = current();
    return p.status?.phase === 'Running' || finished(p);
  }, timeout, ctx.signal);
  if (!ready) {
    if (ctx.signal.aborted) return 130;
    throw new CommandError('error: timed out waiting for the condition');
  }
  const restart = flags.string('restart') || 'Always';
  let status = 0;
  let pod = current();
  const container = pod.spec?.containers?.[0];
  if (!finished(pod) && stdin) {
    if (tty && !flags.bool('quiet')) ctx.stderr("If you don't see a command prompt, try pressing enter.\n");
    const command = [...(container?.command ?? []), ...(container?.args ?? [])];
    // `run -it ... -- sh` on a terminal: the terminal becomes the container's shell until exit.
    const shell = command.length > 0 ? command : ['sh'];
    if (tty && ctx.isTTY && ctx.stdin === '' && isBareShell(shell)) {
      const rm = flags.bool('rm');
      // NOTE: the shell runs beside the container's own process here; when it exits, a real
      // container whose main process is that shell has ended too, so a Never pod goes at once.
      const ended = (flags.string('restart') || 'Always') === 'Never' ? 0 : undefined;
      const opened = ctx.openShell?.(inv.namespace, name, container?.name ?? name, shell, (_status, out) => {
        if (rm) removeCreated(inv, name, pods, services, out.stdout, ended);
      });
      if (opened) return 0;
    }
    if (ctx.stdin === '') {
      // Nothing to send: attach shows the container's own output (handleAttachPod), live, until
      // that container ends, so the command runs once, as on a real node (`-- wget nginx`
      // saves one file).
      const attachedID = pod.status?.containerStatuses?.[0]?.containerID;
      const ended = (): boolean => {
        const p = current();
        const cs = p.status?.containerStatuses?.[0];
        return finished(p) || !cs?.state?.running || cs.containerID !== attachedID;
      };
      const follow = ctx.client.followLogs(inv.namespace, name, { container: container?.name ?? name }, (t) => ctx.stdout(t));
      try {
        await ctx.waitFor(ended, Number.POSITIVE_INFINITY, ctx.signal);
      } finally {
        follow.stop();
      }
      if (ctx.signal.aborted) return 130;
      const cs = current().status?.containerStatuses?.[0];
      status = cs?.state?.terminated?.exitCode ?? cs?.lastState?.terminated?.exitCode ?? 0;
    } else {
      status = await ctx.client.exec(inv.namespace, name, {
        container: container?.name ?? name,
        command: command.length > 0 ? command : ['sh'],
        stdin: ctx.stdin,
        tty,
        stdout: ctx.stdout,
        stderr: ctx.stderr,
        signal: ctx.signal,
      });
    }
  } else {
    if (!finished(pod)) await ctx.waitFor(() => finished(current()), restart === 'Always' ? Number.POSITIVE_INFINITY : timeout, ctx.signal);
    ctx.stdout(ctx.client.logs(inv.namespace, name, { container: container?.name ?? name }));
  }
  let attachedStdin = !finished(pod) && stdin;
  if (restart !== 'Always') {
    // A command that ends on its own ends the container too; an attached shell keeps it alive.
    await ctx.waitFor(() => finished(current()), attachedStdin ? 1000 : timeout, ctx.signal);
    pod = current();
    if (finished(pod)) attachedStdin = false;
  } else if (restart === 'Always' && !flags.bool('rm') && stdin) {
    ctx.stderr(`Session ended, resume using 'kubectl attach ${name} -c ${container?.name ?? name} -i -t' command when the pod is running\n`);
  }
  if (flags.bool('rm')) removeCreated(inv, name, pods, services, ctx.stdout);
  // NOTE: an attached shell runs as an exec beside the container's own process (the
  // runtime has no attach), so its status stands for the container's exit code.
  if (restart === 'Always' || attachedStdin) return status;
  const terminated = pod.status?.containerStatuses?.[0]?.state?.terminated;
  if (pod.status?.phase !== 'Failed') return 0;
  if (!terminated || terminated.exitCode === 0) throw new CommandError(`error: pod ${inv.namespace}/${name} failed with unknown exit code`);
  // checkErr's fatal() adds a newline only when the message lacks one: an empty termination
  // message leaves a single line.
  const msg = `pod ${inv.namespace}/${name} terminated (${terminated.reason ?? 'Error'})\n${terminated.message ?? ''}`;
  ctx.stderr(msg.endsWith('\n') ? msg : `${msg}\n`);
  return terminated.exitCode;
}

/** removeCreated is removeCreatedObjects: the Pod, then the --expose Service; not found is fine, no waiting. */
function removeCreated(
  inv: Invocation,
  name: string,
  pods: ResourceDefinition,
  services: ResourceDefinition | undefined,
  stdout: (t: string) => void,
  podGraceSeconds?: number,
): void {
  for (const [def, kind] of [[pods, 'pod'], [services, 'service']] as const) {
    if (!def) continue;
    try {
      const grace = def === pods && podGraceSeconds !== undefined ? { gracePeriodSeconds: podGraceSeconds } : {};
      inv.ctx.client.delete(def, inv.namespace, name, { propagationPolicy: 'Background', ...grace });
      stdout(`${kind} "${name}" deleted\n`);
    } catch (err) {
      if (!(isStatusError(err) && err.code === 404)) throw err;
    }
  }
}

/** isBareShell tells `sh`, `/bin/bash`... without a script (an interactive session). */
function isBareShell(command: string[]): boolean {
  const name = command[0].slice(command[0].lastIndexOf('/') + 1);
  return ['sh', 'bash', 'ash', 'dash'].includes(name) && command.length === 1;
}
