/**
 * replicationcontrollers: core/v1 ReplicationController (`rc`, pkg/registry/core/replicationcontroller).
 * Stored with defaults (SetDefaults_ReplicationController: the selector and labels come
 * from the template's labels, replicas defaults to 1), the status and scale subresources,
 * and generation tracking. The replication manager (controllers/replicaset/replicationManager.ts,
 * the ReplicaSet controller run on RCs, as upstream) keeps their pods.
 */
import type { ReplicationController } from 'kubernetes-types/core/v1';
import type { FieldError } from '../../api/status.ts';
import type { KubeObject } from '../../api/types.ts';
import { defaultPodTemplateSpec } from '../../api/defaults/index.ts';
import { field, nameIsDNSSubdomain, validateObjectMeta, validateObjectMetaUpdate, validatePodTemplateSpec } from '../../api/validation/index.ts';
import { labelSelectorString } from '../../api/labels.ts';
import { validateNonnegativeField } from '../../api/validation/field.ts';
import { clearStatus, define } from './define.ts';

type RC = ReplicationController & KubeObject;

/** defaultReplicationController is SetDefaults_ReplicationController. */
export function defaultReplicationController(obj: KubeObject): void {
  const rc = obj as RC;
  const spec = (rc.spec ??= {});
  const labels = spec.template?.metadata?.labels;
  if (labels) {
    if (!spec.selector || Object.keys(spec.selector).length === 0) spec.selector = { ...labels };
    if (!rc.metadata.labels || Object.keys(rc.metadata.labels).length === 0) rc.metadata.labels = { ...labels };
  }
  spec.replicas ??= 1;
  defaultPodTemplateSpec(spec.template as Parameters<typeof defaultPodTemplateSpec>[0]);
}

/** validateReplicationControllerSpec is ValidateReplicationControllerSpec (selector required and matching the template). */
function validateReplicationControllerSpec(rc: RC): FieldError[] {
  const spec = rc.spec ?? {};
  const errs = validateNonnegativeField(spec.replicas, 'spec.replicas');
  errs.push(...validateNonnegativeField(spec.minReadySeconds, 'spec.minReadySeconds'));
  const selector = spec.selector ?? {};
  if (Object.keys(selector).length === 0) errs.push(field.required('spec.selector'));
  if (!spec.template) {
    errs.push(field.required('spec.template'));
    return errs;
  }
  const labels = spec.template.metadata?.labels ?? {};
  if (Object.keys(selector).length > 0 && Object.entries(selector).some(([k, v]) => labels[k] !== v)) {
    const shown = { goString: () => `map[string]string{${Object.keys(labels).sort().map((k) => `${JSON.stringify(k)}:${JSON.stringify(labels[k])}`).join(', ')}}` };
    errs.push(field.invalid('spec.template.metadata.labels', shown, '`selector` does not match template `labels`'));
  }
  errs.push(...validatePodTemplateSpec(spec.template, 'spec.template'));
  const restartPolicy = spec.template.spec?.restartPolicy ?? '';
  if (restartPolicy !== 'Always') errs.push(field.notSupported('spec.template.spec.restartPolicy', restartPolicy, ['Always']));
  return errs;
}

export const replicationcontrollers = define({
  group: '',
  version: 'v1',
  resource: 'replicationcontrollers',
  kind: 'ReplicationController',
  namespaced: true,
  shortNames: ['rc'],
  categories: ['all'],
  subresources: ['scale', 'status'],
  hasStatus: true,
  generation: true,
  defaulter: defaultReplicationController,
  prepareForCreate: clearStatus({ replicas: 0 }),
  validate: (obj) => [...validateObjectMeta(obj.metadata, true, nameIsDNSSubdomain), ...validateReplicationControllerSpec(obj as RC)],
  validateUpdate: (obj, old) => [...validateObjectMetaUpdate(obj.metadata, old.metadata), ...validateReplicationControllerSpec(obj as RC)],
  scale: {
    specReplicas: (o) => (o as RC).spec?.replicas ?? 0,
    setSpecReplicas: (o, n) => {
      (o as RC).spec = { ...(o as RC).spec, replicas: n };
    },
    statusReplicas: (o) => (o as RC).status?.replicas ?? 0,
    selector: (o) => labelSelectorString({ matchLabels: (o as RC).spec?.selector ?? {} }),
  },
});
