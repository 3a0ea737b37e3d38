import { describe, expect, it } from 'vitest';
import { define } from '../../apiserver/registry/define.ts';
import type { KubeObject } from '../../api/types.ts';
import { DEPLOYMENTS, EVENTS, PODS } from '../../client/client.ts';
import type { Cluster } from '../../sim/cluster.ts';
import { newControllerTestCluster } from '../testCluster.ts';
import { HPAS, installHorizontalPodAutoscalerController } from './horizontalController.ts';

/** withPodMetrics serves metrics.k8s.io pods from a mutable map, as metrics-server would. */
function withPodMetrics(cluster: Cluster, usage: Map<string, string>): void {
  const item = (name: string): KubeObject =>
    ({
      apiVersion: 'metrics.k8s.io/v1beta1',
      kind: 'PodMetrics',
      metadata: { name, namespace: 'default', labels: { app: 'web' } },
      timestamp: new Date(cluster.now() - 1000).toISOString().replace(/\.\d+Z$/, 'Z'),
      window: '15s',
      containers: [{ name: 'web', usage: { cpu: usage.get(name)!, memory: '10Mi' } }],
    }) as unknown as KubeObject;
  cluster.server.register(
    define({
      group: 'metrics.k8s.io', version: 'v1beta1', resource: 'pods', kind: 'PodMetrics', namespaced: true, verbs: ['get', 'list'],
      reader: { get: (_ns, name) => (usage.has(name) ? item(name) : undefined), list: () => [...usage.keys()].map(item) },
    }),
  );
}

function seedWeb(cluster: Cluster, replicas: number, cpuRequest = '200m'): void {
  const client = cluster.client('test');
  client.create(DEPLOYMENTS, 'default', {
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' },
    spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx', resources: { requests: { cpu: cpuRequest } } }] } } },
  });
  const started = new Date(cluster.now() - 600_000).toISOString().replace(/\.\d+Z$/, 'Z');
  for (let i = 0; i < replicas; i++) {
    const pod = client.create(PODS, 'default', {
      apiVersion: 'v1', kind: 'Pod', metadata: { name: `web-${i}`, labels: { app: 'web' } },
      spec: { containers: [{ name: 'web', image: 'nginx', resources: { requests: { cpu: cpuRequest } } }] },
    });
    client.updateStatus(PODS, { ...pod, status: { phase: 'Running', startTime: started, conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: started }] } });
  }
}

function hpa(extra: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'web' },
    spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, minReplicas: 1, maxReplicas: 10, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }], ...extra },
  };
}

function events(cluster: Cluster): string[] {
  return cluster.client('test').list(EVENTS, 'default').items.map((e) => `${(e as unknown as { reason: string }).reason}: ${(e as unknown as { message: string }).message}`);
}

describe('HorizontalPodAutoscaler controller', () => {
  it('scales the target through its scale subresource and records why', () => {
    const cluster = newControllerTestCluster([installHorizontalPodAutoscalerController]);
    withPodMetrics(cluster, new Map([['web-0', '500m']]));
    seedWeb(cluster, 1);
    cluster.client('test').create(HPAS, 'default', hpa());
    cluster.settle();
    expect((cluster.client('test').get(DEPLOYMENTS, 'default', 'web').spec as { replicas: number }).replicas).toBe(4);
    expect(events(cluster)).toEqual(['SuccessfulRescale: New size: 4; reason: cpu resource utilization (percentage of request) above target']);
    const status = cluster.client('test').get(HPAS, 'default', 'web').status as Record<string, unknown>;
    expect(status).toMatchObject({
      currentReplicas: 1,
      desiredReplicas: 4,
      currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 250, averageValue: '500m' } } }],
      lastScaleTime: '2026-01-15T09:00:00Z',
    });
    expect((status.conditions as { type: string; reason: string }[]).map((c) => `${c.type}=${c.reason}`)).toEqual([
      'AbleToScale=SucceededRescale',
      'ScalingActive=ValidMetricFound',
      'ScalingLimited=ScaleUpLimit',
    ]);
  });

  it('leaves the target alone when metrics are missing and says why', () => {
    const cluster = newControllerTestCluster([installHorizontalPodAutoscalerController]);
    withPodMetrics(cluster, new Map());
    seedWeb(cluster, 2);
    cluster.client('test').create(HPAS, 'default', hpa());
    cluster.settle();
    expect((cluster.client('test').get(DEPLOYMENTS, 'default', 'web').spec as { replicas: number }).replicas).toBe(2);
    expect(events(cluster)).toEqual([
      'FailedGetResourceMetric: failed to get cpu utilization: unable to get metrics for resource cpu: no metrics returned from resource metrics API',
      'FailedComputeMetricsReplicas: invalid metrics (1 invalid out of 1), first error is: failed to get cpu resource metric value: failed to get cpu utilization: unable to get metrics for resource cpu: no metrics returned from resource metrics API',
    ]);
    const status = cluster.client('test').get(HPAS, 'default', 'web').status as Record<string, unknown>;
    expect(status).toMatchObject({ currentReplicas: 2, desiredReplicas: 0, currentMetrics: [{ type: '' }] });
  });

  it('brings replicas into [min, max] without asking metrics, and does nothing at zero', () => {
    const cluster = newControllerTestCluster([installHorizontalPodAutoscalerController]);
    withPodMetrics(cluster, new Map());
    seedWeb(cluster, 6);
    cluster.client('test').create(HPAS, 'default', hpa({ maxReplicas: 3 }));
    cluster.settle();
    expect((cluster.client('test').get(DEPLOYMENTS, 'default', 'web').spec as { replicas: number }).replicas).toBe(3);
    expect(events(cluster)).toEqual(['SuccessfulRescale: New size: 3; reason: Current number of replicas above Spec.MaxReplicas']);
    expect(cluster.client('test').get(HPAS, 'default', 'web').status).not.toHaveProperty('currentMetrics');

    const client = cluster.client('test');
    client.patch(DEPLOYMENTS, 'default', 'web', 'merge', { spec: { replicas: 0 } });
    cluster.advance(15_000);
    const conditions = (client.get(HPAS, 'default', 'web').status as { conditions: { type: string; status: string; reason: string }[] }).conditions;
    expect(conditions.find((c) => c.type === 'ScalingActive')).toMatchObject({ status: 'False', reason: 'ScalingDisabled' });
    expect((client.get(DEPLOYMENTS, 'default', 'web').spec as { replicas: number }).replicas).toBe(0);
  });
});
