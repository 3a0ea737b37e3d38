/**
 * `kubectl describe networkpolicy` (describe.go: describeNetworkPolicy and the
 * printNetworkPolicySpec* helpers).
 */
import type { NetworkPolicy, NetworkPolicyPeer, NetworkPolicyPort, NetworkPolicySpec } from 'kubernetes-types/networking/v1';
import type { KubeObject } from '../../core/api/types.ts';
import { formatLabelSelector, parseTime } from './format.ts';
import { printAnnotationsMultiline, printLabelsMultiline } from './metaSections.ts';
import { LEVEL_0, LEVEL_1, LEVEL_2, tabbedString, type PrefixWriter } from './prefixWriter.ts';
import type { DescribeContext } from './types.ts';

/** goTimeString is Go's time.Time.String() in UTC: "2026-11-22 05:30:00 +0000 UTC". */
function goTimeString(timestamp: string | undefined): string {
  const t = parseTime(timestamp);
  if (t === undefined) return '0001-01-01 00:00:00 +0000 UTC';
  return new Date(t).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' +0000 UTC');
}

/** writePorts writes "To Port: 80/TCP" lines, or the <any> line when no ports are listed. */
function writePorts(ports: NetworkPolicyPort[] | undefined, indent: string, w: PrefixWriter): void {
  if (!ports || ports.length === 0) {
    w.write(LEVEL_0, `${indent}To Port: <any> (traffic allowed to all ports)\n`);
    return;
  }
  for (const port of ports) {
    const proto = port.protocol ?? 'TCP';
    const p = port.port === undefined ? '<nil>' : String(port.port);
    if (port.endPort === undefined) w.write(LEVEL_0, `${indent}To Port: ${p}/${proto}\n`);
    else w.write(LEVEL_0, `${indent}To Port Range: ${p}-${port.endPort}/${proto}\n`);
  }
}

/** writePeers writes the From:/To: peers with their selectors or IP blocks. */
function writePeers(label: string, peers: NetworkPolicyPeer[] | undefined, anyText: string, indent: string, w: PrefixWriter): void {
  if (!peers || peers.length === 0) {
    w.write(LEVEL_0, `${indent}${label}: <any> (${anyText})\n`);
    return;
  }
  for (const peer of peers) {
    w.write(LEVEL_0, `${indent}${label}:\n`);
    if (peer.podSelector && peer.namespaceSelector) {
      w.write(LEVEL_1, `${indent}NamespaceSelector: ${formatLabelSelector(peer.namespaceSelector)}\n`);
      w.write(LEVEL_1, `${indent}PodSelector: ${formatLabelSelector(peer.podSelector)}\n`);
    } else if (peer.podSelector) {
      w.write(LEVEL_1, `${indent}PodSelector: ${formatLabelSelector(peer.podSelector)}\n`);
    } else if (peer.namespaceSelector) {
      w.write(LEVEL_1, `${indent}NamespaceSelector: ${formatLabelSelector(peer.namespaceSelector)}\n`);
    } else if (peer.ipBlock) {
      w.write(LEVEL_1, `${indent}IPBlock:\n`);
      w.write(LEVEL_2, `${indent}CIDR: ${peer.ipBlock.cidr}\n`);
      w.write(LEVEL_2, `${indent}Except: ${(peer.ipBlock.except ?? []).join(', ')}\n`);
    }
  }
}

/** describeNetworkPolicy renders `kubectl describe networkpolicy`. */
export function describeNetworkPolicy(obj: KubeObject, _ctx: DescribeContext): string {
  const np = obj as unknown as NetworkPolicy;
  const spec: Partial<NetworkPolicySpec> = np.spec ?? {};
  const indent = '    ';
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${np.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${np.metadata?.namespace ?? ''}\n`);
    w.write(LEVEL_0, `Created on:\t${goTimeString(np.metadata?.creationTimestamp)}\n`);
    printLabelsMultiline(w, 'Labels', np.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', np.metadata?.annotations);
    w.write(LEVEL_0, 'Spec:\n');
    w.write(LEVEL_1, 'PodSelector: ');
    const sel = spec.podSelector ?? {};
    if (Object.keys(sel.matchLabels ?? {}).length === 0 && (sel.matchExpressions ?? []).length === 0) {
      w.write(LEVEL_2, '<none> (Allowing the specific traffic to all pods in this namespace)\n');
    } else {
      w.write(LEVEL_2, `${formatLabelSelector(sel)}\n`);
    }
    const types = spec.policyTypes ?? [];
    if (types.includes('Ingress')) {
      w.write(LEVEL_1, 'Allowing ingress traffic:\n');
      const rules = spec.ingress ?? [];
      if (rules.length === 0) w.write(LEVEL_0, `${indent}<none> (Selected pods are isolated for ingress connectivity)\n`);
      rules.forEach((rule, i) => {
        writePorts(rule.ports, indent, w);
        writePeers('From', rule.from, 'traffic not restricted by source', indent, w);
        if (i !== rules.length - 1) w.write(LEVEL_0, `${indent}----------\n`);
      });
    } else {
      w.write(LEVEL_1, 'Not affecting ingress traffic\n');
    }
    if (types.includes('Egress')) {
      w.write(LEVEL_1, 'Allowing egress traffic:\n');
      const rules = spec.egress ?? [];
      if (rules.length === 0) w.write(LEVEL_0, `${indent}<none> (Selected pods are isolated for egress connectivity)\n`);
      rules.forEach((rule, i) => {
        writePorts(rule.ports, indent, w);
        writePeers('To', rule.to, 'traffic not restricted by destination', indent, w);
        if (i !== rules.length - 1) w.write(LEVEL_0, `${indent}----------\n`);
      });
    } else {
      w.write(LEVEL_1, 'Not affecting egress traffic\n');
    }
    w.write(LEVEL_1, `Policy Types: ${types.length > 0 ? types.join(', ') : '<none>'}\n`);
  });
}
