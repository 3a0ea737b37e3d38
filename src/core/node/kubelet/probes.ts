/**
 * Probes (pkg/kubelet/prober): one worker per container and probe kind, on the virtual clock.
 * A probe first runs after initialDelaySeconds, then every periodSeconds; successThreshold
 * successes or failureThreshold failures in a row flip the result. Startup gates liveness and
 * readiness; readiness drives `ready`; a liveness (or startup) failure makes the kubelet kill
 * and restart the container. Failure texts are the prober's: `HTTP probe failed with
 * statuscode: 500`, `Get "http://10.244.1.5:8080/": dial tcp ...: connect: connection refused`.
 */
import type { Container, Probe } from 'kubernetes-types/core/v1';
import type { Clock } from '../../sim/clock.ts';
import { execInContainer } from '../runtime/exec.ts';
import type { ContainerProcess } from '../runtime/process.ts';

/** ProbeKind is which probe a worker runs. */
export type ProbeKind = 'liveness' | 'readiness' | 'startup';

/** ProbeOutcome is one probe run. */
export interface ProbeOutcome {
  ok: boolean;
  message: string;
}

/** resolvePort turns a named port into its number using the container's ports. */
export function resolvePort(container: Container, port: number | string | undefined): number {
  if (typeof port === 'number') return port;
  const named = container.ports?.find((p) => p.name === port);
  return named ? named.containerPort : Number(port);
}

/**
 * runProbe performs one probe against a running process. httpGet, tcpSocket and grpc answer
 * synchronously when the program's handler does (so results land in the same loop instant);
 * exec probes run a shell and always resolve later.
 */
export function runProbe(probe: Probe, container: Container, proc: ContainerProcess, podIP: string, nodeIP: string): ProbeOutcome | Promise<ProbeOutcome> {
  if (probe.exec) {
    return execInContainer(proc, [...(probe.exec.command ?? [])]).then((r) =>
      r.ok ? { ok: r.result.exitCode === 0, message: (r.result.stdout + r.result.stderr).replace(/\n$/, '') } : { ok: false, message: r.message },
    );
  }
  if (probe.httpGet) {
    const port = resolvePort(container, probe.httpGet.port);
    const host = probe.httpGet.host || podIP;
    const scheme = (probe.httpGet.scheme ?? 'HTTP').toLowerCase();
    const path = probe.httpGet.path || '/';
    const url = `${scheme}://${host}:${port}${path}`;
    const headers: Record<string, string> = { host: `${host}:${port}`, 'user-agent': 'kube-probe/1.32', accept: '*/*', connection: 'close' };
    for (const h of probe.httpGet.httpHeaders ?? []) headers[h.name.toLowerCase()] = h.value;
    const res = proc.requestNow(port, { method: 'GET', path, headers, body: '', fromIP: nodeIP });
    if (!res) return { ok: false, message: `Get "${url}": dial tcp ${host}:${port}: connect: connection refused` };
    const judge = (r: { status: number }): ProbeOutcome =>
      r.status >= 200 && r.status < 400 ? { ok: true, message: '' } : { ok: false, message: `HTTP probe failed with statuscode: ${r.status}` };
    return res instanceof Promise ? res.then(judge) : judge(res);
  }
  if (probe.tcpSocket) {
    const port = resolvePort(container, probe.tcpSocket.port);
    const host = probe.tcpSocket.host || podIP;
    return proc.accepts(port) ? { ok: true, message: '' } : { ok: false, message: `dial tcp ${host}:${port}: connect: connection refused` };
  }
  if (probe.grpc) {
    const port = probe.grpc.port;
    return proc.accepts(port)
      ? { ok: true, message: '' }
      : { ok: false, message: `timeout: failed to connect service "${podIP}:${port}" within 1s: context deadline exceeded` };
  }
  return { ok: true, message: '' };
}

/** ProbeCallbacks let a worker report to the kubelet. */
export interface ProbeCallbacks {
  /** alive says whether this worker's container instance still runs (else the worker stops). */
  alive(): boolean;
  /** gated says whether to skip this run (liveness/readiness wait for startup). */
  gated(): boolean;
  /** failed is called on each failed run (for the Unhealthy event). */
  failed(message: string): void;
  /** result is called when the thresholded result flips. */
  result(ok: boolean): void;
}

/** startProbeWorker schedules a probe loop; it stops by itself when `alive()` turns false. */
export function startProbeWorker(
  clock: Clock,
  probe: Probe,
  run: () => ProbeOutcome | Promise<ProbeOutcome>,
  initial: boolean,
  cb: ProbeCallbacks,
): void {
  const period = (probe.periodSeconds ?? 10) * 1000;
  const successThreshold = probe.successThreshold ?? 1;
  const failureThreshold = probe.failureThreshold ?? 3;
  let current = initial;
  let successes = 0;
  let failures = 0;
  const tick = (): void => {
    if (!cb.alive()) return;
    if (cb.gated()) {
      clock.after(period, tick);
      return;
    }
    const apply = (outcome: ProbeOutcome): void => {
      if (!cb.alive()) return;
      if (outcome.ok) {
        failures = 0;
        successes++;
        if (!current && successes >= successThreshold) {
          current = true;
          cb.result(true);
        }
      } else {
        successes = 0;
        failures++;
        cb.failed(outcome.message);
        if (current && failures >= failureThreshold) {
          current = false;
          failures = 0;
          cb.result(false);
        } else if (!current && failures >= failureThreshold && failures === failureThreshold) {
          cb.result(false);
        }
      }
    };
    const outcome = run();
    if (outcome instanceof Promise) void outcome.then(apply);
    else apply(outcome);
    clock.after(period, tick);
  };
  clock.after((probe.initialDelaySeconds ?? 0) * 1000, tick);
}
