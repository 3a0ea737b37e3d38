/**
 * `kubectl describe node` as of v1.32 (describe.go: describeNode,
 * describeNodeLease, describeNodeResource, getPodsTotalRequestsAndLimits).
 */
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../core/api/types.ts';
import { describeEvents } from './events.ts';
import { formatRFC1123Z, translateTimestampSince } from './format.ts';
import { printAnnotationsMultiline, printLabelsMultiline, printTaintsMultiline } from './metaSections.ts';
import { podRequestsAndLimits } from './podResources.ts';
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from './prefixWriter.ts';
import {
  addQuantities,
  canonicalQuantity,
  milliValue,
  parseQuantity,
  quantityToString,
  quantityValue,
  ZERO_QUANTITY,
  type Quantity,
} from './quantity.ts';
import type { DescribeContext } from './types.ts';

const NODE_ROLE_PREFIX = 'node-role.kubernetes.io/';
const NODE_ROLE_LABEL = 'kubernetes.io/role';

/** findNodeRoles lists roles from node-role.kubernetes.io/<role> and kubernetes.io/role labels, sorted. */
export function findNodeRoles(node: Node): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata?.labels ?? {})) {
    if (k.startsWith(NODE_ROLE_PREFIX)) {
      const role = k.slice(NODE_ROLE_PREFIX.length);
      if (role) roles.add(role);
    } else if (k === NODE_ROLE_LABEL && v !== '') {
      roles.add(v);
    }
  }
  return [...roles].sort();
}

const STANDARD_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);
const isHugePages = (name: string): boolean => name.startsWith('hugepages-');

/** percent is Go's int64(float64(part)/float64(whole)*100): truncated, 0 when the whole is 0. */
function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.trunc((part / whole) * 100);
}

/** describeNodeResource writes the Non-terminated Pods table and the Allocated resources summary. */
function describeNodeResource(pods: Pod[], node: Node, now: number, w: PrefixWriter): void {
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(LEVEL_1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(LEVEL_1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const capacity = node.status?.capacity ?? {};
  const allocatable = Object.keys(node.status?.allocatable ?? {}).length > 0 ? node.status!.allocatable! : capacity;
  const alloc = (name: string): Quantity => (allocatable[name] === undefined ? ZERO_QUANTITY : parseQuantity(allocatable[name]!));
  const allocCPU = milliValue(alloc('cpu'));
  const allocMemory = quantityValue(alloc('memory'));

  const totalRequests = new Map<string, Quantity>();
  const totalLimits = new Map<string, Quantity>();
  const accumulate = (into: Map<string, Quantity>, from: Map<string, Quantity>): void => {
    for (const [name, q] of from) {
      const existing = into.get(name);
      into.set(name, existing ? addQuantities(existing, q) : q);
    }
  };

  for (const pod of pods) {
    const { requests, limits } = podRequestsAndLimits(pod);
    accumulate(totalRequests, requests);
    accumulate(totalLimits, limits);
    const cpuReq = requests.get('cpu') ?? ZERO_QUANTITY;
    const cpuLim = limits.get('cpu') ?? ZERO_QUANTITY;
    const memReq = requests.get('memory') ?? ZERO_QUANTITY;
    const memLim = limits.get('memory') ?? ZERO_QUANTITY;
    w.write(
      LEVEL_1,
      `${pod.metadata?.namespace ?? ''}\t${pod.metadata?.name ?? ''}\t\t` +
        `${quantityToString(cpuReq)} (${percent(milliValue(cpuReq), allocCPU)}%)\t` +
        `${quantityToString(cpuLim)} (${percent(milliValue(cpuLim), allocCPU)}%)\t` +
        `${quantityToString(memReq)} (${percent(quantityValue(memReq), allocMemory)}%)\t` +
        `${quantityToString(memLim)} (${percent(quantityValue(memLim), allocMemory)}%)\t` +
        `${translateTimestampSince(pod.metadata?.creationTimestamp, now)}\n`,
    );
  }

  w.write(LEVEL_0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n');
  w.write(LEVEL_1, '--------\t--------\t------\n');
  const row = (name: string, whole: number, value: (q: Quantity) => number): void => {
    const req = totalRequests.get(name) ?? ZERO_QUANTITY;
    const lim = totalLimits.get(name) ?? ZERO_QUANTITY;
    w.write(
      LEVEL_1,
      `${name}\t${quantityToString(req)} (${percent(value(req), whole)}%)\t${quantityToString(lim)} (${percent(value(lim), whole)}%)\n`,
    );
  };
  row('cpu', allocCPU, milliValue);
  row('memory', allocMemory, quantityValue);
  row('ephemeral-storage', quantityValue(alloc('ephemeral-storage')), quantityValue);
  const names = Object.keys(allocatable);
  for (const name of names.filter(isHugePages).sort()) row(name, quantityValue(alloc(name)), quantityValue);
  const extended = names.filter((n) => !isHugePages(n) && !STANDARD_RESOURCES.has(n) && n !== 'pods').sort();
  for (const name of extended) {
    const req = totalRequests.get(name) ?? ZERO_QUANTITY;
    const lim = totalLimits.get(name) ?? ZERO_QUANTITY;
    w.write(LEVEL_1, `${name}\t${quantityToString(req)}\t${quantityToString(lim)}\n`);
  }
}

/** describeNode renders `kubectl describe node`. `ctx.pods` are the node's non-terminated pods. */
export function describeNode(obj: KubeObject, ctx: DescribeContext): string {
  const node = obj as unknown as Node;
  const status = node.status ?? {};
  const info = status.nodeInfo;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${node.metadata?.name ?? ''}\n`);
    const roles = findNodeRoles(node);
    w.write(LEVEL_0, `Roles:\t${roles.length > 0 ? roles.join(',') : '<none>'}\n`);
    printLabelsMultiline(w, 'Labels', node.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', node.metadata?.annotations);
    w.write(LEVEL_0, `CreationTimestamp:\t${formatRFC1123Z(node.metadata?.creationTimestamp)}\n`);
    printTaintsMultiline(w, 'Taints', node.spec?.taints);
    w.write(LEVEL_0, `Unschedulable:\t${node.spec?.unschedulable === true}\n`);
    if (ctx.lease === null) {
      w.write(LEVEL_0, `Lease:\tFailed to get lease: leases.coordination.k8s.io "${node.metadata?.name}" not found\n`);
    } else if (ctx.lease) {
      const spec = ctx.lease.spec ?? {};
      w.write(LEVEL_0, 'Lease:\n');
      w.write(LEVEL_1, `HolderIdentity:\t${spec.holderIdentity ?? '<unset>'}\n`);
      w.write(LEVEL_1, `AcquireTime:\t${spec.acquireTime ? formatRFC1123Z(spec.acquireTime) : '<unset>'}\n`);
      w.write(LEVEL_1, `RenewTime:\t${spec.renewTime ? formatRFC1123Z(spec.renewTime) : '<unset>'}\n`);
    }
    if ((status.conditions ?? []).length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
      for (const c of status.conditions!) {
        w.write(
          LEVEL_1,
          `${c.type} \t${c.status} \t${formatRFC1123Z(c.lastHeartbeatTime)} \t${formatRFC1123Z(c.lastTransitionTime)} \t` +
            `${c.reason ?? ''} \t${c.message ?? ''}\n`,
        );
      }
    }
    w.write(LEVEL_0, 'Addresses:\n');
    for (const a of status.addresses ?? []) w.write(LEVEL_1, `${a.type}:\t${a.address}\n`);
    const printResourceList = (list: Record<string, string | number>): void => {
      for (const name of Object.keys(list).sort()) w.write(LEVEL_0, `  ${name}:\t${canonicalQuantity(list[name])}\n`);
    };
    if (Object.keys(status.capacity ?? {}).length > 0) {
      w.write(LEVEL_0, 'Capacity:\n');
      printResourceList(status.capacity!);
    }
    if (Object.keys(status.allocatable ?? {}).length > 0) {
      w.write(LEVEL_0, 'Allocatable:\n');
      printResourceList(status.allocatable!);
    }
    w.write(LEVEL_0, 'System Info:\n');
    w.write(LEVEL_0, `  Machine ID:\t${info?.machineID ?? ''}\n`);
    w.write(LEVEL_0, `  System UUID:\t${info?.systemUUID ?? ''}\n`);
    w.write(LEVEL_0, `  Boot ID:\t${info?.bootID ?? ''}\n`);
    w.write(LEVEL_0, `  Kernel Version:\t${info?.kernelVersion ?? ''}\n`);
    w.write(LEVEL_0, `  OS Image:\t${info?.osImage ?? ''}\n`);
    w.write(LEVEL_0, `  Operating System:\t${info?.operatingSystem ?? ''}\n`);
    w.write(LEVEL_0, `  Architecture:\t${info?.architecture ?? ''}\n`);
    w.write(LEVEL_0, `  Container Runtime Version:\t${info?.containerRuntimeVersion ?? ''}\n`);
    w.write(LEVEL_0, `  Kubelet Version:\t${info?.kubeletVersion ?? ''}\n`);
    // v1.32 still prints this line; the kubelet leaves the field empty since v1.31.
    w.write(LEVEL_0, `  Kube-Proxy Version:\t${info?.kubeProxyVersion ?? ''}\n`);
    if (node.spec?.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${node.spec.podCIDR}\n`);
    if ((node.spec?.podCIDRs ?? []).length > 0) w.write(LEVEL_0, `PodCIDRs:\t${node.spec!.podCIDRs!.join(',')}\n`);
    if (node.spec?.providerID) w.write(LEVEL_0, `ProviderID:\t${node.spec.providerID}\n`);
    if (ctx.pods) {
      const running = ctx.pods.filter(
        (p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed' && (!p.spec?.nodeName || p.spec.nodeName === node.metadata?.name),
      );
      describeNodeResource(running, node, ctx.now, w);
    } else {
      w.write(LEVEL_0, 'Pods:\tnot authorized\n');
    }
    if (ctx.events) describeEvents(ctx.events, w, ctx.now);
  });
}
