/**
 * TerminalSession: one terminal on the control-plane node of one cluster — the shell with
 * kubectl (and the network tools) registered, a kubeconfig, and a time driver.
 *
 * The browser worker, the headless CLI and the scenario tests all build the same session;
 * only the time driver differs (wall-clock ticking vs. advancing only while waiting).
 */
import type { Cluster } from '../core/sim/cluster.ts';
import { defaultKubeConfig, type KubeConfig } from '../kubectl/kubeconfig.ts';
import { Shell } from '../shell/shell.ts';
import type { OutputSink, ShellSignal, VirtualFS } from '../shell/types.ts';
import { openContainerShell, type NestedShell } from './containerShells.ts';
import { kubectlCommand } from './kubectlCommand.ts';
import { registerClusterTools } from './clusterTools.ts';
import { kubectlCompleter } from './kubectlCompletion.ts';
import type { TimeDriver } from './timeDriver.ts';

/** SessionOptions wire a session to its cluster. */
export interface SessionOptions {
  cluster: Cluster;
  driver: TimeDriver;
  fs?: VirtualFS;
  kubeconfig?: KubeConfig;
  /** edit opens text in the browser's editor; undefined headless. */
  edit?: (text: string, path: string) => Promise<string | undefined>;
}

export class TerminalSession {
  readonly cluster: Cluster;
  readonly shell: Shell;
  readonly kubeconfig: KubeConfig;
  readonly driver: TimeDriver;
  private nested: NestedShell | undefined;

  constructor(opts: SessionOptions) {
    this.cluster = opts.cluster;
    this.driver = opts.driver;
    this.kubeconfig = opts.kubeconfig ?? defaultKubeConfig();
    this.shell = new Shell({
      fs: opts.fs,
      now: () => this.cluster.now(),
      sleep: (ms, signal) => this.driver.sleep(ms, signal),
      hostname: 'controlplane',
    });
    const kubectl = kubectlCommand({
      cluster: this.cluster,
      kubeconfig: this.kubeconfig,
      driver: this.driver,
      edit: opts.edit,
      openShell: (ns, pod, container, command, onExit) => this.openShell(ns, pod, container, command, onExit),
    });
    this.shell.register('kubectl', kubectl);
    this.shell.register('k', kubectl);
    const completer = kubectlCompleter({ client: this.cluster.client(), kubeconfig: this.kubeconfig });
    this.shell.registerCompleter('kubectl', completer);
    this.shell.registerCompleter('k', completer);
    registerClusterTools(this.shell, this.cluster);
  }

  /** run executes one terminal input (possibly several lines, e.g. a here-doc). */
  async run(input: string, out: OutputSink, signal?: ShellSignal): Promise<number> {
    try {
      const nested = this.nested;
      if (!nested) return await this.shell.run(input, out, signal);
      const status = await nested.shell.run(input, out, signal);
      if (nested.shell.exited) {
        this.nested = undefined;
        // kubectl reports a non-zero exit of the remote shell, as for any exec'd command.
        if (status !== 0) out.stderr(`command terminated with exit code ${status}\n`);
        await nested.onExit?.(status, out);
      }
      return status;
    } finally {
      this.cluster.settle();
    }
  }

  /** prompt is the active shell's prompt: the node's, or the container's during `kubectl exec -it`. */
  prompt(): string {
    return this.nested ? this.nested.prompt() : this.shell.prompt();
  }

  /** needsMoreInput asks the active shell whether the input is incomplete. */
  needsMoreInput(text: string): boolean {
    return (this.nested?.shell ?? this.shell).needsMoreInput(text);
  }

  /** complete offers tab completions from the active shell. */
  complete(line: string, cursor: number): ReturnType<Shell['complete']> {
    return (this.nested?.shell ?? this.shell).complete(line, cursor);
  }

  /** inContainer tells whether input currently goes to a container shell. */
  get inContainer(): boolean {
    return this.nested !== undefined;
  }

  private openShell(namespace: string, pod: string, container: string, command: string[], onExit?: NestedShell['onExit']): boolean {
    const nested = openContainerShell(this.cluster, this.driver, namespace, pod, container, command);
    if (!nested) return false;
    this.nested = { ...nested, onExit };
    return true;
  }
}
