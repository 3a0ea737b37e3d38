/**
 * Builders for plugin tests: NodeInfo snapshots without a cluster.
 */
import type { Node, Pod } from '../../api/types.ts';
import { newNodeInfo } from '../nodeInfo.ts';
import type { NodeInfo, SchedulingContext } from '../types.ts';

/** nodeInfo builds a NodeInfo for a node with the given allocatable, labels, taints and pods. */
export function nodeInfo(name: string, opts: { cpu?: string; memory?: string; pods?: string; labels?: Record<string, string>; spec?: object; podsOn?: Pod[] } = {}): NodeInfo {
  const alloc = { cpu: opts.cpu ?? '2', memory: opts.memory ?? '4Gi', pods: opts.pods ?? '110' };
  const node = { metadata: { name, labels: { 'kubernetes.io/hostname': name, ...opts.labels } }, spec: opts.spec ?? {}, status: { allocatable: alloc } } as unknown as Node;
  return newNodeInfo(node, opts.podsOn ?? []);
}

/** pod builds a pod in `default`. */
export function pod(name: string, spec: object = {}, labels?: Record<string, string>, nodeName?: string): Pod {
  return { metadata: { name, namespace: 'default', labels }, spec: { containers: [{ name: 'c' }], nodeName, ...spec } } as unknown as Pod;
}

/** ctx builds a SchedulingContext over nodes. */
export function ctx(nodes: NodeInfo[], extra: Partial<SchedulingContext> = {}): SchedulingContext {
  return { state: new Map(), allNodes: nodes, ...extra };
}
