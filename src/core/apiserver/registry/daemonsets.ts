/**
 * daemonsets: apps/v1 DaemonSet (pkg/registry/apps/daemonset/strategy.go), with the
 * `status` subresource. Spec changes bump generation; a template change also bumps the
 * `deprecated.daemonset.template.generation` annotation (the v1 form of the internal
 * spec.templateGeneration), which the controller copies to `pod-template-generation`.
 */
import { deepEqual } from '../../api/equality.ts';
import type { KubeObject } from '../../api/types.ts';
import { clearStatus, define } from './define.ts';

/** TEMPLATE_GENERATION_ANNOTATION carries DaemonSet spec.templateGeneration in apps/v1. */
export const TEMPLATE_GENERATION_ANNOTATION = 'deprecated.daemonset.template.generation';

const emptyStatus = clearStatus({ currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0 });

function setTemplateGeneration(obj: KubeObject, generation: number): void {
  obj.metadata.annotations = { ...obj.metadata.annotations, [TEMPLATE_GENERATION_ANNOTATION]: String(generation) };
}

export const daemonsets = define({
  group: 'apps',
  version: 'v1',
  resource: 'daemonsets',
  kind: 'DaemonSet',
  namespaced: true,
  shortNames: ['ds'],
  categories: ['all'],
  subresources: ['status'],
  hasStatus: true,
  generation: true,
  prepareForCreate: (obj) => {
    emptyStatus(obj);
    setTemplateGeneration(obj, 1);
  },
  prepareForUpdate: (obj, old) => {
    const prev = Number(old.metadata.annotations?.[TEMPLATE_GENERATION_ANNOTATION] ?? '1') || 1;
    const changed = !deepEqual((obj.spec as { template?: unknown } | undefined)?.template, (old.spec as { template?: unknown } | undefined)?.template);
    setTemplateGeneration(obj, changed ? prev + 1 : prev);
  },
});
