import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types.ts';
import { CLUSTERROLES } from '../../apiserver/authorization/bootstrapPolicy.ts';
import { createCluster } from '../../sim/createCluster.ts';
import { aggregatedRules } from './clusterRoleAggregationController.ts';

const role = (name: string, labels: Record<string, string>, rules: unknown[] | null, aggregate?: string): KubeObject =>
  ({ metadata: { name, labels }, rules, ...(aggregate ? { aggregationRule: { clusterRoleSelectors: [{ matchLabels: { [aggregate]: 'true' } }] } } : {}) }) as unknown as KubeObject;

describe('clusterrole aggregation', () => {
  it('collects matching roles in name order, once per distinct rule, skipping itself', () => {
    const get = { verbs: ['get'], apiGroups: [''], resources: ['pods'] };
    const list = { verbs: ['list'], apiGroups: [''], resources: ['pods'] };
    const target = role('view', { agg: 'true' }, null, 'agg');
    const all = [target, role('z-extra', { agg: 'true' }, [list, get]), role('a-base', { agg: 'true' }, [get]), role('other', {}, [list])];
    expect(aggregatedRules(target as never, all as never)).toEqual([get, list]);
  });

  it('fills admin, edit and view at bootstrap and folds in a newly labeled role', () => {
    const cluster = createCluster();
    const client = cluster.client();
    const rulesOf = (name: string) => (client.get(CLUSTERROLES, '', name) as unknown as { rules: Array<{ resources?: string[]; verbs: string[] }> }).rules;
    expect(rulesOf('view').some((r) => r.resources?.includes('pods') && r.verbs.includes('list'))).toBe(true);
    expect(rulesOf('edit').some((r) => r.resources?.includes('secrets') && r.verbs.includes('create'))).toBe(true);
    expect(rulesOf('admin').some((r) => r.resources?.includes('rolebindings'))).toBe(true);
    expect(rulesOf('view').some((r) => r.resources?.includes('secrets'))).toBe(false);
    client.create(CLUSTERROLES, '', {
      apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole',
      metadata: { name: 'widgets-view', labels: { 'rbac.authorization.k8s.io/aggregate-to-view': 'true' } },
      rules: [{ verbs: ['get'], apiGroups: ['example.com'], resources: ['widgets'] }],
    });
    cluster.settle();
    for (const name of ['view', 'edit', 'admin']) expect(rulesOf(name).some((r) => r.resources?.includes('widgets'))).toBe(true);
  });
});
