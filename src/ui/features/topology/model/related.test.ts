import { describe, expect, it } from 'vitest';
import { defaultFilter, deriveTopology } from './deriveTopology.ts';
import { node, owned, pod, store } from './fixtures.test-util.ts';
import { autoscalerSummary, claimNames } from './related.ts';

const STS = { kind: 'StatefulSet', name: 'db' };

function withClaim(name: string, nodeName: string, claim: string) {
  const p = pod(name, nodeName, 'Running', STS);
  (p as unknown as { spec: Record<string, unknown> }).spec.volumes = [{ name: 'data', persistentVolumeClaim: { claimName: claim } }, { name: 'tmp', emptyDir: {} }];
  return p;
}

function cluster() {
  return store([
    node('node01'),
    owned('StatefulSet', 'db', undefined, { spec: { replicas: 2 }, status: { readyReplicas: 2 } }),
    owned('Deployment', 'web', undefined, { spec: { replicas: 2 }, status: { readyReplicas: 2 } }),
    withClaim('db-0', 'node01', 'data-db-0'),
    withClaim('db-1', 'node01', 'data-db-1'),
    owned('PersistentVolumeClaim', 'data-db-0', undefined, { status: { phase: 'Bound' } }),
    owned('PersistentVolumeClaim', 'data-db-1', undefined, { status: { phase: 'Pending' } }),
    owned('HorizontalPodAutoscaler', 'web', undefined, { spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, maxReplicas: 10 }, status: { currentReplicas: 2 } }),
    owned('HorizontalPodAutoscaler', 'gone', undefined, { spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'missing' }, minReplicas: 2, maxReplicas: 4 } }),
  ]);
}

describe('related boxes', () => {
  it('draws claims with their STATUS and links each to the pods that mount it', () => {
    const g = deriveTopology(cluster(), defaultFilter());
    expect(g.related.filter((r) => r.kind === 'PersistentVolumeClaim').map((r) => `${r.name} ${r.summary}`)).toEqual(['data-db-0 Bound', 'data-db-1 Pending']);
    expect(g.edges.filter((e) => e.relation === 'mounts').map((e) => e.id)).toEqual([
      'mounts:/persistentvolumeclaims/default/data-db-0>/pods/default/db-0',
      'mounts:/persistentvolumeclaims/default/data-db-1>/pods/default/db-1',
    ]);
  });

  it('links an autoscaler to its scale target only when that workload is drawn', () => {
    const g = deriveTopology(cluster(), defaultFilter());
    expect(g.related.filter((r) => r.kind === 'HorizontalPodAutoscaler').map((r) => `${r.name} ${r.summary}`)).toEqual(['gone 0 (2–4)', 'web 2 (1–10)']);
    expect(g.edges.filter((e) => e.relation === 'scales')).toEqual([
      { id: 'scales:autoscaling/horizontalpodautoscalers/default/web>apps/deployments/default/web', source: 'autoscaling/horizontalpodautoscalers/default/web', target: 'apps/deployments/default/web', relation: 'scales' },
    ]);
  });

  it('hides claims and autoscalers by kind', () => {
    const g = deriveTopology(cluster(), { namespace: 'default', hiddenKinds: new Set(['PersistentVolumeClaim', 'HorizontalPodAutoscaler']) });
    expect(g.related).toEqual([]);
    expect(g.edges.filter((e) => e.relation === 'mounts' || e.relation === 'scales')).toEqual([]);
  });

  it('reads claim names from pod volumes and fills the autoscaler defaults', () => {
    expect(claimNames(withClaim('db-0', 'node01', 'data-db-0'))).toEqual(['data-db-0']);
    expect(claimNames(pod('p', 'node01', 'Running'))).toEqual([]);
    expect(autoscalerSummary(owned('HorizontalPodAutoscaler', 'h', undefined, { spec: { maxReplicas: 5 } }))).toBe('0 (1–5)');
  });
});
