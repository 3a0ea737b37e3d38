import { describe, expect, it } from 'vitest';
import { interPodAffinity } from './interPodAffinity.ts';
import { ctx, nodeInfo, pod } from './testNodes.ts';

const HOST = 'kubernetes.io/hostname';
const term = (labels: Record<string, string>) => ({ labelSelector: { matchLabels: labels }, topologyKey: HOST });

describe('InterPodAffinity filter', () => {
  const cache = pod('cache', {}, { app: 'cache' }, 'n1');
  const n1 = nodeInfo('n1', { podsOn: [cache] });
  const n2 = nodeInfo('n2');

  const run = (p: ReturnType<typeof pod>, nodes = [n1, n2]) => {
    const c = ctx(nodes);
    interPodAffinity.preFilter!(c, p);
    return nodes.map((n) => interPodAffinity.filter(c, p, n)?.reasons[0] ?? 'pass');
  };

  it('required affinity puts the pod next to the matching pod', () => {
    const web = pod('web', { affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ app: 'cache' })] } } }, { app: 'web' });
    expect(run(web)).toEqual(['pass', "node(s) didn't match pod affinity rules"]);
  });

  it('required anti-affinity keeps the pod away', () => {
    const web = pod('web', { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ app: 'cache' })] } } }, { app: 'web' });
    expect(run(web)).toEqual(["node(s) didn't match pod anti-affinity rules", 'pass']);
  });

  it("honours existing pods' anti-affinity", () => {
    const loner = pod('loner', { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ app: 'web' })] } } }, { app: 'loner' }, 'n1');
    const nodes = [nodeInfo('n1', { podsOn: [loner] }), nodeInfo('n2')];
    expect(run(pod('web', {}, { app: 'web' }), nodes)).toEqual(["node(s) didn't satisfy existing pods anti-affinity rules", 'pass']);
  });

  it('lets the first pod of a self-affine group schedule', () => {
    const first = pod('db-0', { affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ app: 'db' })] } } }, { app: 'db' });
    expect(run(first)).toEqual(['pass', 'pass']);
  });
});
