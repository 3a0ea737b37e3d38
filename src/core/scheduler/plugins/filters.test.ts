import { describe, expect, it } from 'vitest';
import { nodeAffinityFilter, nodeAffinityScore } from './nodeAffinity.ts';
import { nodePorts } from './nodePorts.ts';
import { nodeResourcesFitFilter } from './nodeResourcesFit.ts';
import { nodeUnschedulable } from './nodeUnschedulable.ts';
import { taintTolerationFilter, taintTolerationScore } from './taintToleration.ts';
import { ctx, nodeInfo, pod } from './testNodes.ts';

const requests = (cpu: string, memory?: string) => ({ containers: [{ name: 'c', resources: { requests: { cpu, ...(memory ? { memory } : {}) } } }] });

describe('NodeUnschedulable', () => {
  const cordoned = nodeInfo('n', { spec: { unschedulable: true } });
  it('rejects cordoned nodes unless the pod tolerates node.kubernetes.io/unschedulable', () => {
    expect(nodeUnschedulable.filter(ctx([cordoned]), pod('p'), cordoned)).toEqual({ code: 'UnschedulableAndUnresolvable', reasons: ['node(s) were unschedulable'] });
    const tolerant = pod('p', { tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }] });
    expect(nodeUnschedulable.filter(ctx([cordoned]), tolerant, cordoned)).toBeUndefined();
  });
});

describe('TaintToleration', () => {
  const tainted = nodeInfo('n', { spec: { taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] } });
  it('names the first untolerated NoSchedule taint', () => {
    expect(taintTolerationFilter.filter(ctx([tainted]), pod('p'), tainted)?.reasons).toEqual(['node(s) had untolerated taint {dedicated: gpu}']);
  });
  it('accepts Equal and Exists tolerations', () => {
    expect(taintTolerationFilter.filter(ctx([tainted]), pod('p', { tolerations: [{ key: 'dedicated', value: 'gpu' }] }), tainted)).toBeUndefined();
    expect(taintTolerationFilter.filter(ctx([tainted]), pod('p', { tolerations: [{ operator: 'Exists' }] }), tainted)).toBeUndefined();
    expect(taintTolerationFilter.filter(ctx([tainted]), pod('p', { tolerations: [{ key: 'dedicated', value: 'cpu' }] }), tainted)).toBeDefined();
  });
  it('scores fewer PreferNoSchedule taints higher', () => {
    const soft = nodeInfo('soft', { spec: { taints: [{ key: 'a', effect: 'PreferNoSchedule' }] } });
    const clean = nodeInfo('clean');
    const c = ctx([soft, clean]);
    const scores = [soft, clean].map((n) => ({ name: n.name, score: taintTolerationScore.score(c, pod('p'), n) }));
    expect(scores.map((s) => s.score)).toEqual([1, 0]);
    taintTolerationScore.normalizeScore!(c, pod('p'), scores);
    expect(scores.map((s) => s.score)).toEqual([0, 100]);
  });
});

describe('NodeAffinity', () => {
  const ssd = nodeInfo('ssd', { labels: { disk: 'ssd', zone: 'a' } });
  const hdd = nodeInfo('hdd', { labels: { disk: 'hdd', zone: 'b' } });
  it('requires nodeSelector and required terms', () => {
    const p = pod('p', { nodeSelector: { disk: 'ssd' } });
    expect(nodeAffinityFilter.filter(ctx([ssd]), p, ssd)).toBeUndefined();
    expect(nodeAffinityFilter.filter(ctx([hdd]), p, hdd)?.reasons).toEqual(["node(s) didn't match Pod's node affinity/selector"]);
    const affinity = {
      affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'NotIn', values: ['a'] }] }] } } },
    };
    expect(nodeAffinityFilter.filter(ctx([ssd]), pod('p', affinity), ssd)).toBeDefined();
    expect(nodeAffinityFilter.filter(ctx([hdd]), pod('p', affinity), hdd)).toBeUndefined();
  });
  it('scores preferred terms by weight, normalised to 100', () => {
    const p = pod('p', {
      affinity: {
        nodeAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            { weight: 80, preference: { matchExpressions: [{ key: 'disk', operator: 'In', values: ['ssd'] }] } },
            { weight: 20, preference: { matchExpressions: [{ key: 'zone', operator: 'Exists' }] } },
          ],
        },
      },
    });
    const c = ctx([ssd, hdd]);
    const scores = [ssd, hdd].map((n) => ({ name: n.name, score: nodeAffinityScore.score(c, p, n) }));
    expect(scores.map((s) => s.score)).toEqual([100, 20]);
    nodeAffinityScore.normalizeScore!(c, p, scores);
    expect(scores.map((s) => s.score)).toEqual([100, 20]);
    expect(nodeAffinityScore.preScore!(c, pod('plain'), [ssd])).toBe('skip');
  });
});

describe('NodeResourcesFit filter', () => {
  it('compares requests with allocatable minus what bound pods request', () => {
    const busy = nodeInfo('n', { podsOn: [pod('a', requests('1500m', '1Gi'))] });
    const c = ctx([busy]);
    const p = pod('p', requests('600m', '4Gi'));
    nodeResourcesFitFilter.preFilter!(c, p);
    expect(nodeResourcesFitFilter.filter(c, p, busy)).toEqual({ code: 'Unschedulable', reasons: ['Insufficient cpu', 'Insufficient memory'] });
  });
  it('reports Too many pods first', () => {
    const full = nodeInfo('n', { pods: '1', podsOn: [pod('a')] });
    const c = ctx([full]);
    const p = pod('p', requests('5'));
    nodeResourcesFitFilter.preFilter!(c, p);
    expect(nodeResourcesFitFilter.filter(c, p, full)?.reasons).toEqual(['Too many pods', 'Insufficient cpu']);
  });
});

describe('NodePorts', () => {
  it('rejects a node whose host port is taken on 0.0.0.0 or the same IP', () => {
    const withPort = (ip?: string) => ({ containers: [{ name: 'c', ports: [{ containerPort: 80, hostPort: 8080, hostIP: ip, protocol: 'TCP' }] }] });
    const n = nodeInfo('n', { podsOn: [pod('a', withPort())] });
    expect(nodePorts.filter(ctx([n]), pod('p', withPort('10.0.0.1')), n)?.reasons).toEqual(["node(s) didn't have free ports for the requested pod ports"]);
    const n2 = nodeInfo('n2', { podsOn: [pod('a', withPort('10.0.0.2'))] });
    expect(nodePorts.filter(ctx([n2]), pod('p', withPort('10.0.0.1')), n2)).toBeUndefined();
  });
});
