import { describe, expect, it } from 'vitest';
import { rfc3339, rfc3339Micro } from '../../api/time.ts';
import type { KubeObject } from '../../api/types.ts';
import { installAdmission } from '../../apiserver/admission/install.ts';
import { EVENTS, LEASES, NODES, PODS } from '../../client/client.ts';
import type { Cluster } from '../../sim/cluster.ts';
import { thaw } from '../../storage/freeze.ts';
import { installServiceAccountsController } from '../serviceaccount/serviceAccountsController.ts';
import { newControllerTestCluster } from '../testCluster.ts';
import { installNodeLifecycleController } from './nodeLifecycleController.ts';
import { evictionTime, installTaintEvictionController } from './taintEvictionController.ts';

/** heartbeat plays the kubelet: renew node01's Lease and post Ready=True. */
function heartbeat(c: Cluster): void {
  const client = c.client('kubelet');
  const now = c.now();
  const lease = client.tryGet(LEASES, 'kube-node-lease', 'node01');
  if (lease) client.update(LEASES, { ...lease, spec: { ...(lease.spec as object), renewTime: rfc3339Micro(now) } });
  else client.create(LEASES, 'kube-node-lease', { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: 'node01' }, spec: { holderIdentity: 'node01', leaseDurationSeconds: 40, renewTime: rfc3339Micro(now) } });
  const node = thaw(client.get(NODES, '', 'node01'));
  const t = rfc3339(now);
  node.status = { conditions: ['MemoryPressure', 'DiskPressure', 'PIDPressure', 'Ready'].map((type) => ({ type, status: type === 'Ready' ? 'True' : 'False', reason: 'KubeletReady', message: 'ok', lastHeartbeatTime: t, lastTransitionTime: t })) };
  client.updateStatus(NODES, node);
  c.settle();
}

function setup() {
  const c = newControllerTestCluster([installAdmission, installServiceAccountsController, installNodeLifecycleController, installTaintEvictionController]);
  c.client().create(NODES, '', { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node01' } });
  heartbeat(c);
  return c;
}

function runPod(c: Cluster, name: string, tolerations?: unknown[]): void {
  const client = c.client();
  client.create(PODS, 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name: 'c', image: 'nginx' }], ...(tolerations ? { tolerations } : {}) } });
  client.bind('default', name, 'node01');
  const pod = thaw(client.get(PODS, 'default', name));
  pod.status = { phase: 'Running', conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: rfc3339(c.now()) }] };
  client.updateStatus(PODS, pod);
  c.settle();
}

const node = (c: Cluster) => c.client().get(NODES, '', 'node01') as KubeObject & { spec?: { taints?: Array<{ key: string; effect: string; timeAdded?: string }> }; status?: { conditions?: Array<Record<string, string>> } };
const taints = (c: Cluster) => (node(c).spec?.taints ?? []).map((t) => `${t.key}:${t.effect}`);
const events = (c: Cluster) => c.client().list(EVENTS, 'default').items.map((e) => `${e.reason}: ${e.message}`);

describe('node lifecycle controller', () => {
  it('turns a silent node Unknown after the 40 s grace period, taints it, and untaints it when it returns', () => {
    const c = setup();
    const start = c.now();
    runPod(c, 'web');
    c.advance(39_000);
    expect(taints(c)).toEqual([]);
    c.advance(6_000);
    const ready = node(c).status?.conditions?.find((x) => x.type === 'Ready');
    expect(ready).toMatchObject({ status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' });
    expect(node(c).status?.conditions?.every((x) => x.status === 'Unknown')).toBe(true);
    expect(taints(c)).toEqual(['node.kubernetes.io/unreachable:NoSchedule', 'node.kubernetes.io/unreachable:NoExecute']);
    expect(node(c).spec?.taints?.[1].timeAdded).toBe(rfc3339(start + 40_000));
    const pod = c.client().get(PODS, 'default', 'web') as KubeObject & { status: { conditions: Array<{ type: string; status: string }> } };
    expect(pod.status.conditions.find((x) => x.type === 'Ready')?.status).toBe('False');
    expect(events(c)).toContain('NodeNotReady: Node node01 status is now: NodeNotReady');
    expect(events(c)).toContain('NodeNotReady: Node is not ready');
    heartbeat(c);
    expect(taints(c)).toEqual([]);
    expect(events(c)).toContain('TaintManagerEviction: Cancelling deletion of Pod default/web');
    expect(c.client().tryGet(PODS, 'default', 'web')).toBeDefined();
  });

  it('evicts pods after their tolerationSeconds (300 s by default), at once without a toleration', () => {
    const c = setup();
    runPod(c, 'web');
    runPod(c, 'strict', [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 0 }]);
    runPod(c, 'daemon', [{ operator: 'Exists', effect: 'NoExecute' }]);
    c.advance(45_000);
    // "strict" tolerates unreachable for 0 s: it goes at once.
    expect(c.client().get(PODS, 'default', 'strict').metadata.deletionTimestamp).toBeDefined();
    c.advance(294_000);
    expect(c.client().get(PODS, 'default', 'web').metadata.deletionTimestamp).toBeUndefined();
    c.advance(1_000);
    const web = c.client().get(PODS, 'default', 'web') as KubeObject & { status: { conditions: Array<Record<string, string>> } };
    expect(web.metadata.deletionTimestamp).toBeDefined();
    expect(web.status.conditions.find((x) => x.type === 'DisruptionTarget')).toMatchObject({ reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint' });
    expect(events(c)).toContain('TaintManagerEviction: Marking for deletion Pod default/web');
    expect(c.client().get(PODS, 'default', 'daemon').metadata.deletionTimestamp).toBeUndefined();
  });

  it('taints a cordoned node unschedulable and a NotReady node not-ready', () => {
    const c = setup();
    const n = thaw(node(c));
    n.spec = { ...n.spec, unschedulable: true } as never;
    c.client().update(NODES, n);
    c.settle();
    expect(taints(c)).toEqual(['node.kubernetes.io/unschedulable:NoSchedule']);
    const s = thaw(node(c));
    s.status!.conditions = s.status!.conditions!.map((x) => (x.type === 'Ready' ? { ...x, status: 'False' } : x));
    c.client().updateStatus(NODES, s);
    c.settle();
    expect(taints(c)).toEqual(['node.kubernetes.io/unschedulable:NoSchedule', 'node.kubernetes.io/not-ready:NoSchedule', 'node.kubernetes.io/not-ready:NoExecute']);
  });
});

describe('evictionTime', () => {
  const taint = { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: '2026-01-15T09:00:00Z' };
  const t0 = Date.UTC(2026, 0, 15, 9, 0, 0);
  it('is now for an untolerated taint, forever without tolerationSeconds, else timeAdded + the smallest seconds', () => {
    expect(evictionTime([], [taint], t0)).toBe('now');
    expect(evictionTime([{ operator: 'Exists' }], [taint], t0)).toBeUndefined();
    expect(evictionTime([{ key: taint.key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }, { operator: 'Exists', tolerationSeconds: 60 }], [taint], t0)).toBe(t0 + 60_000);
    expect(evictionTime([], [{ key: 'a', effect: 'NoSchedule' }], t0)).toBeUndefined();
  });
});
