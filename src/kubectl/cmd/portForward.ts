/**
 * kubectl port-forward (staging/src/k8s.io/kubectl/pkg/cmd/portforward/portforward.go).
 *
 * `kubectl port-forward TYPE/NAME [LOCAL:]REMOTE...`: picks the pod (a Service's port is
 * translated to its target container port, named ports are looked up), requires it to be
 * Running, prints kubectl's two `Forwarding from` lines per port, then holds the forward
 * until Ctrl-C. In the browser the host's `portForward` hook makes the port reachable from
 * the terminal (`curl localhost:8080`).
 */
import type { Pod, Service } from 'kubernetes-types/core/v1';
import type { Invocation, KubectlCommand } from '../command.ts';
import { CommandError, UsageFailure } from '../errors.ts';
import { podForArgument } from './podTargets.ts';

export const portForward: KubectlCommand = {
  name: 'port-forward',
  short: 'Forward one or more local ports to a pod',
  run: runPortForward,
};

/** PortPair is one LOCAL:REMOTE mapping. */
interface PortPair {
  local: number;
  remote: string;
}

async function runPortForward(inv: Invocation): Promise<number> {
  const { ctx } = inv;
  if (inv.args.length < 2) throw new UsageFailure('TYPE/NAME and list of ports are required for port-forward');
  const target = inv.args[0];
  const pairs = inv.args.slice(1).map(parsePort);
  const pod = podForArgument(inv, target, () => undefined);
  let service: Service | undefined;
  if (target.includes('/')) {
    const def = inv.mapper.resolve(target.slice(0, target.indexOf('/')));
    if (def.kind === 'Service') service = ctx.client.get(def, inv.namespace, target.slice(target.indexOf('/') + 1)) as Service;
  }
  if (pod.status?.phase !== 'Running') {
    throw new CommandError(`error: unable to forward port because pod is not running. Current status=${pod.status?.phase ?? 'Pending'}`);
  }
  const ns = pod.metadata?.namespace ?? inv.namespace;
  const name = pod.metadata?.name ?? '';
  const resolved = pairs.map((p) => ({ local: p.local, remote: containerPort(pod, service, p.remote) }));
  for (const p of resolved) {
    // `:80` asks for any free local port; kubectl's is random, ours is derived so runs repeat.
    const local = p.local || 40000 + (p.remote % 10000);
    ctx.stdout(`Forwarding from 127.0.0.1:${local} -> ${p.remote}\nForwarding from [::1]:${local} -> ${p.remote}\n`);
    ctx.portForward?.(ns, name, local, p.remote);
  }
  await ctx.waitFor(() => ctx.signal.aborted, Number.POSITIVE_INFINITY, ctx.signal);
  return 0;
}

/** parsePort reads "8080:80", ":80" or "80" (and rejects what kubectl rejects). */
function parsePort(spec: string): PortPair {
  const parts = spec.split(':');
  if (parts.length > 2) throw new CommandError(`error: invalid port format '${spec}'`);
  const [localText, remote] = parts.length === 2 ? parts : [parts[0], parts[0]];
  if (remote === '') throw new CommandError(`error: Remote port must be > 0 and < 65536`);
  let local = 0;
  if (localText !== '') {
    if (!/^\d+$/.test(localText) || Number(localText) > 65535) throw new CommandError(`error: Error parsing local port '${localText}': strconv.ParseUint: parsing "${localText}": invalid syntax`);
    local = Number(localText);
  }
  return { local, remote };
}

/** containerPort maps a service port or a named port to the container port number. */
function containerPort(pod: Pod, service: Service | undefined, remote: string): number {
  let target: string = remote;
  if (service) {
    const sp = service.spec?.ports?.find((p) => String(p.port) === remote || p.name === remote);
    if (!sp) throw new CommandError(`error: Service ${service.metadata?.name} does not have a service port ${remote}`);
    target = sp.targetPort === undefined ? String(sp.port) : String(sp.targetPort);
  }
  if (/^\d+$/.test(target)) return Number(target);
  for (const c of pod.spec?.containers ?? []) {
    const p = c.ports?.find((port) => port.name === target);
    if (p) return p.containerPort;
  }
  throw new CommandError(`error: Pod '${pod.metadata?.name}' does not have a named port '${target}'`);
}
