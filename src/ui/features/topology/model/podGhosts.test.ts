import { describe, expect, it } from 'vitest';
import { defaultFilter, deriveTopology } from './deriveTopology.ts';
import { node, pod, store } from './fixtures.test-util.ts';
import { GHOST_MS, GHOSTS_MAX, PodGhosts } from './podGhosts.ts';

describe('PodGhosts', () => {
  it('shows a deleted pod as Terminating in its node for GHOST_MS, then drops it', () => {
    const ghosts = new PodGhosts();
    const before = store([node('node01'), pod('a', 'node01', 'Running'), pod('b', 'node01', 'Running')]);
    ghosts.withGhosts(deriveTopology(before, defaultFilter()), (id) => before.has(id), 0);
    const after = store([node('node01'), pod('b', 'node01', 'Running')]);
    const g = ghosts.withGhosts(deriveTopology(after, defaultFilter()), (id) => after.has(id), 100);
    expect(g.pods.map((p) => [p.name, p.kind === 'Pod' ? p.status : ''])).toEqual([['b', 'Running'], ['a', 'Terminating']]);
    expect(g.pods.find((p) => p.name === 'a')).toMatchObject({ ghost: true });
    expect(g.groups[0].members.map((m) => m.split('/').pop())).toEqual(['b', 'a']);
    expect(ghosts.nextExpiry()).toBe(100 + GHOST_MS);
    const later = ghosts.withGhosts(deriveTopology(after, defaultFilter()), (id) => after.has(id), 100 + GHOST_MS);
    expect(later.pods.map((p) => p.name)).toEqual(['b']);
  });

  it('makes no ghost of a pod a filter hides', () => {
    const ghosts = new PodGhosts();
    const s = store([node('node01'), pod('a', 'node01', 'Running')]);
    ghosts.withGhosts(deriveTopology(s, defaultFilter()), (id) => s.has(id), 0);
    const g = ghosts.withGhosts(deriveTopology(s, defaultFilter('other')), (id) => s.has(id), 10);
    expect(g.pods).toEqual([]);
  });

  it('keeps at most GHOSTS_MAX ghosts when many pods end at once', () => {
    const ghosts = new PodGhosts();
    const names = Array.from({ length: GHOSTS_MAX + 10 }, (_, i) => `p${i}`);
    const before = store([node('node01'), ...names.map((n) => pod(n, 'node01', 'Running'))]);
    ghosts.withGhosts(deriveTopology(before, defaultFilter()), (id) => before.has(id), 0);
    const after = store([node('node01')]);
    const g = ghosts.withGhosts(deriveTopology(after, defaultFilter()), (id) => after.has(id), 100);
    expect(g.pods).toHaveLength(GHOSTS_MAX);
    expect(g.pods.every((p) => p.kind === 'Pod' && p.ghost)).toBe(true);
  });
});
