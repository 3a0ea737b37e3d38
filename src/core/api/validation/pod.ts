/**
 * Pod validation on create and update: ValidatePodCreate and ValidatePodUpdate in
 * pkg/apis/core/validation/validation.go (v1.32), in upstream's order.
 */
import type { Container, Pod, PodSpec, Toleration } from 'kubernetes-types/core/v1';
import type { FieldError } from '../status.ts';
import { deepEqual } from '../equality.ts';
import { validateAnnotations } from '../labelValidation.ts';
import { inclusiveRangeError } from '../nameValidation.ts';
import { podQOSClass } from '../defaults/qos.ts';
import { field } from './field.ts';
import { nameIsDNSSubdomain, validateObjectMeta, validateObjectMetaUpdate } from './objectMeta.ts';
import { validatePodSpec, validateTolerations } from './podSpec.ts';

const MAX_INT32 = 2147483647;

/** UPDATABLE_POD_SPEC_FIELDS is upstream's list in the "pod updates may not change fields other than" message (InPlacePodVerticalScaling off). */
export const UPDATABLE_POD_SPEC_FIELDS =
  '`spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

/** validatePodMetadataAndSpec is shared by create and update. */
function validatePodMetadataAndSpec(pod: Pod): FieldError[] {
  const errs = validateObjectMeta(pod.metadata, true, nameIsDNSSubdomain);
  errs.push(...validatePodSpec(pod.spec));
  const spec = pod.spec;
  if (!spec?.serviceAccountName) {
    (spec?.volumes ?? []).forEach((v, vi) => {
      (v.projected?.sources ?? []).forEach((s, si) => {
        if (s.serviceAccountToken) {
          errs.push(
            field.forbidden(`spec.volumes[${vi}].projected.sources[${si}].serviceAccountToken`, 'must not be specified when serviceAccountName is not set'),
          );
        }
      });
    });
  }
  for (const [list, name] of [[spec?.containers, 'containers'], [spec?.initContainers, 'initContainers']] as const) {
    (list ?? []).forEach((c: Container, i: number) => {
      if (c.image && c.image.trim() !== c.image) {
        errs.push(field.invalid(`spec.${name}[${i}].image`, c.image, 'must not have leading or trailing whitespace'));
      }
    });
  }
  return errs;
}

/** validatePod checks a Pod on create. */
export function validatePod(pod: Pod): FieldError[] {
  const errs = validatePodMetadataAndSpec(pod);
  if (pod.spec?.ephemeralContainers?.length) errs.push(field.forbidden('spec.ephemeralContainers', 'cannot be set on create'));
  if (pod.spec?.nodeName && pod.spec.schedulingGates?.length) {
    errs.push(field.forbidden('spec.nodeName', 'cannot be set until all schedulingGates have been cleared'));
  }
  return errs;
}

/** validateContainerUpdates: same number of containers, each with an image. Returns stop=true when counts differ. */
function validateContainerUpdates(next: Container[] | undefined, prev: Container[] | undefined, path: string): { errs: FieldError[]; stop: boolean } {
  const n = next ?? [];
  if (n.length !== (prev ?? []).length) return { errs: [field.forbidden(path, 'pod updates may not add or remove containers')], stop: true };
  const errs: FieldError[] = [];
  n.forEach((c, i) => {
    if (!c.image) errs.push(field.required(`${path}[${i}].image`));
    if ((c.image ?? '').trim() !== (c.image ?? '')) {
      errs.push(field.invalid(`${path}[${i}].image`, c.image, 'must not have leading or trailing whitespace'));
    }
  });
  return { errs, stop: false };
}

/** validateOnlyAddedTolerations: existing tolerations may only change their tolerationSeconds. */
function validateOnlyAddedTolerations(next: Toleration[] | undefined, prev: Toleration[] | undefined, path: string): FieldError[] {
  for (const old of prev ?? []) {
    const found = (next ?? []).some((t) => deepEqual({ ...old, tolerationSeconds: t.tolerationSeconds }, t));
    if (!found) return [field.forbidden(path, 'existing toleration can not be modified except its tolerationSeconds')];
  }
  return validateTolerations(next ?? [], path);
}

/** validatePodUpdate checks a Pod update: most of spec is immutable. */
export function validatePodUpdate(pod: Pod, old: Pod): FieldError[] {
  const errs = validateObjectMetaUpdate(pod.metadata, old.metadata);
  errs.push(...validatePodMetadataAndSpec(pod));
  const spec: PodSpec = pod.spec ?? { containers: [] };
  const oldSpec: PodSpec = old.spec ?? { containers: [] };

  for (const name of ['containers', 'initContainers'] as const) {
    const r = validateContainerUpdates(spec[name], oldSpec[name], `spec.${name}`);
    errs.push(...r.errs);
    if (r.stop) return errs;
  }

  if (spec.activeDeadlineSeconds !== undefined) {
    const next = spec.activeDeadlineSeconds;
    if (next < 0 || next > MAX_INT32) {
      errs.push(field.invalid('spec.activeDeadlineSeconds', next, inclusiveRangeError(0, MAX_INT32)));
      return errs;
    }
    if (oldSpec.activeDeadlineSeconds !== undefined && oldSpec.activeDeadlineSeconds < next) {
      errs.push(field.invalid('spec.activeDeadlineSeconds', next, 'must be less than or equal to previous value'));
      return errs;
    }
  } else if (oldSpec.activeDeadlineSeconds !== undefined) {
    errs.push(field.invalid('spec.activeDeadlineSeconds', null, 'must not update from a positive integer to nil value'));
  }

  errs.push(...validateOnlyAddedTolerations(spec.tolerations, oldSpec.tolerations, 'spec.tolerations'));
  if (deepEqual(spec, oldSpec)) return errs;

  if (podQOSClass(old) !== podQOSClass(pod)) {
    errs.push(field.invalid('metadata', pod.status?.qosClass ?? '', 'Pod QOS is immutable'));
  }

  // Munge the fields that may change, then anything left over is a forbidden change.
  const munged = JSON.parse(JSON.stringify(spec)) as PodSpec;
  munged.containers = (munged.containers ?? []).map((c, i) => ({ ...c, image: oldSpec.containers[i]?.image }));
  if (munged.initContainers) munged.initContainers = munged.initContainers.map((c, i) => ({ ...c, image: oldSpec.initContainers?.[i]?.image }));
  munged.activeDeadlineSeconds = oldSpec.activeDeadlineSeconds;
  munged.schedulingGates = oldSpec.schedulingGates;
  munged.tolerations = oldSpec.tolerations;
  if ((oldSpec.terminationGracePeriodSeconds ?? 0) < 0 && munged.terminationGracePeriodSeconds === 1) {
    munged.terminationGracePeriodSeconds = oldSpec.terminationGracePeriodSeconds;
  }
  if (!deepEqual(munged, oldSpec)) {
    errs.push(field.forbidden('spec', `pod updates may not change fields other than ${UPDATABLE_POD_SPEC_FIELDS}\n${podSpecDiff(oldSpec, munged)}`));
  }
  return errs;
}

/**
 * podSpecDiff approximates the cmp.Diff upstream appends to the message: one `-`/`+`
 * pair per changed field of core.PodSpec. NOTE: upstream's exact text is deliberately
 * unstable (cmp randomises whitespace), so nobody can match it byte for byte.
 */
function podSpecDiff(prev: PodSpec, next: PodSpec): string {
  const lines = ['  core.PodSpec{'];
  const keys = [...new Set([...Object.keys(prev), ...Object.keys(next)])];
  let identical = 0;
  for (const key of keys) {
    const a = (prev as unknown as Record<string, unknown>)[key];
    const b = (next as unknown as Record<string, unknown>)[key];
    if (deepEqual(a, b)) {
      identical++;
      continue;
    }
    const goName = key.charAt(0).toUpperCase() + key.slice(1);
    if (a !== undefined) lines.push(`- \t${goName}: ${JSON.stringify(a)},`);
    if (b !== undefined) lines.push(`+ \t${goName}: ${JSON.stringify(b)},`);
  }
  if (identical > 0) lines.push(`  \t... // ${identical} identical fields`);
  lines.push('  }');
  return lines.join('\n');
}

/** validatePodStatusUpdate checks a status write: metadata may not change (besides what the status strategy resets). */
export function validatePodStatusUpdate(pod: Pod, old: Pod): FieldError[] {
  const errs = validateObjectMetaUpdate(pod.metadata, old.metadata);
  errs.push(...validateAnnotations(pod.metadata?.annotations, 'metadata.annotations'));
  return errs;
}
