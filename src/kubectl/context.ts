/**
 * KubectlContext: everything one kubectl invocation may touch.
 *
 * kubectl only sees the cluster through its Client; the host (browser worker, headless
 * CLI, tests) supplies time, waiting and the workspace files. The shapes here are
 * structural twins of the shell's CommandIO/VirtualFS, so the shell can pass its own.
 */
import type { Client } from '../core/client/client.ts';
import type { KubeConfig } from './kubeconfig.ts';

/** WorkspaceFS is the part of the shell's VirtualFS kubectl reads and writes. */
export interface WorkspaceFS {
  read(path: string, cwd?: string): string;
  write(path: string, data: string, cwd?: string): void;
  exists(path: string, cwd?: string): boolean;
  stat(path: string, cwd?: string): { type: 'file' | 'dir' };
  list(path: string, cwd?: string): string[];
  resolve(path: string, cwd?: string): string;
  /** mkdir creates a directory (with its parents under `parents`), for `kubectl cp` of directories. */
  mkdir(path: string, opts?: { parents?: boolean }, cwd?: string): void;
}

/** CancelSignal is the part of AbortSignal kubectl needs. */
export interface CancelSignal {
  readonly aborted: boolean;
}

/** KubectlHost is what the environment provides, shared by every invocation. */
export interface KubectlHost {
  client: Client;
  kubeconfig: KubeConfig;
  now(): number;
  /** waitFor waits (virtual time headless, wall time in the browser) until done() or the timeout; resolves to done(). */
  waitFor(done: () => boolean, timeoutMs: number, signal?: CancelSignal): Promise<boolean>;
  sleep(ms: number, signal?: CancelSignal): Promise<void>;
  /** edit opens an object in the editor (browser only); headless hosts leave it undefined. */
  edit?(text: string, path: string): Promise<string | undefined>;
  /** serverVersion is the cluster's Kubernetes version ("v1.32.2"), what GET /version reports as gitVersion. */
  serverVersion?(): string;
  /**
   * openShell turns the terminal into an interactive shell inside a container (`kubectl exec -it
   * POD -- sh`): later input goes to it until `exit`. Returns false when it cannot (no such
   * process). `onExit` runs when that shell exits (e.g. `kubectl run --rm` deletes the pod).
   */
  openShell?(namespace: string, pod: string, container: string, command: string[], onExit?: (status: number, out: { stdout(t: string): void; stderr(t: string): void }) => void | Promise<void>): boolean;
  /** portForward makes a pod port reachable from the terminal (browser only). */
  portForward?(namespace: string, pod: string, localPort: number, remotePort: number): void;
}

/** KubectlContext is one invocation: the host plus this command's I/O. */
export interface KubectlContext extends KubectlHost {
  stdin: string;
  stdout(text: string): void;
  stderr(text: string): void;
  fs: WorkspaceFS;
  cwd: string;
  env: Map<string, string>;
  signal: CancelSignal;
  isTTY: boolean;
}
