/**
 * Container validation: validateContainerCommon, validateContainers, validateInitContainers,
 * validateContainerPorts, ValidateVolumeMounts and validatePullPolicy in
 * pkg/apis/core/validation/validation.go (v1.32), in upstream's order.
 */
import type { Container, ContainerPort, VolumeMount } from 'kubernetes-types/core/v1';
import type { FieldError } from '../status.ts';
import { isDNS1123Label, isValidPortName, isValidPortNum } from '../nameValidation.ts';
import { validateEnv, validateEnvFrom } from './env.ts';
import { field, invalidEach } from './field.ts';
import { validateLifecycle, validateProbeKind } from './probe.ts';
import { validateResourceRequirements } from './resources.ts';

const PORT_PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];

/** validateContainerPorts checks names (unique IANA names), port numbers and protocols. */
export function validateContainerPorts(ports: ContainerPort[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  (ports ?? []).forEach((port, i) => {
    const p = `${path}[${i}]`;
    if (port.name) {
      const msgs = isValidPortName(port.name);
      if (msgs.length > 0) errs.push(...invalidEach(`${p}.name`, port.name, msgs));
      else if (names.has(port.name)) errs.push(field.duplicate(`${p}.name`, port.name));
      else names.add(port.name);
    }
    if (!port.containerPort) errs.push(field.required(`${p}.containerPort`));
    else errs.push(...invalidEach(`${p}.containerPort`, port.containerPort, isValidPortNum(port.containerPort)));
    if (port.hostPort) errs.push(...invalidEach(`${p}.hostPort`, port.hostPort, isValidPortNum(port.hostPort)));
    if (!port.protocol) errs.push(field.required(`${p}.protocol`));
    else if (!PORT_PROTOCOLS.includes(port.protocol)) errs.push(field.notSupported(`${p}.protocol`, port.protocol, PORT_PROTOCOLS));
  });
  return errs;
}

/** validateVolumeMounts checks each mount names a declared volume and has a unique mountPath. */
function validateVolumeMounts(mounts: VolumeMount[] | undefined, volumes: ReadonlySet<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const mountPoints = new Set<string>();
  (mounts ?? []).forEach((m, i) => {
    const p = `${path}[${i}]`;
    if (!m.name) errs.push(field.required(`${p}.name`));
    if (!volumes.has(m.name)) errs.push(field.notFound(`${p}.name`, m.name ?? ''));
    if (!m.mountPath) errs.push(field.required(`${p}.mountPath`));
    if (mountPoints.has(m.mountPath)) errs.push(field.invalid(`${p}.mountPath`, m.mountPath, 'must be unique'));
    mountPoints.add(m.mountPath);
    if (m.subPath) errs.push(...validateLocalDescendingPath(m.subPath, `${path}.subPath`));
  });
  return errs;
}

/** validateLocalDescendingPath: a relative path that does not climb out with '..'. */
export function validateLocalDescendingPath(target: string, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (target.startsWith('/')) errs.push(field.invalid(path, target, 'must be a relative path'));
  if (target.split('/').includes('..')) errs.push(field.invalid(path, target, "must not contain '..'"));
  return errs;
}

/** validateContainerCommon is what every kind of container (regular, init, ephemeral) must satisfy. */
function validateContainerCommon(c: Container, volumes: ReadonlySet<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!c.name) errs.push(field.required(`${path}.name`));
  else errs.push(...invalidEach(`${path}.name`, c.name, isDNS1123Label(c.name)));
  if (!c.image) errs.push(field.required(`${path}.image`));
  const tmp = c.terminationMessagePolicy;
  if (!tmp) errs.push(field.required(`${path}.terminationMessagePolicy`));
  else if (tmp !== 'File' && tmp !== 'FallbackToLogsOnError') {
    errs.push(field.notSupported(`${path}.terminationMessagePolicy`, tmp, ['File', 'FallbackToLogsOnError']));
  }
  errs.push(...validateContainerPorts(c.ports, `${path}.ports`));
  errs.push(...validateEnv(c.env, `${path}.env`));
  errs.push(...validateEnvFrom(c.envFrom, `${path}.envFrom`));
  errs.push(...validateVolumeMounts(c.volumeMounts, volumes, `${path}.volumeMounts`));
  if (!c.imagePullPolicy) errs.push(field.required(`${path}.imagePullPolicy`));
  else if (!PULL_POLICIES.includes(c.imagePullPolicy)) {
    errs.push(field.notSupported(`${path}.imagePullPolicy`, c.imagePullPolicy, PULL_POLICIES));
  }
  errs.push(...validateResourceRequirements(c.resources, `${path}.resources`));
  return errs;
}

/** checkHostPortConflicts reports a hostIP/protocol/hostPort used twice. */
function checkHostPortConflicts(containers: Container[], path: string, seen = new Set<string>(), offset = 0): FieldError[] {
  const errs: FieldError[] = [];
  containers.forEach((c, ci) => {
    (c.ports ?? []).forEach((port, pi) => {
      if (!port.hostPort) return;
      const key = `${port.hostIP ?? ''}/${port.protocol ?? ''}/${port.hostPort}`;
      if (seen.has(key)) errs.push(field.duplicate(`${path}[${ci + offset}].ports[${pi}].hostPort`, key));
      else seen.add(key);
    });
  });
  return errs;
}

/** validateContainers checks spec.containers: at least one, unique names, probes, lifecycle. */
export function validateContainers(containers: Container[] | undefined, volumes: ReadonlySet<string>, gracePeriod: number, path: string): FieldError[] {
  if (!containers || containers.length === 0) return [field.required(path)];
  const errs: FieldError[] = [];
  const names = new Set<string>();
  containers.forEach((c, i) => {
    const p = `${path}[${i}]`;
    errs.push(...validateContainerCommon(c, volumes, p));
    if (names.has(c.name)) errs.push(field.duplicate(`${p}.name`, c.name));
    else names.add(c.name);
    if (c.lifecycle) errs.push(...validateLifecycle(c.lifecycle, gracePeriod, `${p}.lifecycle`));
    errs.push(...validateProbeKind(c.livenessProbe, 'liveness', gracePeriod, `${p}.livenessProbe`));
    errs.push(...validateProbeKind(c.readinessProbe, 'readiness', gracePeriod, `${p}.readinessProbe`));
    errs.push(...validateProbeKind(c.startupProbe, 'startup', gracePeriod, `${p}.startupProbe`));
    if (c.restartPolicy !== undefined) errs.push(field.forbidden(`${p}.restartPolicy`, 'may not be set for non-init containers'));
  });
  errs.push(...checkHostPortConflicts(containers, path));
  return errs;
}

/** validateInitContainers checks spec.initContainers; only sidecars (restartPolicy Always) may have probes or lifecycle. */
export function validateInitContainers(
  inits: Container[] | undefined,
  regular: Container[] | undefined,
  volumes: ReadonlySet<string>,
  gracePeriod: number,
  path: string,
): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set((regular ?? []).map((c) => c.name));
  (inits ?? []).forEach((c, i) => {
    const p = `${path}[${i}]`;
    errs.push(...validateContainerCommon(c, volumes, p));
    let sidecar = false;
    if (c.restartPolicy !== undefined) {
      if (c.restartPolicy !== 'Always') errs.push(field.notSupported(`${p}.restartPolicy`, c.restartPolicy, ['Always']));
      sidecar = c.restartPolicy === 'Always';
    }
    if (names.has(c.name)) errs.push(field.duplicate(`${p}.name`, c.name));
    else if (c.name) names.add(c.name);
    errs.push(...checkHostPortConflicts([c], path, new Set(), i));
    if (sidecar) {
      if (c.lifecycle) errs.push(...validateLifecycle(c.lifecycle, gracePeriod, `${p}.lifecycle`));
      errs.push(...validateProbeKind(c.livenessProbe, 'liveness', gracePeriod, `${p}.livenessProbe`));
      errs.push(...validateProbeKind(c.readinessProbe, 'readiness', gracePeriod, `${p}.readinessProbe`));
      errs.push(...validateProbeKind(c.startupProbe, 'startup', gracePeriod, `${p}.startupProbe`));
    } else {
      const msg = 'may not be set for init containers without restartPolicy=Always';
      if (c.lifecycle) errs.push(field.forbidden(`${p}.lifecycle`, msg));
      if (c.livenessProbe) errs.push(field.forbidden(`${p}.livenessProbe`, msg));
      if (c.readinessProbe) errs.push(field.forbidden(`${p}.readinessProbe`, msg));
      if (c.startupProbe) errs.push(field.forbidden(`${p}.startupProbe`, msg));
    }
  });
  return errs;
}
