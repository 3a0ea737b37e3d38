/**
 * kubectl apply --prune, the classic (non-ApplySet) pruning of apply.go, prune.go and
 * pkg/util/prune: after every object applied without error, list the objects of the prune
 * resource types (--prune-allowlist, else the default allowlist) in each namespace apply
 * touched, with the -l selector (or everything under --all), and delete those that carry
 * the last-applied annotation but were not applied this time — `deployment.apps/old
 * pruned`. Non-namespaced types (Namespace, PersistentVolume) are listed cluster-wide.
 */
import { parseSelector, SelectorError } from '../../../core/api/labels.ts';
import type { KubeObject } from '../../../core/api/types.ts';
import type { ResourceDefinition } from '../../../core/client/client.ts';
import type { Invocation } from '../../command.ts';
import { CommandError } from '../../errors.ts';
import { klogPrefix } from '../create/generatorFlags.ts';
import { cascadePolicy } from '../delete/delete.ts';
import { LAST_APPLIED, printWritten, type DryRun } from '../objectWrites.ts';

/** DEFAULT_NAMESPACED and DEFAULT_CLUSTER are pkg/util/prune's default allowlist, in its order. */
const DEFAULT_NAMESPACED = [
  '/v1/ConfigMap', '/v1/Endpoints', '/v1/PersistentVolumeClaim', '/v1/Pod', '/v1/ReplicationController', '/v1/Secret', '/v1/Service',
  'batch/v1/Job', 'batch/v1/CronJob', 'networking.k8s.io/v1/Ingress',
  'apps/v1/DaemonSet', 'apps/v1/Deployment', 'apps/v1/ReplicaSet', 'apps/v1/StatefulSet',
];
const DEFAULT_CLUSTER = ['/v1/Namespace', '/v1/PersistentVolume'];

/** PrunePlan is what --prune will do once everything is applied. */
export interface PrunePlan {
  selector: string;
  /** resources are the --prune-allowlist mappings; empty means the default allowlist. */
  resources: ResourceDefinition[];
  visitedNamespaces: Set<string>;
  visitedUids: Set<string>;
}

/**
 * prunePlan checks the prune-related flags in apply's order (ApplyFlags.ToOptions, then
 * Validate) and returns the plan, or undefined without --prune. Checks that hold for any
 * apply (-l syntax, --all with -l) run here too.
 */
export function prunePlan(inv: Invocation, serverSide: boolean): PrunePlan | undefined {
  const { flags } = inv;
  const prune = flags.bool('prune');
  const resources = prune ? flags.strings('prune-allowlist').map((gvk) => allowlisted(inv, gvk)) : [];
  const selector = flags.string('selector');
  if (selector !== '') {
    try {
      parseSelector(selector);
    } catch (err) {
      if (!(err instanceof SelectorError)) throw err;
      throw new CommandError(`error: the provided selector "${selector}" is not valid: ${err.message}`);
    }
  }
  if (serverSide && flags.bool('force')) throw new CommandError('error: --force cannot be used with --server-side');
  if (flags.bool('all') && selector !== '') throw new CommandError('error: cannot set --all and --selector at the same time');
  if (!prune) return undefined;
  if (flags.bool('force')) throw new CommandError('error: --force cannot be used with --prune');
  if (!flags.bool('all') && selector === '') {
    throw new CommandError(
      'error: all resources selected for prune without explicitly passing --all. To prune all resources, pass the --all flag. If you did not mean to prune all resources, specify a label selector',
    );
  }
  if (serverSide) throw new CommandError("error: --prune is in alpha and doesn't currently work on objects created by server-side apply");
  return { selector, resources, visitedNamespaces: new Set(), visitedUids: new Set() };
}

/** allowlisted is prune.ParseResources for one `group/version/kind` (`core` is the legacy group). */
function allowlisted(inv: Invocation, gvk: string): ResourceDefinition {
  const parts = gvk.split('/');
  if (parts.length !== 3) throw new CommandError(`error: invalid GroupVersionKind format: ${gvk}, please follow <group/version/kind>`);
  const group = parts[0] === 'core' ? '' : parts[0];
  const apiVersion = group ? `${group}/${parts[1]}` : parts[1];
  const def = inv.mapper.forKind(apiVersion, parts[2]);
  if (!def) throw new CommandError(`error: no matches for kind "${parts[2]}" in version "${apiVersion}"`);
  return def;
}

/** defaultResources maps the default allowlist; kinds this cluster does not serve fail as upstream's RESTMapping would. */
function defaultResources(inv: Invocation): ResourceDefinition[] {
  return [...DEFAULT_NAMESPACED, ...DEFAULT_CLUSTER].map((entry) => {
    const [group, version, kind] = entry.split('/') as [string, string, string];
    const def = inv.mapper.forKind(group ? `${group}/${version}` : version, kind);
    if (!def) {
      throw new CommandError(
        `error: error retrieving RESTMappings to prune: invalid resource ${group}/${version}, Kind=${kind}, Namespaced=${DEFAULT_NAMESPACED.includes(entry)}: no matches for kind "${kind}" in version "${group ? `${group}/${version}` : version}"`,
      );
    }
    return def;
  });
}

/**
 * runPrune is pruner.pruneAll: each visited namespace × namespaced type, then the
 * cluster-scoped types. A failed list or delete stops pruning with upstream's wording.
 */
export function runPrune(inv: Invocation, plan: PrunePlan, dryRun: DryRun): void {
  const { ctx } = inv;
  let resources = plan.resources;
  if (resources.length === 0) {
    resources = defaultResources(inv);
    // kubectl always has a namespace (the kubeconfig's or "default"), so this always shows.
    ctx.stderr(
      `${klogPrefix(ctx.now(), 'W')}prune.go:71] Deprecated: kubectl apply will no longer prune non-namespaced resources by default when used with the --namespace flag in a future release. To preserve the current behaviour, list the resources you want to target explicitly in the --prune-allowlist flag.\n`,
    );
  }
  const propagationPolicy = cascadePolicy(inv);
  const gracePeriod = inv.flags.changed('grace-period') ? inv.flags.int('grace-period') : -1;
  const pruneIn = (namespace: string, def: ResourceDefinition, scope: 'namespaced' | 'nonNamespaced') => {
    let items: KubeObject[];
    try {
      items = ctx.client.list(def, def.namespaced ? namespace : undefined, { labelSelector: plan.selector }).items;
    } catch (err) {
      throw pruneError(def, scope, err);
    }
    for (const obj of items) {
      if (obj.metadata.annotations?.[LAST_APPLIED] === undefined) continue; // not created by apply
      if (plan.visitedUids.has(obj.metadata.uid ?? '')) continue;
      if (dryRun !== 'client') {
        try {
          ctx.client.delete(def, namespace, obj.metadata.name ?? '', {
            propagationPolicy,
            ...(gracePeriod >= 0 ? { gracePeriodSeconds: gracePeriod } : {}),
            dryRun: dryRun === 'server',
          });
        } catch (err) {
          throw pruneError(def, scope, err);
        }
      }
      printWritten(inv, def, obj, 'pruned', dryRun);
    }
  };
  for (const namespace of plan.visitedNamespaces) {
    for (const def of resources.filter((d) => d.namespaced)) pruneIn(namespace, def, 'namespaced');
  }
  for (const def of resources.filter((d) => !d.namespaced)) pruneIn('', def, 'nonNamespaced');
}

/** pruneError is pruneAll's wrapping: `error pruning namespaced object apps/v1, Kind=Deployment: ...`. */
function pruneError(def: ResourceDefinition, scope: string, err: unknown): CommandError {
  const message = (err as { status?: { message?: string } }).status?.message ?? (err as Error).message;
  return new CommandError(`error: error pruning ${scope} object ${def.group}/${def.version}, Kind=${def.kind}: ${message}`);
}
