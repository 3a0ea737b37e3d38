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
    const kubectl = kubectlCommand({ cluster: this.cluster, kubeconfig: this.kubeconfig, driver: this.driver, edit: opts.edit });
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
      return await this.shell.run(input, out, signal);
    } finally {
      this.cluster.settle();
    }
  }
}
