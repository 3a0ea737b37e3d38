import { describe, expect, it } from 'vitest';
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import { defaultStatefulSet } from '../defaults/apps.ts';
import { fieldErrorMessage } from '../status.ts';
import { STATEFULSET_SPEC_FORBIDDEN, validateControllerRevision, validateStatefulSet, validateStatefulSetUpdate } from './statefulSet.ts';

function web(spec: Record<string, unknown> = {}): StatefulSet {
  const ss = {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web', namespace: 'default', resourceVersion: '1' },
    spec: {
      serviceName: 'nginx',
      selector: { matchLabels: { app: 'nginx' } },
      template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } },
      ...spec,
    },
  } as unknown as StatefulSet;
  defaultStatefulSet(ss);
  return ss;
}
const messages = (errs: ReturnType<typeof validateStatefulSet>) => errs.map(fieldErrorMessage);

describe('StatefulSet validation (v1.32)', () => {
  it('accepts the defaulted docs example and a missing serviceName', () => {
    expect(validateStatefulSet(web())).toEqual([]);
    expect(validateStatefulSet(web({ serviceName: undefined }))).toEqual([]);
  });

  it('reports each bad field in upstream words and order', () => {
    expect(
      messages(
        validateStatefulSet(
          web({
            updateStrategy: { type: 'OnDelete', rollingUpdate: { partition: 1 } },
            persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Keep', whenScaled: 'Retain' },
            replicas: -1,
            template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }], activeDeadlineSeconds: 5 } },
          }),
        ),
      ),
    ).toEqual([
      "spec.updateStrategy.rollingUpdate: Invalid value: apps.RollingUpdateStatefulSetStrategy{Partition:1, MaxUnavailable:(*intstr.IntOrString)(nil)}: only allowed for updateStrategy 'RollingUpdate'",
      'spec.persistentVolumeClaimRetentionPolicy.whenDeleted: Unsupported value: "Keep": supported values: "Retain", "Delete"',
      'spec.replicas: Invalid value: -1: must be greater than or equal to 0',
      'spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in StatefulSet is not Supported',
    ]);
  });

  it('allows replicas, template, updateStrategy and minReadySeconds to change, nothing else', () => {
    const old = web();
    const scaled = web({ replicas: 5, minReadySeconds: 3, updateStrategy: { type: 'OnDelete' } });
    expect(validateStatefulSetUpdate(scaled, old)).toEqual([]);
    const renamed = web({ serviceName: 'other' });
    expect(messages(validateStatefulSetUpdate(renamed, old))).toEqual([`spec: Forbidden: ${STATEFULSET_SPEC_FORBIDDEN}`]);
    const managed = web({ podManagementPolicy: 'Parallel' });
    expect(messages(validateStatefulSetUpdate(managed, old))).toEqual([`spec: Forbidden: ${STATEFULSET_SPEC_FORBIDDEN}`]);
  });

  it('requires ControllerRevision data', () => {
    const cr = { apiVersion: 'apps/v1', kind: 'ControllerRevision', metadata: { name: 'web-1', namespace: 'default' }, revision: 1 };
    expect(messages(validateControllerRevision(cr))).toEqual(['data: Required value: data is mandatory']);
  });
});
