/**
 * PodSpec and PodTemplateSpec validation, modelled on ValidatePodSpec and
 * ValidatePodTemplateSpec in pkg/apis/core/validation/validation.go (v1.32), in
 * upstream's order so the aggregated message reads the same.
 */
import type { Affinity, PodAffinityTerm, PodSpec, PodTemplateSpec, Toleration } from 'kubernetes-types/core/v1';
import type { FieldError } from '../status.ts';
import { validateAnnotations, validateLabels } from '../labelValidation.ts';
import { inclusiveRangeError, isDNS1123Label, isDNS1123Subdomain, isValidLabelValue } from '../nameValidation.ts';
import { validateContainers, validateInitContainers } from './container.ts';
import { field, invalidEach } from './field.ts';
import { validateLabelName, validateLabelSelector, validateNodeSelector } from './labelSelector.ts';
import { validateVolumes } from './volume.ts';

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
const MAX_INT32 = 2147483647;

/** validateRestartPolicy: Always, OnFailure or Never. */
export function validateRestartPolicy(policy: string | undefined, path: string): FieldError[] {
  if (!policy) return [field.required(path)];
  return RESTART_POLICIES.includes(policy) ? [] : [field.notSupported(path, policy, RESTART_POLICIES)];
}

/** validateTolerations checks keys, operators, values and effects of each toleration. */
export function validateTolerations(tolerations: Toleration[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  tolerations.forEach((t, i) => {
    const p = `${path}[${i}]`;
    if (t.key) errs.push(...validateLabelName(t.key, `${p}.key`));
    if (!t.key && t.operator !== 'Exists') {
      errs.push(field.invalid(`${p}.operator`, t.operator ?? '', 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
    }
    if (t.tolerationSeconds !== undefined && t.effect !== 'NoExecute') {
      errs.push(field.invalid(`${p}.effect`, t.effect ?? '', "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
    switch (t.operator ?? '') {
      case 'Equal':
      case '': {
        const msgs = isValidLabelValue(t.value ?? '');
        if (msgs.length > 0) errs.push(field.invalid(`${p}.operator`, t.value ?? '', msgs.join(';')));
        break;
      }
      case 'Exists':
        if (t.value) errs.push(field.invalid(`${p}.operator`, goToleration(t), "value must be empty when `operator` is 'Exists'"));
        break;
      default:
        errs.push(field.notSupported(`${p}.operator`, t.operator, ['Equal', 'Exists']));
    }
    if (t.effect && !TAINT_EFFECTS.includes(t.effect)) errs.push(field.notSupported(`${p}.effect`, t.effect, TAINT_EFFECTS));
  });
  return errs;
}

/** goToleration renders a toleration as %#v prints core.Toleration. */
function goToleration(t: Toleration): { goString(): string } {
  const seconds = t.tolerationSeconds === undefined ? '(*int64)(nil)' : `(*int64)(${t.tolerationSeconds})`;
  const q = (v: string | undefined) => JSON.stringify(v ?? '');
  return {
    goString: () => `core.Toleration{Key:${q(t.key)}, Operator:${q(t.operator)}, Value:${q(t.value)}, Effect:${q(t.effect)}, TolerationSeconds:${seconds}}`,
  };
}

function validatePodAffinityTerm(term: PodAffinityTerm, path: string): FieldError[] {
  const errs = validateLabelSelector(term.labelSelector, `${path}.labelSelector`);
  errs.push(...validateLabelSelector(term.namespaceSelector, `${path}.namespaceSelector`));
  for (const ns of term.namespaces ?? []) errs.push(...invalidEach(`${path}.namespace`, ns, isDNS1123Label(ns)));
  if (!term.topologyKey) errs.push(field.required(`${path}.topologyKey`, 'can not be empty'));
  else errs.push(...validateLabelName(term.topologyKey, `${path}.topologyKey`));
  return errs;
}

/** validateAffinity checks node affinity, pod affinity and pod anti-affinity. */
export function validateAffinity(affinity: Affinity | undefined, path: string): FieldError[] {
  if (!affinity) return [];
  const errs: FieldError[] = [];
  const na = affinity.nodeAffinity;
  if (na?.requiredDuringSchedulingIgnoredDuringExecution) {
    errs.push(...validateNodeSelector(na.requiredDuringSchedulingIgnoredDuringExecution, `${path}.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution`));
  }
  (na?.preferredDuringSchedulingIgnoredDuringExecution ?? []).forEach((t, i) => {
    const p = `${path}.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[${i}]`;
    if (t.weight <= 0 || t.weight > 100) errs.push(field.invalid(`${p}.weight`, t.weight, 'must be in the range 1-100'));
  });
  for (const kind of ['podAffinity', 'podAntiAffinity'] as const) {
    const a = affinity[kind];
    if (!a) continue;
    (a.requiredDuringSchedulingIgnoredDuringExecution ?? []).forEach((t, i) =>
      errs.push(...validatePodAffinityTerm(t, `${path}.${kind}.requiredDuringSchedulingIgnoredDuringExecution[${i}]`)),
    );
    (a.preferredDuringSchedulingIgnoredDuringExecution ?? []).forEach((t, i) => {
      const p = `${path}.${kind}.preferredDuringSchedulingIgnoredDuringExecution[${i}]`;
      if (t.weight <= 0 || t.weight > 100) errs.push(field.invalid(`${p}.weight`, t.weight, 'must be in the range 1-100'));
      errs.push(...validatePodAffinityTerm(t.podAffinityTerm, `${p}.podAffinityTerm`));
    });
  }
  return errs;
}

/** validatePodSpec checks a pod spec (also the one inside templates). */
export function validatePodSpec(spec: PodSpec | undefined, path = 'spec'): FieldError[] {
  const s: PodSpec = spec ?? { containers: [] };
  const errs: FieldError[] = [];
  if (s.terminationGracePeriodSeconds === undefined) errs.push(field.required(`${path}.terminationGracePeriodSeconds`));
  const gracePeriod = s.terminationGracePeriodSeconds ?? 0;
  const vols = validateVolumes(s.volumes, `${path}.volumes`);
  errs.push(...vols.errors);
  errs.push(...validateContainers(s.containers, vols.names, gracePeriod, `${path}.containers`));
  errs.push(...validateInitContainers(s.initContainers, s.containers, vols.names, gracePeriod, `${path}.initContainers`));
  errs.push(...validateRestartPolicy(s.restartPolicy, `${path}.restartPolicy`));
  if (!s.dnsPolicy) errs.push(field.required(`${path}.dnsPolicy`));
  else if (!DNS_POLICIES.includes(s.dnsPolicy)) errs.push(field.notSupported(`${path}.dnsPolicy`, s.dnsPolicy, DNS_POLICIES));
  errs.push(...validateLabels(s.nodeSelector, `${path}.nodeSelector`));
  (s.imagePullSecrets ?? []).forEach((ref, i) => {
    if (!ref.name) errs.push(field.required(`${path}.imagePullSecrets[${i}].name`));
  });
  errs.push(...validateAffinity(s.affinity, `${path}.affinity`));
  if (s.serviceAccountName) errs.push(...invalidEach(`${path}.serviceAccountName`, s.serviceAccountName, isDNS1123Subdomain(s.serviceAccountName)));
  if (s.nodeName) errs.push(...invalidEach(`${path}.nodeName`, s.nodeName, isDNS1123Subdomain(s.nodeName)));
  if (s.activeDeadlineSeconds !== undefined && (s.activeDeadlineSeconds < 1 || s.activeDeadlineSeconds > MAX_INT32)) {
    errs.push(field.invalid(`${path}.activeDeadlineSeconds`, s.activeDeadlineSeconds, inclusiveRangeError(1, MAX_INT32)));
  }
  if (s.hostname) errs.push(...invalidEach(`${path}.hostname`, s.hostname, isDNS1123Label(s.hostname)));
  if (s.subdomain) errs.push(...invalidEach(`${path}.subdomain`, s.subdomain, isDNS1123Label(s.subdomain)));
  if (s.tolerations?.length) errs.push(...validateTolerations(s.tolerations, `${path}.tolerations`));
  if (s.priorityClassName) errs.push(...invalidEach(`${path}.priorityClassName`, s.priorityClassName, isDNS1123Subdomain(s.priorityClassName)));
  if (s.preemptionPolicy !== undefined && s.preemptionPolicy !== 'PreemptLowerPriority' && s.preemptionPolicy !== 'Never') {
    errs.push(field.notSupported(`${path}.preemptionPolicy`, s.preemptionPolicy, ['Never', 'PreemptLowerPriority']));
  }
  return errs;
}

/**
 * validatePodTemplateSpec checks a controller's pod template: labels, annotations and spec.
 * NOTE: upstream's paths here skip "metadata" (`spec.template.labels`), because the
 * template's ObjectMeta is embedded; we keep that quirk.
 */
export function validatePodTemplateSpec(template: PodTemplateSpec | undefined, path: string): FieldError[] {
  if (!template) return [];
  const errs = validateLabels(template.metadata?.labels, `${path}.labels`);
  errs.push(...validateAnnotations(template.metadata?.annotations, `${path}.annotations`));
  errs.push(...validatePodSpec(template.spec, `${path}.spec`));
  if (template.spec?.ephemeralContainers?.length) {
    errs.push(field.forbidden(`${path}.spec.ephemeralContainers`, 'ephemeral containers not allowed in pod template'));
  }
  return errs;
}
