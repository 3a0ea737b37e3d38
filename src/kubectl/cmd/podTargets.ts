/**
 * podTargets: how logs, exec, cp and port-forward get from what a person typed to one pod
 * and one container (kubectl/pkg/polymorphichelpers: SelectorsForObject, GetFirstPod,
 * AttachablePodForObject; kubectl/pkg/cmd/util/podcmd: FindOrDefaultContainerByName).
 */
import type { Container, Pod } from 'kubernetes-types/core/v1';
import { formatLabelSelector } from '../../core/api/labels.ts';
import type { KubeObject } from '../../core/api/types.ts';
import type { Client } from '../../core/client/client.ts';
import { CommandError } from '../errors.ts';
import type { Invocation } from '../command.ts';

/** DEFAULT_CONTAINER_ANNOTATION preselects the interesting container of a pod. */
export const DEFAULT_CONTAINER_ANNOTATION = 'kubectl.kubernetes.io/default-container';

const PODS = { group: '', resource: 'pods' };

/** allContainerNames is podcmd's list: containers, then "x (ephem)", then "x (init)". */
export function allContainerNames(pod: Pod): string {
  const spec = pod.spec;
  return [
    ...(spec?.containers ?? []).map((c) => c.name),
    ...(spec?.ephemeralContainers ?? []).map((c) => `${c.name} (ephem)`),
    ...(spec?.initContainers ?? []).map((c) => `${c.name} (init)`),
  ].join(', ');
}

/** findContainer looks a container up by name among containers, init and ephemeral containers. */
export function findContainer(pod: Pod, name: string): Container | undefined {
  const spec = pod.spec;
  return (
    spec?.containers.find((c) => c.name === name) ??
    spec?.initContainers?.find((c) => c.name === name) ??
    (spec?.ephemeralContainers?.find((c) => c.name === name) as Container | undefined)
  );
}

/**
 * defaultContainer is FindOrDefaultContainerByName without a name: the annotated default
 * container, else the first one, saying so on stderr when there was a choice.
 */
export function defaultContainer(pod: Pod, warn: ((text: string) => void) | undefined): Container {
  const spec = pod.spec;
  if (!spec || spec.containers.length === 0) {
    throw new CommandError(`error: pod ${pod.metadata?.namespace}/${pod.metadata?.name} does not have any containers`);
  }
  const annotated = pod.metadata?.annotations?.[DEFAULT_CONTAINER_ANNOTATION];
  if (annotated) {
    const c = findContainer(pod, annotated);
    if (c) return c;
  }
  const first = spec.containers[0];
  if (warn && (spec.containers.length > 1 || (spec.initContainers?.length ?? 0) > 0 || (spec.ephemeralContainers?.length ?? 0) > 0)) {
    warn(`Defaulted container "${first.name}" out of: ${allContainerNames(pod)}\n`);
  }
  return first;
}

/** selectorForObject is SelectorsForObject: the pod selector of a workload or service. */
export function selectorForObject(kind: string, obj: KubeObject): string {
  const spec = (obj as { spec?: { selector?: unknown } }).spec;
  const sel = spec?.selector as Record<string, unknown> | undefined;
  switch (kind) {
    case 'Service':
    case 'ReplicationController':
      if (!sel || Object.keys(sel).length === 0) throw new CommandError(`error: invalid ${kind === 'Service' ? 'service' : 'replication controller'} '${obj.metadata.name}': Service is defined without a selector`);
      return Object.entries(sel)
        .map(([k, v]) => `${k}=${String(v)}`)
        .join(',');
    case 'Deployment':
    case 'ReplicaSet':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'Job':
      return formatLabelSelector(sel as never);
    default:
      throw new CommandError(`error: cannot attach to *v1.${kind}: selector for *v1.${kind} not implemented`);
  }
}

/**
 * byLogging ranks pods the way podutils.ByLogging does, best first: bound to a node,
 * Running before Unknown before Pending, ready, more restarts, older.
 */
export function byLogging(a: Pod, b: Pod): number {
  const bound = (p: Pod) => (p.spec?.nodeName ? 0 : 1);
  const phase = (p: Pod) => ({ Running: 0, Unknown: 1, Pending: 2 } as Record<string, number>)[p.status?.phase ?? ''] ?? 3;
  const ready = (p: Pod) => (p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ? 0 : 1);
  const restarts = (p: Pod) => -(p.status?.containerStatuses ?? []).reduce((n, c) => n + (c.restartCount ?? 0), 0);
  const created = (p: Pod) => Date.parse(p.metadata?.creationTimestamp ?? '') || 0;
  return bound(a) - bound(b) || phase(a) - phase(b) || ready(a) - ready(b) || restarts(a) - restarts(b) || created(a) - created(b);
}

/** podsForSelector lists the pods of a selector, best for logging first. */
export function podsForSelector(client: Client, namespace: string, selector: string): Pod[] {
  return (client.list(PODS, namespace, { labelSelector: selector }).items as Pod[]).slice().sort(byLogging);
}

/**
 * podForArgument resolves `POD` or `TYPE/NAME` to one pod; for a workload it picks the
 * best pod and says `Found 2 pods, using pod/x` when there were several.
 */
export function podForArgument(inv: Invocation, arg: string, warn: (text: string) => void): Pod {
  const client = inv.ctx.client;
  const slash = arg.indexOf('/');
  if (slash < 0) return client.get(PODS, inv.namespace, arg) as Pod;
  const def = inv.mapper.resolve(arg.slice(0, slash));
  const name = arg.slice(slash + 1);
  const obj = client.get(def, def.namespaced ? inv.namespace : '', name);
  if (def.kind === 'Pod') return obj as Pod;
  const pods = podsForSelector(client, inv.namespace, selectorForObject(def.kind, obj));
  if (pods.length === 0) throw new CommandError('error: timed out waiting for the condition');
  if (pods.length > 1) warn(`Found ${pods.length} pods, using pod/${pods[0].metadata?.name}\n`);
  return pods[0];
}
