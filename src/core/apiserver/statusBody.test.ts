import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types.ts';
import { deepFreeze } from '../storage/freeze.ts';
import { statusBody } from './statusBody.ts';

describe('statusBody', () => {
  it('copies the status and its mutable parts, keeps frozen parts, and copies metadata one level deep', () => {
    const scheduled = deepFreeze({ type: 'PodScheduled', status: 'True' });
    const labels = deepFreeze({ app: 'web' });
    const frozenStatus = deepFreeze({ phase: 'Pending' });
    const body = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', resourceVersion: '7', labels },
      spec: { containers: [] },
      status: { phase: 'Running', conditions: [scheduled, { type: 'Ready', status: 'False' }], skipped: undefined },
    } as unknown as KubeObject;
    const out = statusBody(body) as unknown as { metadata: Record<string, unknown>; status: { conditions: object[] }; spec?: unknown };
    expect(out.spec).toBeUndefined();
    expect(out.metadata).not.toBe(body.metadata);
    expect(out.metadata.labels).toBe(labels);
    expect(out.status).not.toBe(body.status);
    expect(out.status.conditions[0]).toBe(scheduled);
    expect(out.status.conditions[1]).not.toBe((body.status as { conditions: object[] }).conditions[1]);
    expect(Object.keys(out.status)).toEqual(['phase', 'conditions']);
    // A frozen status is still copied at its top, where defaulters may set a field.
    const copied = statusBody({ apiVersion: 'v1', kind: 'Pod', metadata: {}, status: frozenStatus } as unknown as KubeObject).status as Record<string, unknown>;
    expect(copied).not.toBe(frozenStatus);
    expect(Object.isFrozen(copied)).toBe(false);
    expect(copied).toEqual({ phase: 'Pending' });
  });
});
