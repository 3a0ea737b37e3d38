/**
 * NodeProxy: how the API server reaches kubelets for pods/log and pods/exec, as the real
 * apiserver proxies those requests to the node's kubelet. The node layer installs it.
 */
import type { KubeObject } from '../api/types.ts';

/** PodLogOptions is core/v1 PodLogOptions (the query of GET pods/x/log). */
export interface PodLogOptions {
  container: string;
  previous?: boolean;
  tailLines?: number;
  sinceSeconds?: number;
  sinceTime?: string;
  timestamps?: boolean;
  limitBytes?: number;
}

/** ExecRequest is one `kubectl exec` session. */
export interface ExecRequest {
  container: string;
  command: string[];
  stdin: string;
  tty: boolean;
  stdout(text: string): void;
  stderr(text: string): void;
  /** signal is any AbortSignal-like object (core has no DOM types). */
  signal?: { readonly aborted: boolean };
}

/** NodeProxy answers log and exec requests for pods on simulated nodes. */
export interface NodeProxy {
  /** logs returns the log text; it throws a StatusError when the container has none to show. */
  logs(pod: KubeObject, opts: PodLogOptions): string;
  /** followLogs streams new lines until stop() (kubectl logs -f). */
  followLogs(pod: KubeObject, opts: PodLogOptions, onText: (text: string) => void): { stop(): void };
  /** exec runs a command in the container; resolves to its exit status. */
  exec(pod: KubeObject, req: ExecRequest): Promise<number>;
}
