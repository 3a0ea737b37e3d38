import { describe, expect, it } from 'vitest';
import { isStatusError } from '../../api/status.ts';
import type { KubeObject } from '../../api/types.ts';
import { applyConfig, recordCreateByApply, recordUpdate, type Write } from './fieldManager.ts';

const at = (manager: string, extra: Partial<Write> = {}): Write => ({ kind: 'ConfigMap', manager, apiVersion: 'v1', time: '2026-01-15T09:10:00Z', subresource: '', ...extra });
const cm = (data: Record<string, string>, labels?: Record<string, string>): KubeObject =>
  ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'default', ...(labels ? { labels } : {}) }, data }) as unknown as KubeObject;
const managers = (o: KubeObject) => (o.metadata.managedFields ?? []).map((e) => `${e.manager}/${e.operation}`);

function created(obj: KubeObject, w: Write): KubeObject {
  recordUpdate(obj, undefined, w);
  return obj;
}

describe('field manager: updates', () => {
  it('gives a creating Update every field it set, maps added whole marked with "."', () => {
    const obj = created(cm({ a: '1' }, { app: 'web' }), at('kubectl-create'));
    expect(obj.metadata.managedFields?.[0]?.fieldsV1).toEqual({ 'f:data': { '.': {}, 'f:a': {} }, 'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } } });
  });

  it('created objects of one shape get the same set, whatever their values and ignored metadata', () => {
    const key = (o: KubeObject) => Object.keys(o.metadata.managedFields?.[0]?.fieldsV1 ?? {});
    const a = created(cm({ a: '1' }, { app: 'web' }), at('m'));
    const b = created({ ...cm({ a: '2' }, { app: 'db' }), metadata: { name: 'other', namespace: 'x', uid: 'u', labels: { app: 'db' } } } as unknown as KubeObject, at('m'));
    expect(b.metadata.managedFields?.[0]?.fieldsV1).toBe(a.metadata.managedFields?.[0]?.fieldsV1);
    // Metadata first or last in the object: the set lists it after the other fields either way.
    const first = created({ metadata: { name: 'c', labels: { app: 'web' } }, data: { a: '1' }, apiVersion: 'v1', kind: 'ConfigMap' } as unknown as KubeObject, at('m'));
    expect(key(first)).toEqual(['f:data', 'f:metadata']);
    expect(key(a)).toEqual(['f:data', 'f:metadata']);
    // Another shape (one more label) is its own set.
    const c = created(cm({ a: '1' }, { app: 'web', tier: 'x' }), at('m'));
    expect(c.metadata.managedFields?.[0]?.fieldsV1).toEqual({ 'f:data': { '.': {}, 'f:a': {} }, 'f:metadata': { 'f:labels': { '.': {}, 'f:app': {}, 'f:tier': {} } } });
  });

  it('a create reuses the previous set of its kind only when its shape is the same (prefix, extra field, list element)', () => {
    const fields = (o: KubeObject) => o.metadata.managedFields?.[0]?.fieldsV1;
    const one = { 'f:data': { '.': {}, 'f:a': {} } };
    const two = { 'f:data': { '.': {}, 'f:a': {}, 'f:b': {} } };
    expect(fields(created(cm({ a: '1' }), at('m')))).toEqual(one);
    expect(fields(created(cm({ a: '1', b: '2' }), at('m')))).toEqual(two); // the previous shape is a prefix
    expect(fields(created(cm({ a: '3' }), at('m')))).toEqual(one); // this one is a prefix of the previous
    expect(fields(created(cm({ b: '3' }), at('m')))).toEqual({ 'f:data': { '.': {}, 'f:b': {} } });
    const svc = (ports: number[]): KubeObject =>
      ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: ports.map((port) => ({ port, protocol: 'TCP' })) } }) as unknown as KubeObject;
    const ports = (o: KubeObject) => Object.keys((fields(o) as Record<string, Record<string, Record<string, unknown>>>)['f:spec']!['f:ports']!);
    const w = at('m', { kind: 'Service' });
    expect(ports(created(svc([80]), w))).toEqual(['.', 'k:{"port":80,"protocol":"TCP"}']);
    expect(ports(created(svc([81]), w))).toEqual(['.', 'k:{"port":81,"protocol":"TCP"}']);
    expect(ports(created(svc([81, 82]), w))).toEqual(['.', 'k:{"port":81,"protocol":"TCP"}', 'k:{"port":82,"protocol":"TCP"}']);
    expect(ports(created(svc([81]), w))).toEqual(['.', 'k:{"port":81,"protocol":"TCP"}']);
  });

  it('objects written alike by one manager in the same second share one frozen managedFields list', () => {
    const a = created(cm({ a: '1' }), at('kubelet'));
    const b = created(cm({ a: '2' }), at('kubelet'));
    const c = created(cm({ a: '1' }), at('kubelet', { time: '2026-01-15T09:10:01Z' }));
    expect(b.metadata.managedFields).toBe(a.metadata.managedFields);
    expect(c.metadata.managedFields).not.toBe(a.metadata.managedFields);
    expect(c.metadata.managedFields?.[0]?.time).toBe('2026-01-15T09:10:01Z');
    expect(Object.isFrozen(a.metadata.managedFields)).toBe(true);
  });

  it('a manager whose set grows keeps the stored tries of what it did not touch (same objects, same wire form)', () => {
    const v1 = created(cm({ a: '1' }, { app: 'web' }), at('kubectl-create'));
    const v2 = cm({ a: '1', b: '2' }, { app: 'web' });
    recordUpdate(v2, v1, at('kubectl-create', { time: '2026-01-15T09:11:00Z' }));
    const before = v1.metadata.managedFields![0]!.fieldsV1 as Record<string, unknown>;
    const after = v2.metadata.managedFields![0]!.fieldsV1 as Record<string, unknown>;
    expect(after).toEqual({ 'f:data': { '.': {}, 'f:a': {}, 'f:b': {} }, 'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } } });
    expect(after['f:metadata']).toBe(before['f:metadata']);
    expect(v2.metadata.managedFields![0]!.time).toBe('2026-01-15T09:11:00Z');
  });

  it('moves a changed field to the updating manager and drops managers left with nothing', () => {
    const v1 = created(cm({ a: '1' }), at('kubectl-create'));
    const v2 = cm({ a: '2' });
    recordUpdate(v2, v1, at('kubectl-edit', { time: '2026-01-15T09:11:00Z' }));
    expect(managers(v2)).toEqual(['kubectl-create/Update', 'kubectl-edit/Update']);
    expect(v2.metadata.managedFields?.[1]?.fieldsV1).toEqual({ 'f:data': { 'f:a': {} } });
  });
});

describe('field manager: apply', () => {
  it('creates with exactly the applied fields and no "." for maps', () => {
    const obj = cm({ a: '1' });
    recordCreateByApply(obj, cm({ a: '1' }), at('kubectl'));
    expect(obj.metadata.managedFields?.[0]).toMatchObject({ manager: 'kubectl', operation: 'Apply', fieldsV1: { 'f:data': { 'f:a': {} } } });
  });

  it('refuses to change a field another manager owns, in upstream words', () => {
    const live = created(cm({ a: '1' }), at('kubectl-create'));
    try {
      applyConfig(live, cm({ a: '2' }), at('kubectl'), false);
      expect.unreachable();
    } catch (err) {
      expect(isStatusError(err) && err.status).toMatchObject({
        code: 409,
        reason: 'Conflict',
        message: 'Apply failed with 1 conflict: conflict with "kubectl-create" using v1: .data.a',
        details: { causes: [{ type: 'FieldManagerConflict', message: 'conflict with "kubectl-create" using v1', field: '.data.a' }] },
      });
    }
  });

  it('co-owns a field applied with the value it already has, and forces ownership when asked', () => {
    const live = created(cm({ a: '1', b: '1' }), at('kubectl-create'));
    const same = applyConfig(live, cm({ a: '1' }), at('kubectl'), false);
    expect(managers(same)).toEqual(['kubectl/Apply', 'kubectl-create/Update']);
    const forced = applyConfig(live, cm({ a: '2' }), at('kubectl'), true);
    expect((forced as unknown as { data: Record<string, string> }).data).toEqual({ a: '2', b: '1' });
    expect(forced.metadata.managedFields?.find((e) => e.manager === 'kubectl-create')?.fieldsV1).toEqual({ 'f:data': { '.': {}, 'f:b': {} } });
  });

  it('removes fields the applier stopped applying unless someone else owns them', () => {
    const v1 = cm({ a: '1', b: '2' }, { team: 'x' });
    recordCreateByApply(v1, cm({ a: '1', b: '2' }, { team: 'x' }), at('kubectl'));
    const v2 = applyConfig(v1, cm({ a: '1' }), at('kubectl'), false) as unknown as { data: object; metadata: { labels?: object } };
    expect(v2.data).toEqual({ a: '1' });
    expect(v2.metadata.labels).toBeUndefined();

    const other = applyConfig(v1, cm({ b: '2' }), at('other'), false);
    const v3 = applyConfig(other, cm({ a: '1' }), at('kubectl'), false) as unknown as { data: object };
    expect(v3.data).toEqual({ a: '1', b: '2' });
  });
});
