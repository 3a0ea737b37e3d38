/**
 * kubectl drain (staging/src/k8s.io/kubectl/pkg/cmd/drain/drain.go and pkg/drain/drain.go):
 * cordon the node, sort its pods with the drain filters, evict the rest (POST
 * pods/x/eviction, or DELETE with --disable-eviction) and wait for each to be gone.
 *
 * Prints as kubectl v1.32: `node/x cordoned`, `Warning: ignoring DaemonSet-managed Pods: ...`,
 * `evicting pod ns/p`, `pod/p evicted`, `node/x drained`; a node whose pods cannot all go
 * gets `error: unable to drain node "x" due to error: ..., continuing command...` and the
 * "There are pending nodes to be drained:" list, and the command fails with the error.
 */
import { isStatusError } from '../../../core/api/status.ts';
import type { KubeObject } from '../../../core/api/types.ts';
import { PODS } from '../../../core/client/client.ts';
import type { Invocation, KubectlCommand } from '../../command.ts';
import { CommandError } from '../../errors.ts';
import { printWarning } from '../../warnings.ts';
import { parseGoDuration } from '../../flags.ts';
import { parseSelector } from '../../../core/api/labelSelectorParser.ts';
import { dryRunStrategy, dryRunSuffix, type DryRun } from '../objectWrites.ts';
import { cordonNodes, requireNodeArgs } from './cordonNodes.ts';
import { podsForDeletion, type DrainFilterOptions } from './drainFilters.ts';
import { resolveNodes } from './nodeTargets.ts';

/** drain is `kubectl drain NODE`. */
export const drain: KubectlCommand = {
  name: 'drain',
  short: 'Drain node in preparation for maintenance',
  run: runDrain,
};

async function runDrain(inv: Invocation): Promise<number> {
  const { ctx, flags } = inv;
  requireNodeArgs(inv, 'drain NODE');
  const dryRun = dryRunStrategy(flags);
  const podSelector = flags.string('pod-selector');
  if (podSelector !== '' && !validSelector(podSelector)) {
    throw new CommandError('error: --pod-selector=<pod_selector> must be a valid label selector');
  }
  const nodes = resolveNodes(inv, inv.args, flags.string('selector'));
  cordonNodes(inv, nodes, true, dryRun);

  const fatal: string[] = [];
  const remaining: string[] = [];
  for (const node of nodes) {
    const name = node.metadata.name ?? '';
    const err = await drainOne(inv, name, podSelector, dryRun);
    if (err === undefined) {
      ctx.stdout(`node/${name} drained${dryRunSuffix(dryRun)}\n`);
      continue;
    }
    ctx.stderr(`error: unable to drain node "${name}" due to error: ${err}, continuing command...\n`);
    fatal.push(err);
    remaining.push(name);
  }
  if (remaining.length === 0) return 0;
  ctx.stderr(`There are pending nodes to be drained:\n${remaining.map((n) => ` ${n}\n`).join('')}`);
  // RunDrain returns utilerrors.NewAggregate(fatal); checkErr prints an Aggregate with
  // MultipleErrors: one line per node error and, unlike other errors, no "error: " prefix.
  throw new CommandError(fatal.join('\n'));
}

/** aggregate renders utilerrors.NewAggregate's message: one error as is, several in brackets. */
function aggregate(errs: string[]): string {
  return errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`;
}

/** drainOne is deleteOrEvictPodsSimple: the error text, or undefined when the node is drained. */
async function drainOne(inv: Invocation, nodeName: string, podSelector: string, dryRun: DryRun): Promise<string | undefined> {
  const { ctx, flags } = inv;
  const listed = ctx.client.list(PODS, undefined, { fieldSelector: `spec.nodeName=${nodeName}`, labelSelector: podSelector }).items;
  const list = podsForDeletion(listed, filterOptions(inv));
  if (list.errors.length > 0) return aggregate(list.errors);
  if (list.warnings !== '') printWarning(inv, list.warnings);
  if (dryRun === 'client') {
    for (const pod of list.pods) ctx.stdout(`evicting pod ${pod.metadata.namespace}/${pod.metadata.name} (dry run)\n`);
    return undefined;
  }
  const err = flags.bool('disable-eviction') ? await deletePods(inv, list.pods, dryRun) : await evictPods(inv, list.pods, dryRun);
  if (err === undefined) return undefined;
  const pending = podsForDeletion(ctx.client.list(PODS, undefined, { fieldSelector: `spec.nodeName=${nodeName}`, labelSelector: podSelector }).items, filterOptions(inv)).pods;
  if (pending.length > 0) {
    ctx.stderr(`There are pending pods in node "${nodeName}" when an error occurred: ${err}\n${pending.map((p) => `pod/${p.metadata.name}\n`).join('')}`);
  }
  return err;
}

function filterOptions(inv: Invocation): DrainFilterOptions {
  const { ctx, flags } = inv;
  const daemonSets = inv.mapper.find('daemonsets.apps');
  return {
    force: flags.bool('force'),
    ignoreDaemonSets: flags.bool('ignore-daemonsets'),
    deleteEmptyDirData: flags.bool('delete-emptydir-data') || flags.bool('delete-local-data'),
    skipWaitForDeleteTimeoutSeconds: flags.int('skip-wait-for-delete-timeout'),
    nowMs: ctx.now(),
    daemonSetLookup(namespace, name) {
      // Until DaemonSets are served, a DaemonSet-controlled pod's owner is taken to exist.
      if (!daemonSets) return true;
      try {
        ctx.client.get(daemonSets, namespace, name);
        return true;
      } catch (err) {
        const notFound = isStatusError(err) && err.code === 404;
        return { notFound, message: isStatusError(err) ? err.status.message : String(err) };
      }
    },
  };
}

function timeoutMs(inv: Invocation): number {
  const ms = parseGoDuration(inv.flags.string('timeout') || '0') ?? 0;
  return ms <= 0 ? Infinity : ms;
}

function deleteOptions(inv: Invocation): { gracePeriodSeconds?: number } {
  const grace = inv.flags.int('grace-period');
  return grace >= 0 ? { gracePeriodSeconds: grace } : {};
}

/**
 * evictPods is pkg/drain's evictPods: every pod gets its own task (a goroutine upstream)
 * that posts an Eviction, retries 429s (a PodDisruptionBudget said no) every 5 s until the
 * global timeout, then waits for its pod to go. Errors are collected in the order the
 * tasks finish and aggregated.
 */
async function evictPods(inv: Invocation, pods: KubeObject[], dryRun: DryRun): Promise<string | undefined> {
  const limit = timeoutMs(inv);
  const deadline = inv.ctx.now() + limit;
  const errors: string[] = [];
  await Promise.all(
    pods.map(async (pod) => {
      const err = await evictOne(inv, pod, dryRun, deadline, limit);
      if (err !== undefined) errors.push(err);
    }),
  );
  return errors.length > 0 ? aggregate(errors) : undefined;
}

/** evictOne is one evictPods goroutine: the error it reports, or undefined once the pod is gone. */
async function evictOne(inv: Invocation, pod: KubeObject, dryRun: DryRun, deadline: number, limit: number): Promise<string | undefined> {
  const { ctx } = inv;
  const ns = pod.metadata.namespace ?? '';
  const name = pod.metadata.name ?? '';
  for (;;) {
    ctx.stdout(`evicting pod ${ns}/${name}${dryRun === 'server' ? ' (server dry run)' : ''}\n`);
    if (ctx.now() >= deadline) return `error when evicting pods/"${name}" -n "${ns}": global timeout reached: ${goDuration(limit)}`;
    try {
      ctx.client.evict(ns, name, deleteOptions(inv), dryRun === 'server');
      break;
    } catch (err) {
      if (isStatusError(err) && err.code === 404) return undefined;
      if (!(isStatusError(err) && err.code === 429)) {
        return `error when evicting pods/"${name}" -n "${ns}": ${isStatusError(err) ? err.status.message : String(err)}`;
      }
      ctx.stderr(`error when evicting pods/"${name}" -n "${ns}" (will retry after 5s): ${err.status.message}\n`);
      await ctx.sleep(5000, ctx.signal);
      if (ctx.signal.aborted) return 'interrupted';
    }
  }
  if (dryRun === 'server') return undefined;
  const left = await waitForDelete(inv, [pod], 'evicted', deadline, limit);
  return left ? `error when waiting for pod "${name}" in namespace "${ns}" to terminate: global timeout reached: ${goDuration(limit)}` : undefined;
}

/** deletePods is drain's --disable-eviction path: DELETE each pod, then wait for all. */
async function deletePods(inv: Invocation, pods: KubeObject[], dryRun: DryRun): Promise<string | undefined> {
  const { ctx } = inv;
  for (const pod of pods) {
    try {
      ctx.client.delete(PODS, pod.metadata.namespace ?? '', pod.metadata.name ?? '', { ...deleteOptions(inv), dryRun: dryRun === 'server' });
    } catch (err) {
      if (!(isStatusError(err) && err.code === 404)) return isStatusError(err) ? err.status.message : String(err);
    }
  }
  if (dryRun === 'server') return undefined;
  const limit = timeoutMs(inv);
  const left = await waitForDelete(inv, pods, 'deleted', ctx.now() + limit, limit);
  return left ? `global timeout reached: ${goDuration(limit)}` : undefined;
}

/**
 * waitForDelete polls until every pod is gone (404, or replaced by a pod with another UID),
 * printing `pod/x evicted` as each goes; it returns the pods left when the deadline passes.
 */
async function waitForDelete(inv: Invocation, pods: KubeObject[], verb: string, deadline: number, limit: number): Promise<KubeObject[] | undefined> {
  const { ctx } = inv;
  let pending = [...pods];
  const gone = (pod: KubeObject) => {
    const live = ctx.client.tryGet(PODS, pod.metadata.namespace ?? '', pod.metadata.name ?? '');
    return !live || live.metadata.uid !== pod.metadata.uid;
  };
  for (;;) {
    const done = pending.filter(gone);
    for (const pod of done) ctx.stdout(`pod/${pod.metadata.name} ${verb}\n`);
    pending = pending.filter((p) => !done.includes(p));
    if (pending.length === 0) return undefined;
    if (ctx.signal.aborted) return pending;
    const left = deadline - ctx.now();
    if (left <= 0) return pending;
    await ctx.waitFor(() => pending.some(gone), Number.isFinite(limit) ? left : Infinity, ctx.signal);
  }
}

/** goDuration prints a duration as Go's time.Duration String() does for whole seconds ("1m30s", "5s"). */
function goDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '2562047h47m16.854775807s';
  let s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  if (h > 0) return `${h}h${m}m${s}s`;
  if (m > 0) return `${m}m${s}s`;
  return `${s}s`;
}

function validSelector(s: string): boolean {
  try {
    parseSelector(s);
    return true;
  } catch {
    return false;
  }
}
