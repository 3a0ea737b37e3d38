/**
 * Probe and lifecycle handler validation (validateProbe, validateHandler,
 * validateLifecycle in pkg/apis/core/validation/validation.go, v1.32).
 */
import type { Lifecycle, LifecycleHandler, Probe } from 'kubernetes-types/core/v1';
import type { FieldError } from '../status.ts';
import { isValidPortName, isValidPortNum } from '../nameValidation.ts';
import { field, invalidEach, validateNonnegativeField } from './field.ts';

/** validatePortNumOrName checks an int-or-string port: a number in 1-65535 or an IANA service name. */
export function validatePortNumOrName(port: number | string | undefined, path: string): FieldError[] {
  if (typeof port === 'number') return invalidEach(path, port, isValidPortNum(port));
  return invalidEach(path, port ?? '', isValidPortName(port ?? ''));
}

type Handler = {
  exec?: { command?: string[] };
  httpGet?: { path?: string; port: number | string; scheme?: string };
  tcpSocket?: { port: number | string };
  grpc?: { port: number };
  sleep?: { seconds: number };
};

/** validateHandler checks exactly one handler type is given, then that handler. */
function validateHandler(h: Handler, gracePeriod: number, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let count = 0;
  const one = (name: keyof Handler, check: () => FieldError[]): void => {
    if (h[name] === undefined || h[name] === null) return;
    if (count > 0) {
      errs.push(field.forbidden(`${path}.${name}`, 'may not specify more than 1 handler type'));
      return;
    }
    count++;
    errs.push(...check());
  };
  one('exec', () => (h.exec!.command?.length ? [] : [field.required(`${path}.exec.command`)]));
  one('httpGet', () => {
    const g = h.httpGet!;
    const e: FieldError[] = [];
    if (!g.path) e.push(field.required(`${path}.httpGet.path`));
    e.push(...validatePortNumOrName(g.port, `${path}.httpGet.port`));
    if (g.scheme !== 'HTTP' && g.scheme !== 'HTTPS') e.push(field.notSupported(`${path}.httpGet.scheme`, g.scheme ?? '', ['HTTP', 'HTTPS']));
    return e;
  });
  one('tcpSocket', () => validatePortNumOrName(h.tcpSocket!.port, `${path}.tcpSocket.port`));
  one('grpc', () => invalidEach(`${path}.grpc.port`, h.grpc!.port, isValidPortNum(h.grpc!.port)));
  one('sleep', () => {
    const s = h.sleep!.seconds;
    return s < 0 || s > gracePeriod
      ? [field.invalid(`${path}.sleep.seconds`, s, `must be non-negative and less than terminationGracePeriodSeconds (${gracePeriod})`)]
      : [];
  });
  if (count === 0) errs.push(field.required(path, 'must specify a handler type'));
  return errs;
}

/** validateProbe checks the handler and that every timing is non-negative. */
export function validateProbe(probe: Probe, gracePeriod: number, path: string): FieldError[] {
  const errs = validateHandler(probe as Handler, gracePeriod, path);
  errs.push(...validateNonnegativeField(probe.initialDelaySeconds, `${path}.initialDelaySeconds`));
  errs.push(...validateNonnegativeField(probe.timeoutSeconds, `${path}.timeoutSeconds`));
  errs.push(...validateNonnegativeField(probe.periodSeconds, `${path}.periodSeconds`));
  errs.push(...validateNonnegativeField(probe.successThreshold, `${path}.successThreshold`));
  errs.push(...validateNonnegativeField(probe.failureThreshold, `${path}.failureThreshold`));
  if (probe.terminationGracePeriodSeconds !== undefined && probe.terminationGracePeriodSeconds <= 0) {
    errs.push(field.invalid(`${path}.terminationGracePeriodSeconds`, probe.terminationGracePeriodSeconds, 'must be greater than 0'));
  }
  return errs;
}

/** validateProbeKind: liveness and startup probes also need successThreshold 1. */
export function validateProbeKind(probe: Probe | undefined, kind: 'liveness' | 'readiness' | 'startup', gracePeriod: number, path: string): FieldError[] {
  if (!probe) return [];
  const errs = validateProbe(probe, gracePeriod, path);
  if (kind !== 'readiness' && probe.successThreshold !== 1) {
    errs.push(field.invalid(`${path}.successThreshold`, probe.successThreshold ?? 0, 'must be 1'));
  }
  return errs;
}

/** validateLifecycle checks postStart and preStop handlers. */
export function validateLifecycle(lifecycle: Lifecycle, gracePeriod: number, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const handlers: [string, LifecycleHandler | undefined][] = [
    ['postStart', lifecycle.postStart],
    ['preStop', lifecycle.preStop],
  ];
  for (const [name, h] of handlers) {
    if (h) errs.push(...validateHandler(h as Handler, gracePeriod, `${path}.${name}`));
  }
  return errs;
}
