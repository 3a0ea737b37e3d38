/**
 * KubeletNodeProxy serves pods/log and pods/exec for every kubelet (the API server proxies
 * those requests to the pod's node, pkg/kubelet/server). Errors are the apiserver's and
 * kubelet's texts: `container "web" in pod "web-abc" is waiting to start: ContainerCreating`,
 * `previous terminated container "web" in pod "web-abc" not found`,
 * `container x is not valid for pod y`, all 400 BadRequest.
 */
import { badRequest, internalError } from '../../api/status.ts';
import type { KubeObject, Pod } from '../../api/types.ts';
import type { ExecRequest, NodeProxy, PodLogOptions } from '../../apiserver/nodeProxy.ts';
import type { ContainerLog, LogEntry } from '../runtime/containerLog.ts';
import { rfc3339Nano } from '../runtime/containerLog.ts';
import { sha256Hex } from '../images/sha256.ts';
import { execInContainer } from '../runtime/exec.ts';
import type { Kubelet } from './kubelet.ts';
import { containerNamed, type ContainerRecord } from './podState.ts';

/** KubeletNodeProxy finds the kubelet of a pod's node. */
export class KubeletNodeProxy implements NodeProxy {
  /** execs numbers exec sessions, so each failed one names its own exec ID. */
  private execs = 0;

  constructor(private readonly kubelet: (nodeName: string) => Kubelet | undefined) {}

  private container(pod: KubeObject, name: string): { c: ContainerRecord; podName: string } {
    const p = pod as Pod;
    const podName = p.metadata!.name!;
    const all = [...(p.spec?.initContainers ?? []), ...(p.spec?.containers ?? [])];
    if (!name) {
      if (p.spec!.containers.length !== 1) {
        const inits = (p.spec?.initContainers ?? []).map((c) => c.name);
        const initPart = inits.length ? ` or one of the init containers: [${inits.join(' ')}]` : '';
        throw badRequest(`a container name must be specified for pod ${podName}, choose one of: [${p.spec!.containers.map((c) => c.name).join(' ')}]${initPart}`);
      }
      name = p.spec!.containers[0].name;
    }
    if (!all.some((c) => c.name === name)) throw badRequest(`container ${name} is not valid for pod ${podName}`);
    const k = p.spec?.nodeName ? this.kubelet(p.spec.nodeName) : undefined;
    const rec = k?.record(p.metadata!.namespace!, podName);
    const c = rec && containerNamed(rec, name);
    if (!c) throw badRequest(`container "${name}" in pod "${podName}" is waiting to start: ContainerCreating`);
    return { c, podName };
  }

  private logOf(pod: KubeObject, opts: PodLogOptions): ContainerLog {
    const { c, podName } = this.container(pod, opts.container);
    if (opts.previous) {
      if (!c.previousLog) throw badRequest(`previous terminated container "${c.name}" in pod "${podName}" not found`);
      return c.previousLog;
    }
    if (!c.log) {
      throw badRequest(`container "${c.name}" in pod "${podName}" is waiting to start: ${waitingText('waiting' in c.state ? c.state.waiting.reason : 'ContainerCreating')}`);
    }
    return c.log;
  }

  logs(pod: KubeObject, opts: PodLogOptions): string {
    const log = this.logOf(pod, opts);
    const now = this.now(pod);
    return selectLines(log.lines(), opts, now).map((e) => formatLine(e, opts)).join('');
  }

  followLogs(pod: KubeObject, opts: PodLogOptions, onText: (text: string) => void): { stop(): void } {
    const text = this.logs(pod, opts);
    if (text) onText(text);
    const unsubscribe = this.logOf(pod, opts).subscribe((e) => onText(formatLine(e, opts)));
    return { stop: unsubscribe };
  }

  async exec(pod: KubeObject, req: ExecRequest): Promise<number> {
    const { c } = this.container(pod, req.container);
    const proc = c.process;
    if (!proc || !proc.running) throw badRequest(`unable to upgrade connection: container not found ("${c.name}")`);
    const r = await execInContainer(proc, req.command, { stdin: req.stdin, stdout: req.stdout, stderr: req.stderr });
    if (!r.ok) {
      // The kubelet's streaming server (cri/streaming/remotecommand ServeExec) writes a runtime
      // failure to the error stream as an InternalError, not as an exit code; containerd names
      // the exec process it failed to start.
      const execID = sha256Hex(`${c.containerID ?? ''}/exec/${++this.execs}`);
      throw internalError(`error executing command in container: failed to exec in container: failed to start exec "${execID}": ${r.message}`);
    }
    return r.result.exitCode;
  }

  private now(pod: KubeObject): number {
    const k = this.kubelet((pod as Pod).spec?.nodeName ?? '');
    return k ? k.now() : 0;
  }
}

/** selectLines applies sinceSeconds/sinceTime, tailLines and limitBytes as the kubelet does. */
export function selectLines(lines: readonly LogEntry[], opts: PodLogOptions, now: number): LogEntry[] {
  let out = [...lines];
  if (opts.sinceSeconds !== undefined) out = out.filter((e) => e.time >= now - opts.sinceSeconds! * 1000);
  if (opts.sinceTime) {
    const t = Date.parse(opts.sinceTime);
    out = out.filter((e) => e.time >= t);
  }
  if (opts.tailLines !== undefined) out = opts.tailLines <= 0 ? [] : out.slice(-opts.tailLines);
  if (opts.limitBytes !== undefined) {
    let budget = opts.limitBytes;
    const limited: LogEntry[] = [];
    for (const e of out) {
      if (budget <= 0) break;
      const line = e.line + '\n';
      limited.push(line.length <= budget ? e : { ...e, line: line.slice(0, budget) });
      budget -= line.length;
    }
    out = limited;
  }
  return out;
}

function formatLine(e: LogEntry, opts: PodLogOptions): string {
  const text = e.line.endsWith('\n') ? e.line : e.line + '\n';
  return opts.timestamps ? `${rfc3339Nano(e.time)} ${text}` : text;
}

/**
 * waitingText is how validateContainerLogStatus (pkg/kubelet/kubelet_pods.go) words a waiting
 * container: the two image pull failures get a sentence, any other reason is printed as is.
 */
export function waitingText(reason: string): string {
  if (reason === 'ErrImagePull') return "image can't be pulled";
  if (reason === 'ImagePullBackOff') return 'trying and failing to pull image';
  return reason;
}
