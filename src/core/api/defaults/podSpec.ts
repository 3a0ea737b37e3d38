/**
 * PodSpec and PodTemplateSpec defaulting, modelled on SetDefaults_PodSpec in
 * pkg/apis/core/v1/defaults.go (Kubernetes v1.32). Pod-only defaults (enableServiceLinks,
 * requests from limits) live in pod.ts because upstream applies them to Pods, not templates.
 */
import type { Container, PodSpec, PodTemplateSpec } from 'kubernetes-types/core/v1';
import { defaultContainer } from './container.ts';
import { defaultVolume } from './volume.ts';

/** defaultPodSpec applies SetDefaults_PodSpec and the defaulters of everything a PodSpec holds. */
export function defaultPodSpec(spec: PodSpec): void {
  spec.dnsPolicy ||= 'ClusterFirst';
  spec.restartPolicy ||= 'Always';
  // DefaultHostNetworkHostPortsInPodTemplates is off in v1.32, so templates keep their ports;
  // Pods get hostPort = containerPort in defaultPod instead.
  spec.securityContext ??= {};
  spec.terminationGracePeriodSeconds ??= 30;
  spec.schedulerName ||= 'default-scheduler';
  for (const c of spec.initContainers ?? []) defaultContainer(c);
  for (const c of spec.containers ?? []) defaultContainer(c);
  for (const c of spec.ephemeralContainers ?? []) defaultContainer(c as Container);
  for (const v of spec.volumes ?? []) defaultVolume(v);
}

/** defaultPodTemplateSpec defaults the pod template embedded in a controller (Deployment, ReplicaSet, ...). */
export function defaultPodTemplateSpec(template: PodTemplateSpec | undefined): void {
  if (!template) return;
  if (template.spec) defaultPodSpec(template.spec);
}
