/**
 * Pod defaulting: SetDefaults_Pod (pkg/apis/core/v1/defaults.go), the status the pod
 * registry strategy sets on create (pkg/registry/core/pod/strategy.go PrepareForCreate),
 * and the defaults added by admission plugins that every real cluster runs
 * (DefaultTolerationSeconds, Priority).
 */
import type { Container, Pod, Toleration } from 'kubernetes-types/core/v1';
import { defaultPodSpec } from './podSpec.ts';
import { podQOSClass } from './qos.ts';

/** defaultPod applies SetDefaults_Pod and SetDefaults_PodSpec (it mutates the object it is given). */
export function defaultPod(pod: Pod): void {
  pod.spec ??= { containers: [] };
  const spec = pod.spec;
  for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) defaultRequestsFromLimits(c);
  spec.enableServiceLinks ??= true;
  if (spec.hostNetwork) {
    for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) defaultHostNetworkPorts(c);
  }
  defaultPodSpec(spec);
}

/** defaultRequestsFromLimits copies each limit into requests when that request is unset: "requests default to limits". */
function defaultRequestsFromLimits(c: Container): void {
  const limits = c.resources?.limits;
  if (!c.resources || !limits) return;
  const requests = (c.resources.requests ??= {});
  for (const [name, value] of Object.entries(limits)) {
    if (!(name in requests)) requests[name] = value;
  }
}

/** defaultHostNetworkPorts sets hostPort = containerPort for hostNetwork pods, as upstream does. */
function defaultHostNetworkPorts(c: Container): void {
  for (const p of c.ports ?? []) {
    if (!p.hostPort) p.hostPort = p.containerPort;
  }
}

/** preparePodForCreate sets the status a new Pod starts with: phase Pending and its QoS class (pod strategy PrepareForCreate). */
export function preparePodForCreate(pod: Pod): void {
  (pod as { status?: Pod['status'] }).status = { phase: 'Pending', qosClass: podQOSClass(pod) };
}

/**
 * defaultPodPriority models the Priority admission plugin when no PriorityClass is named
 * and none is marked globalDefault: priority 0, preemptionPolicy PreemptLowerPriority.
 */
export function defaultPodPriority(pod: Pod): void {
  if (!pod.spec) return;
  if (!pod.spec.priorityClassName) pod.spec.priority ??= 0;
  pod.spec.preemptionPolicy ??= 'PreemptLowerPriority';
}

/** DEFAULT_TOLERATION_SECONDS is the admission plugin's default for both not-ready and unreachable (--default-not-ready-toleration-seconds). */
export const DEFAULT_TOLERATION_SECONDS = 300;

/**
 * defaultTolerationSeconds models the DefaultTolerationSeconds admission plugin
 * (plugin/pkg/admission/defaulttolerationseconds): unless the pod already tolerates
 * the taint, add NoExecute tolerations for node.kubernetes.io/not-ready and
 * node.kubernetes.io/unreachable with tolerationSeconds 300, in that order.
 */
export function defaultTolerationSeconds(pod: Pod): void {
  if (!pod.spec) return;
  const tolerations = pod.spec.tolerations ?? [];
  const keys = ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable'];
  const missing = keys.filter((key) => !tolerations.some((t) => toleratesNoExecute(t, key)));
  if (missing.length === 0) return;
  pod.spec.tolerations = [...tolerations, ...missing.map((key) => DEFAULT_TOLERATIONS.get(key)!)];
}

// The two tolerations added are the same for every pod: frozen objects shared by all of them
// rather than two new ones per pod to build, freeze and keep (stored pods are frozen anyway,
// and nothing after admission writes a toleration).
const DEFAULT_TOLERATIONS = new Map<string, Toleration>(
  ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable'].map((key) => [
    key,
    Object.freeze({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: DEFAULT_TOLERATION_SECONDS }),
  ]),
);

/** toleratesNoExecute: does t already cover the NoExecute taint with this key (upstream checks ToleratesTaint)? */
function toleratesNoExecute(t: Toleration, key: string): boolean {
  if (t.effect && t.effect !== 'NoExecute') return false;
  // NOTE: upstream treats an empty key as matching, whatever the operator.
  return !t.key || t.key === key;
}
