/**
 * drainFilters decides, pod by pod, what `kubectl drain` does with the pods on a node:
 * GetPodsForDeletion and its filters from staging/src/k8s.io/kubectl/pkg/drain/filters.go.
 *
 * Filters run in upstream order (skip deleted, DaemonSet, mirror, local storage,
 * unreplicated); the first that refuses deletion decides, otherwise the last status stands
 * (so, as upstream, the emptyDir warning is dropped by the later filters).
 */
import { controllerOf } from '../../../core/api/ownerReferences.ts';
import type { KubeObject } from '../../../core/api/types.ts';

const DAEMONSET_FATAL = 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)';
const DAEMONSET_WARNING = 'ignoring DaemonSet-managed Pods';
const LOCAL_STORAGE_FATAL = 'Pods with local storage (use --delete-emptydir-data to override)';
const LOCAL_STORAGE_WARNING = 'deleting Pods with local storage';
const UNMANAGED_FATAL = 'cannot delete Pods that declare no controller (use --force to override)';
const UNMANAGED_WARNING = 'deleting Pods that declare no controller';
const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';

/** DrainFilterOptions are the drain flags the filters read. */
export interface DrainFilterOptions {
  force: boolean;
  ignoreDaemonSets: boolean;
  deleteEmptyDirData: boolean;
  skipWaitForDeleteTimeoutSeconds: number;
  nowMs: number;
  /** daemonSetLookup says whether a controlling DaemonSet exists; a string is the NotFound (or other) error message. */
  daemonSetLookup(namespace: string, name: string): true | { notFound: boolean; message: string };
}

/** PodDeleteStatus is upstream's verdict for one pod. */
export interface PodDeleteStatus {
  delete: boolean;
  reason: 'Okay' | 'Skip' | 'Warning' | 'Error';
  message: string;
}

/** PodDeleteList is the verdicts, in list order, with the helpers drain prints from. */
export interface PodDeleteList {
  items: Array<{ pod: KubeObject; status: PodDeleteStatus }>;
  /** pods are the ones to evict or delete. */
  pods: KubeObject[];
  /** warnings is "msg: ns/a, ns/b; msg2: ..." (empty when none). */
  warnings: string;
  /** errors are "msg: ns/a, ns/b" per distinct message. */
  errors: string[];
}

const okay = (): PodDeleteStatus => ({ delete: true, reason: 'Okay', message: '' });
const skip = (): PodDeleteStatus => ({ delete: false, reason: 'Skip', message: '' });
const warn = (del: boolean, message: string): PodDeleteStatus => ({ delete: del, reason: 'Warning', message });
const fail = (message: string): PodDeleteStatus => ({ delete: false, reason: 'Error', message });

/** podsForDeletion runs the filters over the node's pods. */
export function podsForDeletion(pods: readonly KubeObject[], opts: DrainFilterOptions): PodDeleteList {
  const filters = [skipDeleted, daemonSetFilter, mirrorPodFilter, localStorageFilter, unreplicatedFilter];
  const items = pods.map((pod) => {
    let status = okay();
    for (const f of filters) {
      status = f(pod, opts);
      if (!status.delete) break;
    }
    return { pod, status };
  });
  return { items, pods: items.filter((i) => i.status.delete).map((i) => i.pod), warnings: warningsOf(items), errors: errorsOf(items) };
}

function podKey(pod: KubeObject): string {
  return `${pod.metadata.namespace}/${pod.metadata.name}`;
}

/** groupBy keeps first-seen message order (upstream iterates a Go map, so its order varies). */
function groupBy(items: PodDeleteList['items'], reason: PodDeleteStatus['reason']): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const { pod, status } of items) {
    if (status.reason !== reason) continue;
    const msg = status.message || 'unexpected error';
    groups.set(msg, [...(groups.get(msg) ?? []), podKey(pod)]);
  }
  return groups;
}

function warningsOf(items: PodDeleteList['items']): string {
  return [...groupBy(items, 'Warning')].map(([msg, pods]) => `${msg}: ${pods.join(', ')}`).join('; ');
}

function errorsOf(items: PodDeleteList['items']): string[] {
  return [...groupBy(items, 'Error')].map(([msg, pods]) =>
    msg.toLowerCase().startsWith('cannot delete') ? `${msg}: ${pods.join(', ')}` : `cannot delete ${msg}: ${pods.join(', ')}`,
  );
}

function finished(pod: KubeObject): boolean {
  const phase = (pod.status as { phase?: string } | undefined)?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

function skipDeleted(pod: KubeObject, opts: DrainFilterOptions): PodDeleteStatus {
  const ts = pod.metadata.deletionTimestamp;
  if (opts.skipWaitForDeleteTimeoutSeconds > 0 && ts && (opts.nowMs - Date.parse(ts)) / 1000 > opts.skipWaitForDeleteTimeoutSeconds) return skip();
  return okay();
}

function daemonSetFilter(pod: KubeObject, opts: DrainFilterOptions): PodDeleteStatus {
  const ref = controllerOf(pod);
  if (!ref || ref.kind !== 'DaemonSet' || finished(pod)) return okay();
  const found = opts.daemonSetLookup(pod.metadata.namespace ?? '', ref.name);
  if (found !== true) {
    // An orphaned DaemonSet pod goes (with a warning) only under --force.
    if (found.notFound && opts.force) return warn(true, found.message);
    return fail(found.message);
  }
  return opts.ignoreDaemonSets ? warn(false, DAEMONSET_WARNING) : fail(DAEMONSET_FATAL);
}

function mirrorPodFilter(pod: KubeObject): PodDeleteStatus {
  return pod.metadata.annotations?.[MIRROR_POD_ANNOTATION] !== undefined ? skip() : okay();
}

function localStorageFilter(pod: KubeObject, opts: DrainFilterOptions): PodDeleteStatus {
  const volumes = (pod.spec as { volumes?: Array<{ emptyDir?: unknown }> } | undefined)?.volumes ?? [];
  if (!volumes.some((v) => v.emptyDir !== undefined) || finished(pod)) return okay();
  return opts.deleteEmptyDirData ? warn(true, LOCAL_STORAGE_WARNING) : fail(LOCAL_STORAGE_FATAL);
}

function unreplicatedFilter(pod: KubeObject, opts: DrainFilterOptions): PodDeleteStatus {
  if (finished(pod) || controllerOf(pod)) return okay();
  return opts.force ? warn(true, UNMANAGED_WARNING) : fail(UNMANAGED_FATAL);
}
