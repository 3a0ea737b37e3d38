/**
 * Container defaulting, modelled on SetDefaults_Container, SetDefaults_ContainerPort,
 * SetDefaults_Probe, SetDefaults_HTTPGetAction and SetDefaults_ObjectFieldSelector in
 * pkg/apis/core/v1/defaults.go (Kubernetes v1.32).
 */
import type { Container, EnvVar, Probe } from 'kubernetes-types/core/v1';

/** defaultImagePullPolicy returns what the API server picks when imagePullPolicy is unset: Always for `:latest` or an untagged image without a digest, IfNotPresent otherwise. */
export function defaultImagePullPolicy(image: string): 'Always' | 'IfNotPresent' {
  return imageTag(image) === 'latest' ? 'Always' : 'IfNotPresent';
}

/**
 * imageTag mirrors parsers.ParseImageName: the tag after the last ':' of the last path
 * segment, "latest" when neither tag nor digest is given, "" for a digest-only reference.
 */
function imageTag(image: string): string {
  if (image === '') return '';
  const at = image.indexOf('@');
  const named = at >= 0 ? image.slice(0, at) : image;
  const lastSegment = named.slice(named.lastIndexOf('/') + 1);
  const colon = lastSegment.lastIndexOf(':');
  if (colon >= 0) return lastSegment.slice(colon + 1);
  return at >= 0 ? '' : 'latest';
}

/** defaultProbe fills the probe timings and the HTTP GET path/scheme, as SetDefaults_Probe and SetDefaults_HTTPGetAction do. */
export function defaultProbe(probe: Probe | undefined): void {
  if (!probe) return;
  probe.timeoutSeconds ??= 1;
  probe.periodSeconds ??= 10;
  probe.successThreshold ??= 1;
  probe.failureThreshold ??= 3;
  if (probe.httpGet) {
    probe.httpGet.path ||= '/';
    probe.httpGet.scheme ||= 'HTTP';
  }
  // SetDefaults_GRPCAction: an unset service becomes "" so the kubelet asks for overall health.
  if (probe.grpc) probe.grpc.service ??= '';
}

/** defaultEnv fills fieldRef.apiVersion ("v1"), as SetDefaults_ObjectFieldSelector does. */
function defaultEnv(env: EnvVar[] | undefined): void {
  for (const e of env ?? []) {
    if (e.valueFrom?.fieldRef) e.valueFrom.fieldRef.apiVersion ||= 'v1';
  }
}

/** defaultContainer applies every per-container default (used for containers, initContainers and ephemeralContainers). */
export function defaultContainer(c: Container): void {
  c.imagePullPolicy ||= defaultImagePullPolicy(c.image ?? '');
  c.terminationMessagePath ||= '/dev/termination-log';
  c.terminationMessagePolicy ||= 'File';
  for (const p of c.ports ?? []) p.protocol ||= 'TCP';
  defaultEnv(c.env);
  defaultProbe(c.livenessProbe);
  defaultProbe(c.readinessProbe);
  defaultProbe(c.startupProbe);
  for (const handler of [c.lifecycle?.postStart, c.lifecycle?.preStop]) {
    if (handler?.httpGet) {
      handler.httpGet.path ||= '/';
      handler.httpGet.scheme ||= 'HTTP';
    }
  }
}
