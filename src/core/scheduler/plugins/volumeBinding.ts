/**
 * VolumeBinding (pkg/scheduler/framework/plugins/volumebinding, binder.go FindPodVolumes):
 * a pod's PersistentVolumeClaims decide where it may run.
 *
 * PreFilter rejects the pod everywhere when a claim is missing, being deleted, or unbound
 * with an Immediate class (the PV controller binds those first). Filter, per node: a bound
 * claim's volume must allow the node (PV nodeAffinity); each unbound WaitForFirstConsumer
 * claim needs an Available volume that fits the node, or a class that can provision (not
 * kubernetes.io/no-provisioner, allowedTopologies matching), or — once the scheduler chose
 * a node for it (volume.kubernetes.io/selected-node) — that very node. The per-node choice
 * is kept in the cycle state for PreBind (see ../volumeBinder.ts).
 */
import type { Node, Pod } from '../../api/types.ts';
import { nodeSelectorTermsMatch } from '../../api/nodeAffinity.ts';
import {
  ANN_SELECTED_NODE,
  checkVolumeNodeAffinity,
  claimClass,
  findMatchingVolume,
  NOT_SUPPORTED_PROVISIONER,
  podClaimNames,
  podClaims,
} from '../../api/persistentVolumes.ts';
import type { KubeObject } from '../../api/types.ts';
import { unresolvable, type FilterPlugin, type NodeInfo, type SchedulingContext, type Status } from '../types.ts';

type Dict = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** ERR_REASON_BIND_CONFLICT: no volume for an unbound claim fits the node and none can be provisioned there. */
export const ERR_REASON_BIND_CONFLICT = "node(s) didn't find available persistent volumes to bind";
/** ERR_REASON_NODE_CONFLICT: a bound claim's volume is pinned to other nodes. */
export const ERR_REASON_NODE_CONFLICT = 'node(s) had volume node affinity conflict';
/** ERR_UNBOUND_IMMEDIATE: a claim the PV controller has not bound yet. */
export const ERR_UNBOUND_IMMEDIATE = 'pod has unbound immediate PersistentVolumeClaims';

/** VolumeListers are the scheduler's informer caches of claims, volumes and classes. */
export interface VolumeListers {
  claim(namespace: string, name: string): KubeObject | undefined;
  volume(name: string): KubeObject | undefined;
  volumes(): KubeObject[];
  storageClass(name: string): KubeObject | undefined;
}

/** PodVolumeClaims are a pod's claims by how they are bound (podVolumeClaims upstream). */
export interface PodVolumeClaims {
  bound: KubeObject[];
  delayed: KubeObject[];
}

/** NodeVolumeChoice is what PreBind does for one node: pre-bind these volumes, provision these claims. */
export interface NodeVolumeChoice {
  bindings: { pv: KubeObject; claim: KubeObject }[];
  provisions: KubeObject[];
}

const STATE_KEY = 'VolumeBinding';

export { podClaimNames };

/** isDelayBinding: the claim's class binds WaitForFirstConsumer. */
function isDelayBinding(claim: KubeObject, listers: VolumeListers): boolean {
  const name = claimClass(claim);
  return !!name && (listers.storageClass(name) as Dict | undefined)?.volumeBindingMode === 'WaitForFirstConsumer';
}

/** podVolumeClaims is GetPodVolumeClaims: a Status when the pod cannot be placed anywhere. */
export function podVolumeClaims(pod: Pod, listers: VolumeListers): PodVolumeClaims | Status {
  const ns = pod.metadata?.namespace ?? '';
  const out: PodVolumeClaims = { bound: [], delayed: [] };
  let unboundImmediate = false;
  for (const { claimName: name, ephemeral } of podClaims(pod)) {
    const claim = listers.claim(ns, name);
    if (!claim && ephemeral) return unresolvable(`waiting for ephemeral volume controller to create the persistentvolumeclaim "${name}"`);
    if (!claim) return unresolvable(`persistentvolumeclaim "${name}" not found`);
    if (claim.metadata.deletionTimestamp) return unresolvable(`persistentvolumeclaim "${name}" is being deleted`);
    if ((claim.spec as Dict | undefined)?.volumeName) out.bound.push(claim);
    else if (isDelayBinding(claim, listers)) out.delayed.push(claim);
    else unboundImmediate = true;
  }
  if (unboundImmediate) return unresolvable(ERR_UNBOUND_IMMEDIATE);
  return out;
}

/**
 * findPodVolumes is FindPodVolumes for one node: undefined reasons mean the node fits and
 * `choice` says what PreBind must do there.
 */
export function findPodVolumes(claims: PodVolumeClaims, node: Node, listers: VolumeListers): { reasons: string[]; choice: NodeVolumeChoice } {
  const reasons: string[] = [];
  const choice: NodeVolumeChoice = { bindings: [], provisions: [] };
  for (const claim of claims.bound) {
    const pv = listers.volume((claim.spec as Dict).volumeName);
    if (pv && !checkVolumeNodeAffinity(pv, node)) {
      reasons.push(ERR_REASON_NODE_CONFLICT);
      break;
    }
  }
  const nodeName = node.metadata?.name ?? '';
  let satisfied = true;
  const chosen = new Set<string>();
  const volumes = listers.volumes();
  for (const claim of claims.delayed) {
    const selected = claim.metadata.annotations?.[ANN_SELECTED_NODE];
    if (selected !== undefined) {
      // Provisioning already started for a node: only that node will do.
      if (selected !== nodeName) satisfied = false;
      else choice.provisions.push(claim);
      continue;
    }
    const pv = findMatchingVolume(claim, volumes, node, true, chosen);
    if (pv) {
      chosen.add(pv.metadata.name ?? '');
      choice.bindings.push({ pv, claim });
      continue;
    }
    const sc = listers.storageClass(claimClass(claim)) as Dict | undefined;
    const provisioner = sc?.provisioner ?? '';
    const topologies = (sc?.allowedTopologies ?? []) as { matchLabelExpressions?: { key: string; values: string[] }[] }[];
    const topologyOK =
      topologies.length === 0 ||
      nodeSelectorTermsMatch(
        topologies.map((t) => ({ matchExpressions: (t.matchLabelExpressions ?? []).map((e) => ({ key: e.key, operator: 'In', values: e.values })) })),
        node,
      );
    if (!provisioner || provisioner === NOT_SUPPORTED_PROVISIONER || !topologyOK) satisfied = false;
    else choice.provisions.push(claim);
  }
  if (!satisfied) reasons.push(ERR_REASON_BIND_CONFLICT);
  return { reasons, choice };
}

/** volumeChoiceFor reads the choice Filter made for a node in this cycle. */
export function volumeChoiceFor(ctx: SchedulingContext, nodeName: string): NodeVolumeChoice | undefined {
  return (ctx.state.get(`${STATE_KEY}/${nodeName}`) as NodeVolumeChoice | undefined) ?? undefined;
}

/** volumeBinding returns the plugin over the scheduler's listers. */
export function volumeBinding(listers: VolumeListers): FilterPlugin {
  return {
    name: 'VolumeBinding',
    preFilter(ctx, pod) {
      if (podClaimNames(pod).length === 0) return { code: 'Skip', reasons: [] };
      const claims = podVolumeClaims(pod, listers);
      if ('code' in claims) return claims;
      ctx.state.set(STATE_KEY, claims);
      return undefined;
    },
    filter(ctx, _pod, nodeInfo: NodeInfo) {
      const claims = ctx.state.get(STATE_KEY) as PodVolumeClaims | undefined;
      if (!claims) return undefined;
      const { reasons, choice } = findPodVolumes(claims, nodeInfo.node, listers);
      if (reasons.length > 0) return unresolvable(...reasons);
      ctx.state.set(`${STATE_KEY}/${nodeInfo.name}`, choice);
      return undefined;
    },
  };
}
