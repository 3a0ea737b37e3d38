/**
 * Which cluster events can make an unschedulable pod schedulable, per rejecting plugin.
 *
 * Models each plugin's EventsToRegister (and the node-change detection of
 * pkg/scheduler/eventhandlers.go): a node heartbeat changes nothing a plugin looks at, so it
 * must not wake pending pods; a new node, a deleted pod or a removed taint may.
 */
import type { Node, Pod } from '../api/types.ts';
import { deepEqual as equalJSON } from '../api/equality.ts';
import type { PluginInterest } from './schedulingQueue.ts';

const ALL: PluginInterest = () => true;

const only =
  (...plugins: string[]): PluginInterest =>
  (p) =>
    plugins.includes(p);

/** nodeAddedInterest: a new node may fit anything. */
export const nodeAddedInterest: PluginInterest = ALL;

/** nodeUpdatedInterest returns the plugins a node update may help, or undefined when none. */
export function nodeUpdatedInterest(oldNode: Node, newNode: Node): PluginInterest | undefined {
  const plugins: string[] = [];
  if (!!oldNode.spec?.unschedulable !== !!newNode.spec?.unschedulable) plugins.push('NodeUnschedulable');
  // Identity first: a heartbeat's new version shares these unchanged frozen parts with the old one.
  if (oldNode.spec?.taints !== newNode.spec?.taints && !equalJSON(oldNode.spec?.taints ?? [], newNode.spec?.taints ?? [])) plugins.push('TaintToleration', 'NodeUnschedulable');
  if (oldNode.metadata?.labels !== newNode.metadata?.labels && !equalJSON(oldNode.metadata?.labels ?? {}, newNode.metadata?.labels ?? {})) plugins.push('NodeAffinity', 'PodTopologySpread', 'InterPodAffinity');
  if (oldNode.status?.allocatable !== newNode.status?.allocatable && !equalJSON(oldNode.status?.allocatable ?? {}, newNode.status?.allocatable ?? {})) plugins.push('NodeResourcesFit');
  return plugins.length > 0 ? only(...plugins) : undefined;
}

/** nodeDeletedInterest: fewer domains may lower a spread constraint's skew. */
export const nodeDeletedInterest: PluginInterest = only('PodTopologySpread');

/** assignedPodAddedInterest: a pod bound elsewhere may balance a spread or satisfy affinity. */
export const assignedPodAddedInterest: PluginInterest = only('PodTopologySpread', 'InterPodAffinity');

/** assignedPodDeletedInterest: a pod gone frees resources and ports. */
export const assignedPodDeletedInterest: PluginInterest = only('NodeResourcesFit', 'NodePorts', 'PodTopologySpread', 'InterPodAffinity', 'VolumeRestrictions');

/** terminal tells whether a pod has finished (module-level: it runs for every bound pod's update). */
function terminal(p: Pod): boolean {
  return p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';
}

/** assignedPodLabelsInterest: a bound pod's new labels may balance a spread or satisfy affinity. */
const assignedPodLabelsInterest: PluginInterest = only('PodTopologySpread', 'InterPodAffinity');

/** assignedPodUpdatedInterest returns the plugins an update of a bound pod may help, or undefined. */
export function assignedPodUpdatedInterest(oldPod: Pod, newPod: Pod): PluginInterest | undefined {
  if (!terminal(oldPod) && terminal(newPod)) return assignedPodDeletedInterest;
  // Stored versions share an unchanged labels object: most updates (status writes) stop at the identity check.
  const oldLabels = oldPod.metadata?.labels;
  const newLabels = newPod.metadata?.labels;
  if (oldLabels !== newLabels && !equalJSON(oldLabels ?? {}, newLabels ?? {})) return assignedPodLabelsInterest;
  return undefined;
}
