/**
 * podtemplates: core/v1 PodTemplate (pkg/registry/core/podtemplate), stored only. The
 * template is defaulted and validated as any pod template is.
 */
import type { PodTemplate } from 'kubernetes-types/core/v1';
import type { FieldError } from '../../api/status.ts';
import type { KubeObject } from '../../api/types.ts';
import { defaultPodTemplateSpec } from '../../api/defaults/index.ts';
import { nameIsDNSSubdomain, validateObjectMeta, validateObjectMetaUpdate, validatePodTemplateSpec } from '../../api/validation/index.ts';
import { define } from './define.ts';

type Template = Parameters<typeof defaultPodTemplateSpec>[0];

/** validatePodTemplate is ValidatePodTemplate: metadata, then the template. */
function validatePodTemplate(obj: KubeObject): FieldError[] {
  const pt = obj as unknown as PodTemplate;
  return [...validateObjectMeta(pt.metadata, true, nameIsDNSSubdomain), ...validatePodTemplateSpec(pt.template, 'template')];
}

export const podtemplates = define({
  group: '',
  version: 'v1',
  resource: 'podtemplates',
  kind: 'PodTemplate',
  namespaced: true,
  defaulter: (obj) => {
    if (obj.template) defaultPodTemplateSpec(obj.template as Template);
  },
  validate: validatePodTemplate,
  validateUpdate: (obj, old) => [
    ...validateObjectMetaUpdate(obj.metadata, old.metadata),
    ...validatePodTemplateSpec((obj as unknown as PodTemplate).template, 'template'),
  ],
});
